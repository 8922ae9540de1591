"""The ranking rules, one at a time, on small made-up sites: the words typed outrank a
synonym's; an emergency description outranks a treatment title; when not every word
matches, the rarer words decide; stop words and question words never decide; and
`confident` is false when no page really answers."""

from portal.search import search
from tests.search.test_index import SOURCES, write_topic


def urls(text: str) -> list[str]:
    return [result.url for result in search(text).results]


def write_emergency(folder, slug, title, signs):
    (folder / f"{slug}.md").write_text(
        f"---\ntitle: {title}\nsummary: Get help now.\norder: 5\nupdated: 2026-01-10\n"
        f"next_review: 2027-01-10\n{SOURCES}---\n"
        f'!!! urgent "Call your 24-hour line if you have"\n    {signs}\n\n'
        "## Why it happens\n\nSome plain words about it.\n",
        encoding="utf-8",
    )


def test_the_words_typed_outrank_a_synonyms_meaning(content_copy):
    (content_copy / "synonyms.yml").write_text(
        "- words: [zebra crossing]\n  means: [road safety]\n", encoding="utf-8"
    )
    about = content_copy / "about"
    write_topic(about, "road-safety", "Road safety", "Crossing roads with care.")
    write_topic(about, "zebra-crossing", "Zebra crossing", "Black and white stripes.")
    found = urls("zebra crossing")
    assert found[0] == "/about/zebra-crossing/"
    assert "/about/road-safety/" in found  # the synonym still finds its page, lower down


def test_an_emergency_description_outranks_a_treatment_title(content_copy):
    write_emergency(
        content_copy / "emergencies",
        "cord-squeeze",
        "Pressure on the spinal cord",
        "back pain with weak legs or numbness",
    )
    write_topic(content_copy / "about", "legs", "Weak legs exercise class", "Gentle moves.")
    found = urls("back pain and my legs are weak")
    assert found[0] == "/emergencies/cord-squeeze/"
    assert search("back pain and my legs are weak").confident


def test_one_everyday_word_does_not_make_an_emergency(content_copy):
    write_emergency(
        content_copy / "emergencies",
        "cord-squeeze",
        "Pressure on the spinal cord",
        "back pain with weak legs or numbness",
    )
    write_topic(content_copy / "about", "aches", "Back pain", "Aches and how to ease them.")
    assert urls("back pain")[0] == "/about/aches/"


def test_when_not_every_word_matches_the_rarer_words_decide(content_copy):
    about = content_copy / "about"
    for n in range(6):
        write_topic(about, f"night-{n}", f"Night {n}", "Sleep at night.")
    write_topic(about, "quokka", "Small animals", "A quokka lives on an island.")
    # No page has both words: the page with the rare one comes first, however many
    # pages have the common one in their titles.
    assert urls("quokka night")[0] == "/about/quokka/"


def test_question_words_and_stop_words_never_decide(content_copy):
    about = content_copy / "about"
    write_topic(about, "how-can-i", "How can I do it", "What is it, how do I, can I?")
    write_topic(about, "quokka", "Small animals", "A quokka lives on an island.")
    assert urls("how can I see a quokka")[0] == "/about/quokka/"
    assert urls("what is a quokka")[0] == "/about/quokka/"


def test_confident_when_a_page_is_named_for_the_question(content_copy):
    write_topic(content_copy / "about", "quokka", "Quokka care", "All about quokkas.")
    assert search("quokka").confident
    assert search("quokka care").confident


def test_not_confident_about_a_word_the_site_never_uses(content_copy):
    write_topic(content_copy / "about", "quokka", "Quokka care", "Opening the gate.")
    response = search("tesco opening times")
    # A page has "opening", so there is something to show, but it does not answer.
    assert [r.url for r in response.results] == ["/about/quokka/"]
    assert response.confident is False


def test_not_confident_when_the_telling_word_is_only_part_of_a_name(content_copy):
    write_topic(
        content_copy / "about",
        "hormones",
        "Hormone therapy",
        "Some women have ovarian suppression.",
        also_known_as=["ovarian suppression"],
    )
    assert search("ovarian suppression").confident
    assert search("ovarian cancer").confident is False


def test_not_confident_with_nothing_to_show(fixture_content):
    response = search("zzxqv")
    assert response.results == () and response.confident is False
