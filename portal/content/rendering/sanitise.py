"""The one allowlist every piece of rendered HTML passes through before it is marked safe.

Sanitising is the last step of rendering (as python.org's markup.py does), so nothing a
markdown extension or an editor writes can add script, event handlers or styles.
"""

import html
import re

import nh3

TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "div", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip

ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "div": {"class"},
    "p": {"class"},
    "span": {"class"},
    "strong": {"class"},
    **{f"h{level}": {"id"} for level in range(2, 7)},
}

# Only the classes our stylesheet gives meaning to survive; anything else an editor types is
# dropped rather than left to look broken.
ALLOWED_CLASSES = {
    "care-card",
    "care-card--emergency",
    "care-card--urgent",
    "care-card--info",
    "care-card__title",
    "care-card__label",
    "care-card__body",
}

# Glossary marks (portal/content/rendering/glossary.py): links that static/js/glossary.js turns into
# toggletips, carrying the word's definition as text in one data attribute.
ATTRIBUTES["a"] = ATTRIBUTES["a"] | {"class", "data-definition"}
ALLOWED_CLASSES.add("glossary-term")

URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute != "class":
        return value
    kept = [name for name in value.split() if name in ALLOWED_CLASSES]
    return " ".join(kept) or None


def sanitise(markup: str) -> str:
    """Return markup with everything outside the allowlist removed."""
    return nh3.clean(
        markup,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_keep_attribute,
        link_rel="noopener noreferrer",
    )


# Where a reader sees a break that the words themselves do not mark: the end of a heading, a list
# item or a table cell. Without a full stop there, search excerpts ran a heading into the next
# sentence ("What fatigue is Fatigue is a feeling ..."). A private-use character marks each end
# while the tags are stripped (no page text contains one).
_BLOCK_END = re.compile(r"</(?:h[1-6]|li|dt|dd|th|td|caption|summary)>", re.IGNORECASE)
_MARK = "\ue000"
_MARKED_END = re.compile(rf"(?<=[^\s{_MARK}])([.!?:;])?\s*{_MARK}")


def plain_text(markup: str) -> str:
    """Visible text of sanitised markup, for search and word counts, with a full stop after
    each heading, list item or table cell that does not end with one of its own."""
    marked = _BLOCK_END.sub(lambda end: _MARK + end.group(0), markup)
    text = html.unescape(nh3.clean(marked, tags=set()))
    text = _MARKED_END.sub(lambda end: (end.group(1) or ".") + " ", text).replace(_MARK, " ")
    return " ".join(text.split())
