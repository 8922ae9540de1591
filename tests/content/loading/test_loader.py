import datetime

from portal.content.loading.loader import load_library
from tests.conftest import loaded


def codes(library):
    return sorted((problem.id, problem.path.name) for problem in library.problems)


def test_fixture_tree_loads_sections_in_order(fixture_content):
    library = loaded(fixture_content)
    assert [section.slug for section in library.sections] == ["about", "emergencies"]
    assert [topic.slug for topic in library.section("about").topics] == ["what-it-is", "second"]


def test_topic_fields(fixture_content):
    topic = loaded(fixture_content).topic("about", "what-it-is")
    assert topic.title == "What it is"
    assert topic.url == "/about/what-it-is/"
    assert topic.updated == datetime.date(2026, 1, 10)
    assert [source.publisher for source in topic.sources] == ["Fixture publisher"]
    assert topic.clinical_signoff is None and topic.changes == ()
    assert topic.also_known_as == ("mets",)
    assert "bones, lungs, liver and brain" in topic.text
    assert topic.body_line == 17


def test_related_link_to_a_missing_page_is_an_error(fixture_content):
    library = loaded(fixture_content)
    assert ("content.E011", "what-it-is.md") in codes(library)
    assert [t.key for t in library.related(library.topic("about", "what-it-is"))] == [
        "emergencies/high-calcium"
    ]


def test_contacts_and_medicines_are_loaded(fixture_content):
    library = loaded(fixture_content)
    assert library.contact("breast-cancer-now-helpline").tel == "08088006000"
    assert library.medicines[0].brands == ("Herceptin",)


def test_broken_file_is_left_out_and_named(content_copy):
    (content_copy / "about" / "second.md").write_text("---\ntitle: [oops\n---\n")
    library = load_library(content_copy)
    assert library.topic("about", "second") is None
    assert library.topic("about", "what-it-is") is not None
    broken = [p for p in library.problems if p.path.name == "second.md"]
    assert broken and broken[0].id == "content.E003" and broken[0].line == 2


def test_unknown_key_names_its_line(content_copy):
    path = content_copy / "about" / "second.md"
    path.write_text(path.read_text().replace("order: 2", "order: 2\nsumary: typo"))
    problem = next(p for p in load_library(content_copy).problems if p.path == path)
    assert problem.id == "content.E005" and problem.line == 5 and "summary" in problem.hint


def test_bad_file_name_is_refused(content_copy):
    (content_copy / "about" / "Bad Name.md").write_text("---\ntitle: x\n---\n")
    assert ("content.E009", "Bad Name.md") in codes(load_library(content_copy))


def test_reserved_or_bad_section_folder_is_refused(content_copy):
    (content_copy / "search").mkdir()
    (content_copy / "Bad_Folder").mkdir()
    found = codes(load_library(content_copy))
    assert ("content.E010", "search") in found and ("content.E010", "Bad_Folder") in found


def test_section_without_index_is_an_error(content_copy):
    (content_copy / "extra").mkdir()
    library = load_library(content_copy)
    assert ("content.E012", "_index.md") in codes(library)
    assert library.section("extra").title == "Extra"


def test_broken_contacts_file_names_line(content_copy):
    (content_copy / "contacts.yml").write_text(
        "- slug: a\n  name: A\n  helps_with: x\n  tel: 0808 800\n"
    )
    problem = next(p for p in load_library(content_copy).problems if p.path.name == "contacts.yml")
    assert problem.id == "content.E006"


def test_missing_content_folder_is_an_error(tmp_path):
    library = load_library(tmp_path / "nowhere")
    assert library.sections == () and library.problems[0].id == "content.E000"


def _load_within(content_dir, seconds=20):
    """load_library in a thread, so a load that blocks fails the test instead of hanging it."""
    import threading

    found = []
    worker = threading.Thread(target=lambda: found.append(load_library(content_dir)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert found, "loading the content blocked on a file that is not an ordinary file"
    return found[0]


def test_pipes_in_the_content_folder_are_named_and_never_opened(content_copy):
    import os

    before = load_library(content_copy)
    # A pipe as a page, as a section's _index.md, as a data file and at the top level: opening
    # any of them for reading would wait for a writer for ever.
    os.mkfifo(content_copy / "about" / "pipe.md")
    (content_copy / "emergencies" / "_index.md").unlink()
    os.mkfifo(content_copy / "emergencies" / "_index.md")
    (content_copy / "contacts.yml").unlink()
    os.mkfifo(content_copy / "contacts.yml")
    os.mkfifo(content_copy / "stray-pipe")
    library = _load_within(content_copy)
    found = {(p.id, p.path.name) for p in library.problems}
    assert {
        ("content.E034", "pipe.md"),
        ("content.E034", "_index.md"),
        ("content.E034", "contacts.yml"),
    } <= found
    message = next(p for p in library.problems if p.path.name == "pipe.md")
    assert "pipe" in message.message and "Remove it" in message.hint
    # Everything else still loads.
    assert set(library.topics) == set(before.topics)
    assert library.contacts == ()

    from portal.content.checks.stray_files import stray_files

    assert ("content.E034", "stray-pipe") in {(p.id, p.path.name) for p in stray_files(library)}
