"""Readers' words made safe to print in a terminal.

A comment could hold escape sequences that recolour or rewrite a terminal, or direction
overrides that make text read differently from what it holds. Such characters are shown as
visible code points (<U+202E>) instead of acting; everything else, accents and other scripts
included, is printed as written.
"""

import unicodedata

# Direction embeddings, overrides and isolates, and the marks: invisible and able to reorder
# the text around them.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def terminal_safe(text: str) -> str:
    """`text` with control, format and direction characters (tabs too) shown as <U+XXXX>. New
    lines are kept: the report indents each line of a comment."""
    out = []
    for char in text:
        if char == "\n":
            out.append("\n")
        elif char in BIDI_CONTROLS or unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"}:
            out.append(f"<U+{ord(char):04X}>")
        else:
            out.append(char)
    return "".join(out)
