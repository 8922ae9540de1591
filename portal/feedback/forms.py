"""The feedback form: what a post may hold, cleaned before anything is stored.

`page` must be the path of a real topic, `useful` is "yes", "no" or left out (a mistake reported
without an answer), and `comment` is optional plain text of at most 1,000 characters. Control
characters (NUL among them, which PostgreSQL cannot store) are removed; everything else a reader
types is kept as typed and escaped wherever it is shown.
"""

import re

from django import forms

from portal.content.loading.store import get_library

MAX_COMMENT = 1000
MAX_PAGE = 200
# C0 controls and DEL, except tab and newline: invisible, and NUL cannot be stored in PostgreSQL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
TOPIC_PATH = re.compile(r"/([a-z0-9-]+)/([a-z0-9-]+)/")


def topic_for(path: str):
    """The topic whose page is at `path`, or None. Only real topics take feedback."""
    match = TOPIC_PATH.fullmatch(path or "")
    if match is None:
        return None
    return get_library().topic(match[1], match[2])


class CommentField(forms.CharField):
    def to_python(self, value):
        text = super().to_python(value)
        # Browsers send a new line as CRLF but count it as one character against maxlength.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return CONTROL_CHARACTERS.sub("", text).strip()


class FeedbackForm(forms.Form):
    page = forms.CharField(max_length=MAX_PAGE)
    useful = forms.ChoiceField(choices=[("yes", "Yes"), ("no", "No")], required=False)
    comment = CommentField(
        required=False,
        max_length=MAX_COMMENT,
        error_messages={
            "max_length": (
                "Please shorten your message to 1,000 characters or fewer (it has %(show_value)d)."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.topic = None  # set by clean_page once the page is known to be a real topic

    def clean_page(self):
        page = self.cleaned_data["page"]
        self.topic = topic_for(page)
        if self.topic is None:
            raise forms.ValidationError("unknown page", code="unknown_page")
        return page

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("useful")
            and not cleaned.get("comment")
            and "comment" not in self.errors
        ):
            raise forms.ValidationError(
                "Choose Yes or No, or tell us what was missing or wrong.", code="empty"
            )
        return cleaned

    @property
    def unknown_page(self) -> bool:
        return "page" in self.errors

    def answer(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("useful"))
