"""The content as the desk sees it: the Library as the files are now, and one draft's page
read, rendered and checked as if it were published.

A draft is never written into the content folder to be checked. Its text goes into a private
temporary folder, is read by the loader's own functions (so the preview is the public
pipeline: front matter, markdown, sanitising, glossary marks), and a Library that is the
current one with that single page swapped in is given to the editor checks for that page.
Line numbers in the problems are the draft's own.
"""

import dataclasses
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from django.conf import settings

from portal.content.checks.editor import check_page
from portal.content.loading import store
from portal.content.loading.frontmatter import SECTION_FIELDS
from portal.content.loading.loader import load_topic, read_document, unexpected
from portal.content.loading.models import Library, Section, Topic
from portal.content.loading.problems import ContentError, Problem
from portal.content.loading.topic_files import TopicReader
from portal.content.rendering.bodies import BodyRenderer
from portal.content.rendering.markdown import remembering_renders
from portal.desk.pages import PageRef
from portal.pages.checks import site_path

_lock = threading.Lock()
_seen: tuple | None = None
_readers: dict[int, tuple[Library, TopicReader]] = {}


def _fingerprint(content_dir: Path) -> tuple:
    found = []
    for folder, subfolders, files in os.walk(content_dir):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            stat = os.stat(os.path.join(folder, name))
            found.append((folder, name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


def current_library() -> Library:
    """The Library, loaded again whenever a file changed (a publish, or an edit by hand).

    The desk must never show a page as it was before a publish, even in a worker that did not
    do the publishing; the public site instead reloads on its release (HUP)."""
    global _seen
    fingerprint = _fingerprint(Path(settings.PORTAL_CONTENT_DIR))
    with _lock:
        if fingerprint != _seen:
            store.reset()
            _seen = fingerprint
    return store.get_library()


def published_text(library: Library, ref: PageRef) -> str | None:
    """The page's file as published, or None for a page that does not exist yet."""
    path = ref.path(library.content_dir)
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None


@dataclass(frozen=True)
class Examined:
    """A draft as readers would get it: the page (None if it cannot load) and its problems."""

    page: Topic | Section | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.is_error)


def _reader(library: Library) -> TopicReader:
    found = _readers.get(id(library))
    if found is None or found[0] is not library:
        _readers.clear()  # one Library at a time is current
        found = _readers[id(library)] = (library, TopicReader(library.glossary, library.medicines))
    return found[1]


def _with_section(library: Library, section: Section) -> Library:
    sections = tuple(section if s.slug == section.slug else s for s in library.sections)
    return dataclasses.replace(
        library,
        sections=sections,
        _sections_by_slug=MappingProxyType({s.slug: s for s in sections}),
    )


def _with_topic(library: Library, topic: Topic) -> Library:
    section = library.section(topic.section)
    topics = [t for t in section.topics if t.slug != topic.slug] + [topic]
    topics.sort(key=lambda t: (t.order, t.title))
    library = _with_section(library, dataclasses.replace(section, topics=tuple(topics)))
    return dataclasses.replace(
        library, topics=MappingProxyType({**library.topics, topic.key: topic})
    )


def _read_draft(library: Library, ref: PageRef, path: Path):
    """The draft's page and a Library with it swapped in, or the problem that stops it loading."""
    try:
        if ref.is_index:
            meta, body, _ = read_document(path, SECTION_FIELDS)
            page = dataclasses.replace(
                library.section(ref.section),
                path=path.parent,
                intro_html=BodyRenderer()(body).html,
                **meta,
            )
            return page, _with_section(library, page), None
        page = load_topic(path, ref.section, _reader(library))
        return page, _with_topic(library, page), None
    except ContentError as error:
        return None, None, error.at(path)
    except Exception as error:  # noqa: BLE001 (an odd draft gets a message, never a 500)
        return None, None, unexpected(path, error)


def examine(library: Library, ref: PageRef, text: str, checks: bool = True) -> Examined:
    """Read and render one page's draft text against the current Library, and (with checks)
    run the editor checks on it. Without checks only a problem that stops it loading is given,
    which is what the live preview needs first; the checks follow in a second request."""
    with tempfile.TemporaryDirectory(prefix="desk-draft-") as folder:
        path = Path(folder) / ref.relative
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        with remembering_renders():  # the checks read the draft again: render it once
            page, draft_library, problem = _read_draft(library, ref, path)
            if page is None:
                return Examined(None, (problem,))
            found = tuple(check_page(draft_library, path, site_path)) if checks else ()
        return Examined(page, found)
