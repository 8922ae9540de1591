"""The plain lists on a topic, by the heading they sit under, read once at load time.

Print views turn them into tick lists (for example each topic's "Questions to ask your team"),
so no view ever has to scrape HTML during a request.
"""

from dataclasses import dataclass
from html.parser import HTMLParser

# The heading every treatment and side-effect topic uses for its questions.
QUESTIONS_HEADING_ID = "questions-to-ask-your-team"


@dataclass(frozen=True)
class Checklist:
    heading_id: str
    heading: str
    items: tuple[str, ...]


class _ListReader(HTMLParser):
    """Collects the top-level list items that follow each second-level heading.

    Lists inside care cards are warnings, not things to tick, so they are left out; so are
    nested lists, whose items belong to the item above them.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[str], list[str]]] = []  # (id, heading words, items)
        self.in_heading = False
        self.list_depth = 0
        self.div_depth = 0
        self.item: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.found.append((dict(attrs).get("id") or "", [], []))
            self.in_heading = True
        elif tag == "div":
            self.div_depth += 1
        elif tag in ("ul", "ol"):
            self.list_depth += 1
        elif tag == "li" and self.list_depth == 1 and not self.div_depth and self.found:
            self.item = []

    def handle_endtag(self, tag):
        if tag == "h2":
            self.in_heading = False
        elif tag == "div":
            self.div_depth = max(0, self.div_depth - 1)
        elif tag in ("ul", "ol"):
            self.list_depth = max(0, self.list_depth - 1)
        elif tag == "li" and self.list_depth == 1 and self.item is not None:
            text = " ".join("".join(self.item).split())
            if text:
                self.found[-1][2].append(text)
            self.item = None

    def handle_data(self, data):
        if self.in_heading and self.found:
            self.found[-1][1].append(data)
        elif self.item is not None and self.list_depth == 1:
            self.item.append(data)


def checklists_from_html(html: str) -> tuple[Checklist, ...]:
    reader = _ListReader()
    reader.feed(html)
    reader.close()
    return tuple(
        Checklist(heading_id, " ".join("".join(words).split()), tuple(items))
        for heading_id, words, items in reader.found
        if items
    )
