"""The plain lists on a topic, by the heading they sit under, read once at load time (by the
markdown pass, portal/content/rendering/markdown.py).

Print views turn them into tick lists (for example each topic's "Questions to ask your team"),
so no view ever has to scrape HTML during a request.
"""

from dataclasses import dataclass

# The heading every treatment and side-effect topic uses for its questions.
QUESTIONS_HEADING_ID = "questions-to-ask-your-team"


@dataclass(frozen=True)
class Checklist:
    heading_id: str
    heading: str
    items: tuple[str, ...]
