"""Which file a section and slug name, and the refusal of anything that is not a page.

Every path the desk reads or writes comes from here. A slug must follow the loader's own rule
(lowercase letters, numbers, single hyphens), the section must be one the Library knows, and
the resolved path must still be inside the content folder, so "../", absolute paths, encoded
slashes, NUL bytes and very long names are all refused before any file is touched.
"""

from dataclasses import dataclass
from pathlib import Path

from portal.content.loading.loader import RESERVED_SECTIONS, SECTION_INDEX, SLUG

INDEX = "_index"  # a section's own page, content/<section>/_index.md
MAX_SLUG_LENGTH = 80


class NotAPage(ValueError):
    """A section or slug that cannot name a page; the message says why, for the editor."""


@dataclass(frozen=True)
class PageRef:
    section: str
    slug: str  # INDEX for the section's own page

    @property
    def key(self) -> str:
        return f"{self.section}/{self.slug}"

    @property
    def is_index(self) -> bool:
        return self.slug == INDEX

    @property
    def relative(self) -> Path:
        return Path(self.section) / (SECTION_INDEX if self.is_index else f"{self.slug}.md")

    def path(self, content_dir: Path) -> Path:
        root = Path(content_dir).resolve()
        target = (root / self.relative).resolve()
        # Belt and braces: the slug rule already rules out every way out of the folder.
        if not target.is_relative_to(root) or target.parent != root / self.section:
            raise NotAPage("That page would be outside the content folder.")
        return target

    @property
    def public_url(self) -> str:
        return f"/{self.section}/" if self.is_index else f"/{self.section}/{self.slug}/"


def check_slug(value: str, what: str = "name") -> str:
    if not isinstance(value, str) or not value:
        raise NotAPage(f"Give the page a {what}.")
    if len(value) > MAX_SLUG_LENGTH:
        raise NotAPage(f"The {what} is too long: keep it under {MAX_SLUG_LENGTH} characters.")
    if not SLUG.fullmatch(value):
        raise NotAPage(
            f"'{value[:40]}' cannot be a web address. Use only lowercase letters, numbers "
            "and single hyphens, like 'bone-pain'."
        )
    return value


def page_ref(library, section: str, slug: str, *, allow_new: bool = False) -> PageRef:
    """The page these names mean, or NotAPage. With allow_new the topic need not exist yet."""
    check_slug(section, "section")
    if section in RESERVED_SECTIONS or library.section(section) is None:
        known = ", ".join(found.slug for found in library.sections)
        raise NotAPage(f"There is no section '{section}'. The sections are: {known}.")
    if slug == INDEX:
        return PageRef(section, INDEX)
    check_slug(slug, "file name")
    if not allow_new and library.topic(section, slug) is None:
        raise NotAPage(f"There is no page '{section}/{slug}'.")
    ref = PageRef(section, slug)
    ref.path(library.content_dir)
    return ref


def ref_from_key(library, key: str) -> PageRef:
    section, _, slug = key.partition("/")
    return page_ref(library, section, slug, allow_new=True)
