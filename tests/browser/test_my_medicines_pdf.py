"""The "My medicines" sheet printed to PDF by Chromium and read back with pypdf: each chosen
medicine once (a brand and its general name are one), its side effects once each with their
source, "ask your pharmacist" where we have none, the emergency box and the honest review
status, on A4 with no site navigation."""

import pytest

from tests.browser.test_print_pdf import (
    A4_PORTRAIT,
    LIBRARY,
    assert_no_navigation,
    flat,
    pdf_of,
    size_of,
)

pytestmark = pytest.mark.browser

CHOSEN = ["Arimidex", "anastrozole", "Oramorph", "MORPHINE", "letrozole", "palbociclib"]


def test_my_medicines_sheet_prints_each_medicine_and_side_effect_once(make_page, site_url):
    query = "&".join(f"m={name}" for name in CHOSEN)
    _, texts, reader = pdf_of(make_page(), f"{site_url}/print/my-medicines/?{query}")
    text = flat(texts)
    assert size_of(reader) == A4_PORTRAIT
    assert len(texts) <= 3, f"{len(texts)} pages"
    medicines = {medicine.name: medicine for medicine in LIBRARY.medicines}
    for name in ("anastrozole", "morphine", "letrozole"):
        medicine = medicines[name]
        assert medicine.side_effects, name
        heading = name.capitalize()
        assert text.count(f"{heading} (") == 1, f"{name} is on the sheet once"
        assert " ".join(medicine.used_for.split()) in text
        for effect in medicine.side_effects:
            assert text.count(" ".join(effect.split())) == 1, effect
        for item in medicine.call_team_if:
            assert " ".join(item.split()) in text, item
        # On paper the page's address follows its title (it may wrap, so spaces are dropped).
        printed = f"From: {medicine.source.title} ({medicine.source.url}), NHS."
        assert printed.replace(" ", "") in text.replace(" ", "")
    # Palbociclib's side effects are not confirmed yet: the sheet says whom to ask, not a guess.
    assert not medicines["palbociclib"].side_effects
    assert text.count("Palbociclib (") == 1
    assert "we have not written these up yet. Ask your pharmacist" in text
    assert "Call 999 if a life is in danger" in text  # the emergency box
    assert "This page has not yet been checked by a clinician" in text
    assert "Sources and checking" in text
    assert_no_navigation(text)
    assert "Change my medicines" not in text
