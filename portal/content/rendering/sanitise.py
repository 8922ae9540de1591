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


# Where a reader sees a break that the words themselves do not mark: the end of a heading or a
# table cell (a full stop), of a list item (a semicolon, as a list reads in running text, its
# items often starting in lower case), of the words that lead into a list or of a care card's
# label ("Urgent", a colon). Without them, search excerpts ran a heading into the next sentence
# ("What fatigue is Fatigue is a feeling ..."). Private-use characters mark each end while the
# tags are stripped (no page text contains one).
_STOP, _PAUSE, _INTRO = "\ue000", "\ue001", "\ue002"
_PUNCTUATION = {_STOP: ".", _PAUSE: ";", _INTRO: ":"}
# Each pattern matches where its mark goes: just before a closing tag, or after a label's words.
_MARK_AT = (
    (re.compile(r"(?=</p>\s*<[ou]l[\s>])", re.IGNORECASE), _INTRO),
    (re.compile(r'<strong class="care-card__label">[^<]*'), _INTRO),
    (re.compile(r"(?=</(?:h[1-6]|th|td|caption|summary)>)", re.IGNORECASE), _STOP),
    (re.compile(r"(?=</(?:li|dt|dd)>)", re.IGNORECASE), _PAUSE),
    # Other blocks end with a space at least, so their words never join the next block's.
    (re.compile(r"(?=</(?:p|ul|ol|dl|table|tr|div|blockquote|details|aside)>)", re.IGNORECASE), " "),
)
_MARKS = _STOP + _PAUSE + _INTRO
_MARKED_END = re.compile(rf"(?<=[^\s{_MARKS}])([.!?:;])?\s*([{_MARKS}])")
_LEFT_OVER = re.compile(f"[{_MARKS}]")


def _close(end: re.Match) -> str:
    return (end.group(1) or _PUNCTUATION[end.group(2)]) + " "


def plain_text(markup: str) -> str:
    """Visible text of sanitised markup, for search and word counts, with the punctuation a
    reader sees in the layout (above) where the words have none of their own."""
    for where, mark in _MARK_AT:
        markup = where.sub(lambda found, mark=mark: found.group(0) + mark, markup)
    text = html.unescape(nh3.clean(markup, tags=set()))
    # A mark with nothing before it (an empty cell, a second mark) leaves only a space.
    text = _LEFT_OVER.sub(" ", _MARKED_END.sub(_close, text))
    return " ".join(text.split())
