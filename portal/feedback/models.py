"""What a reader's feedback leaves behind: the page, the answer, the text and the day. Nothing else.

No time of day, no address, no browser, no cookie, no link between entries: an entry cannot be
tied to a person or to another entry by the same person.
"""

from django.db import models


class Feedback(models.Model):
    """One answer to "Was this page useful?", with or without a comment."""

    page = models.CharField(max_length=200, help_text="The topic's path, such as /about/pain/")
    # None when the reader only reported a mistake without answering yes or no.
    useful = models.BooleanField(null=True)
    comment = models.TextField(blank=True)
    # The day only: a time would make an entry easier to tie to a visit.
    day = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["page", "day"])]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"{self.page} {self.day}"


class PostsInMinute(models.Model):
    """How many entries were stored in one minute, for the site-wide flood limit.

    Counted in the database so every server process shares one count. Only the current minute's
    row is kept (older ones are deleted on the next post), so these counts can never be used to
    put times back on entries.
    """

    minute = models.DateTimeField(unique=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.minute:%Y-%m-%d %H:%M} {self.count}"
