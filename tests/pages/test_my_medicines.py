"""The "My medicines" sheet and its chooser (/print/my-medicines/), on the fixture content."""

import datetime
import re
from dataclasses import replace

import pytest

from portal.content.loading import store
from portal.content.loading.models import Signoff
from portal.pages import medicine_choice

MEDICINES = """\
- name: letrozole
  brands: [Femara]
  group: aromatase inhibitor
  used_for: Lowers oestrogen.
  topic: about/what-it-is
  side_effects:
    - Menopause symptoms
  call_team_if:
    - You feel very unwell.
  source:
    title: Common questions about letrozole
    publisher: NHS
    url: https://www.nhs.uk/medicines/letrozole/common-questions-about-letrozole/
  updated: 2026-11-20
- name: tamoxifen
  brands: []
  group: anti-oestrogen
  used_for: Blocks oestrogen.
  topic: about/what-it-is
"""


@pytest.fixture
def medicines(content_copy):
    (content_copy / "medicines.yml").write_text(MEDICINES, encoding="utf-8")
    store.reset()
    return content_copy


def body(response) -> str:
    return response.content.decode()


def test_no_choice_shows_the_form_with_every_medicine(client, medicines):
    response = client.get("/print/my-medicines/")
    assert response.status_code == 200
    html = body(response)
    assert '<form class="pack-form" action="/print/my-medicines/" method="get">' in html
    assert 'name="m" value="letrozole"' in html and "Letrozole (Femara)" in html
    assert 'name="m" value="tamoxifen"' in html
    assert "Set-Cookie" not in response.headers and not response.cookies


def test_a_brand_and_its_general_name_are_one_medicine(client, medicines):
    response = client.get("/print/my-medicines/?m=Femara&m=LETROZOLE&m=+letrozole+")
    html = body(response)
    assert html.count('class="my-medicine"') == 1
    assert html.count("Menopause symptoms") == 1
    assert "You feel very unwell." in html
    assert 'href="https://www.nhs.uk/medicines/letrozole/common-questions-about-letrozole/"' in html
    # The sheet's own address names each medicine once, by its general name.
    assert "/print/my-medicines/?m=letrozole</span>" in html


def test_a_medicine_without_side_effects_sends_the_reader_to_a_pharmacist(client, medicines):
    html = body(client.get("/print/my-medicines/?m=tamoxifen"))
    assert "Ask your pharmacist" in html
    assert "Common side effects" not in html


def test_unknown_names_get_a_kind_note_not_an_error(client, medicines):
    response = client.get("/print/my-medicines/?m=letrozole&m=<b>pill</b>&m=" + "x" * 300)
    assert response.status_code == 200
    html = body(response)
    assert "We do not have these medicines on our list" in html
    assert "&lt;b&gt;pill&lt;/b&gt;" in html and "<b>pill</b>" not in html
    assert "x" * 61 not in html
    # Only unknown names: the chooser again, with the note.
    response = client.get("/print/my-medicines/?m=nothing-like-it")
    assert response.status_code == 200
    assert "We do not have this medicine on our list" in body(response)
    assert 'action="/print/my-medicines/"' in body(response)


def test_change_shows_the_form_with_the_choice_ticked(client, medicines):
    html = body(client.get("/print/my-medicines/?m=letrozole&change=1"))
    assert re.search(r'value="letrozole" checked', html)
    assert not re.search(r'value="tamoxifen" checked', html)


def test_the_sheet_says_honestly_that_no_clinician_has_checked_it(client, medicines):
    html = body(client.get("/print/my-medicines/?m=letrozole"))
    assert "This page has not yet been checked by a clinician" in html


def test_sheet_review_counts_as_checked_only_when_every_medicine_is(medicines):
    library = store.get_library()
    letrozole = next(m for m in library.medicines if m.name == "letrozole")
    tamoxifen = next(m for m in library.medicines if m.name == "tamoxifen")
    signed = replace(letrozole, clinical_signoff=Signoff("Pharmacist", datetime.date(2026, 11, 21)))
    assert medicine_choice.sheet_review((signed,)).clinical_signoff.role == "Pharmacist"
    assert medicine_choice.sheet_review((signed, tamoxifen)).clinical_signoff is None
    # A sign-off older than the text it covers does not count.
    stale = replace(letrozole, clinical_signoff=Signoff("Pharmacist", datetime.date(2026, 11, 1)))
    assert medicine_choice.sheet_review((stale,)).clinical_signoff is None


def test_choose_reads_a_bounded_number_of_names():
    assert medicine_choice.choose((), ["x"] * 1000).unknown == ("x",)


def test_a_medicine_with_only_when_to_call_still_sends_side_effects_to_a_pharmacist(
    client, content_copy
):
    (content_copy / "medicines.yml").write_text(
        MEDICINES
        + """\
- name: paclitaxel
  brands: []
  group: chemotherapy
  used_for: Chemotherapy.
  topic: about/what-it-is
  call_team_if:
    - Straight away if you have a temperature above 37.5°C.
  source:
    title: Paclitaxel
    publisher: Cancer Research UK
  updated: 2026-11-20
""",
        encoding="utf-8",
    )
    store.reset()
    html = body(client.get("/print/my-medicines/?m=paclitaxel"))
    assert "Straight away if you have a temperature above 37.5°C." in html
    assert "Ask your pharmacist" in html and "Common side effects" not in html
    # The team line is not doubled: the sheet already says when to call.
    assert "Your team can tell you when to call them." not in html
    assert "From: Paclitaxel, Cancer Research UK." in html
