"""The immutable shapes the rest of the portal reads: sections, topics, contacts, medicines."""

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from portal.content.rendering.checklists import QUESTIONS_HEADING_ID, Checklist
from portal.content.loading.problems import Problem
from portal.content.rendering.markdown import Heading


@dataclass(frozen=True)
class Source:
    """Where a page's facts come from, as front matter gives it (DESIGN.md, "Content")."""

    title: str
    publisher: str
    # Required for a page's sources; a medicine's source may leave it out, because an NHS
    # medicines page does not always say when it was last reviewed and a guess would mislead.
    year: int | None = None
    ref: str = ""  # a guideline number, such as "CG151"
    url: str = ""  # only an address an editor confirmed exists


@dataclass(frozen=True)
class Signoff:
    """A clinical reviewer's check of the page: the reviewer's role and the day, never a name.

    Recorded only by a content team after a real review (the editors' desk writes it), never by
    a page's author."""

    role: str
    date: datetime.date


def covers(signoff: "Signoff | None", updated: datetime.date | None) -> bool:
    """Whether a sign-off covers the text as it is now: given on or after its last change.
    One rule for pages, section pages and medicines, so none can claim an older check."""
    return signoff is not None and updated is not None and signoff.date >= updated


@dataclass(frozen=True)
class Change:
    """One line under "What changed" that tells readers what is different, and when."""

    date: datetime.date
    note: str


@dataclass(frozen=True)
class ReviewStatus:
    """What a page may honestly say about its checking, shared by topics and sections."""

    updated: datetime.date
    next_review: datetime.date
    clinical_signoff: Signoff | None

    @property
    def signed_off(self) -> bool:
        """A sign-off that covers the text as it is now (not an older version of it)."""
        return covers(self.clinical_signoff, self.updated)

    def overdue(self, today: datetime.date) -> bool:
        return self.next_review < today


class Reviewable:
    """Review status and sources for anything with front matter (topics and sections)."""

    @property
    def review(self) -> ReviewStatus:
        return ReviewStatus(self.updated, self.next_review, self.clinical_signoff)


@dataclass(frozen=True)
class Topic(Reviewable):
    section: str
    slug: str
    title: str
    summary: str
    order: int
    updated: datetime.date  # when the text last changed
    next_review: datetime.date
    html: str
    headings: tuple[Heading, ...]
    text: str
    path: Path
    also_known_as: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    related: tuple[str, ...] = ()  # "section/slug" keys
    clinical_signoff: Signoff | None = None
    changes: tuple[Change, ...] = ()  # newest first
    body_line: int = 1  # line in the file where the markdown body starts
    checklists: tuple[Checklist, ...] = ()  # the body's plain lists, by heading (print views)
    medicines: tuple[str, ...] = ()  # names of the medicines its title or text names
    signs: str = ""  # the words of its emergency and urgent care cards (search)

    @property
    def key(self) -> str:
        return f"{self.section}/{self.slug}"

    @property
    def url(self) -> str:
        return f"/{self.section}/{self.slug}/"

    @cached_property
    def lead_and_rest(self) -> tuple[str, str]:
        """The body's HTML split before its first main heading.

        Pages show the contents list between the two, so what comes first in a file (on an
        emergency page, the 999 and 24-hour-line boxes) is always the first thing a reader
        sees, never pushed down by a list of headings."""
        cut = self.html.find("<h2")
        return (self.html, "") if cut < 0 else (self.html[:cut], self.html[cut:])

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def questions(self) -> tuple[str, ...]:
        """The items of the topic's "Questions to ask your team" list, if it has one."""
        return next((c.items for c in self.checklists if c.heading_id == QUESTIONS_HEADING_ID), ())


@dataclass(frozen=True)
class Section(Reviewable):
    slug: str
    title: str
    summary: str
    order: int
    intro_html: str
    topics: tuple[Topic, ...]
    path: Path
    # A section without an _index.md (a problem the checks report) has no dates of its own.
    updated: datetime.date | None = None
    next_review: datetime.date | None = None
    sources: tuple[Source, ...] = ()
    clinical_signoff: Signoff | None = None
    changes: tuple[Change, ...] = ()

    @property
    def url(self) -> str:
        return f"/{self.slug}/"


@dataclass(frozen=True)
class Contact:
    slug: str
    name: str
    helps_with: str
    phone: str = ""
    tel: str = ""
    hours: str = ""
    emergency: bool = False


@dataclass(frozen=True)
class Medicine:
    name: str
    brands: tuple[str, ...]
    group: str
    used_for: str
    topic: str  # "section/slug"
    # Keys of every topic whose text names it (filled in once the topics are loaded).
    mentioned_in: tuple[str, ...] = ()
    # For "My medicines" (print/my-medicines): only what one trusted UK page (content/README.md
    # names them) says, named in `source`. No side_effects: the sheet sends the reader to a
    # pharmacist for them.
    side_effects: tuple[str, ...] = ()
    call_team_if: tuple[str, ...] = ()
    source: Source | None = None
    updated: datetime.date | None = None  # when side_effects or call_team_if last changed
    clinical_signoff: Signoff | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a reader may know it by: the general name first, then its brands."""
        return (self.name, *self.brands)

    @property
    def has_advice(self) -> bool:
        return bool(self.side_effects or self.call_team_if)

    @property
    def anchor(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str
    other_forms: tuple[str, ...] = ()  # other spellings, plurals, abbreviations
    topic: str = ""  # "section/slug" of the page that explains it more, if any

    @property
    def anchor(self) -> str:
        return "term-" + slugify(self.term)

    @property
    def url(self) -> str:
        return f"/glossary/#{self.anchor}"

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.other_forms)


def slugify(text: str) -> str:
    """An id for a page fragment: 'CDK4/6 inhibitor' -> 'cdk4-6-inhibitor'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Synonym:
    """Words patients use (lay words, abbreviations, phrases) and what they mean on the site."""

    words: tuple[str, ...]
    means: tuple[str, ...]


@dataclass(frozen=True)
class Library:
    content_dir: Path
    sections: tuple[Section, ...]
    topics: Mapping[str, Topic]  # by "section/slug"
    contacts: tuple[Contact, ...] = ()
    medicines: tuple[Medicine, ...] = ()
    synonyms: tuple[Synonym, ...] = ()  # content/synonyms.yml, read by search
    glossary: tuple[GlossaryEntry, ...] = ()  # sorted by term
    problems: tuple[Problem, ...] = ()
    _sections_by_slug: Mapping[str, Section] = field(default_factory=dict, repr=False)

    def section(self, slug: str) -> Section | None:
        return self._sections_by_slug.get(slug)

    def topic(self, section: str, slug: str) -> Topic | None:
        return self.topics.get(f"{section}/{slug}")

    def related(self, topic: Topic) -> tuple[Topic, ...]:
        return tuple(self.topics[key] for key in topic.related if key in self.topics)

    def contact(self, slug: str) -> Contact | None:
        return next((contact for contact in self.contacts if contact.slug == slug), None)
