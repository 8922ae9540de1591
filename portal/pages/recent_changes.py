"""Site-wide "Recent changes" for readers: a page and an Atom feed.

Built from the change notes in the Content (each page's `changes` front matter), the same
lines readers see under "What changed" on the page itself; never from git at request time.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import render
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from portal.content.loading.models import Library
from portal.content.loading.store import get_library

PAGE_LIMIT = 100
FEED_LIMIT = 30


@dataclass(frozen=True)
class RecentChange:
    date: datetime.date
    note: str
    title: str
    url: str


def recent_changes_of(library: Library, limit: int = PAGE_LIMIT) -> list[RecentChange]:
    """Every change note on every page, newest first (then by page title)."""
    pages = [*library.sections, *library.topics.values()]
    found = [
        RecentChange(change.date, change.note, page.title, page.url)
        for page in pages
        for change in page.changes
    ]
    found.sort(key=lambda change: (-change.date.toordinal(), change.title, change.note))
    return found[:limit]


@require_safe
def recent_changes(request):
    return render(
        request, "pages/recent_changes.html", {"changes": recent_changes_of(get_library())}
    )


class RecentChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "Recent changes to our information about secondary breast cancer"
    link = "/recent-changes/"
    subtitle = "What changed on our pages, newest first."

    def items(self):
        return recent_changes_of(get_library(), FEED_LIMIT)

    def item_title(self, item: RecentChange) -> str:
        return f"{item.title}: {item.note}"

    def item_description(self, item: RecentChange) -> str:
        return item.note

    def item_link(self, item: RecentChange) -> str:
        return item.url

    def item_guid(self, item: RecentChange) -> str:
        note = hashlib.sha256(item.note.encode()).hexdigest()[:12]
        return f"{item.url}#changed-{item.date.isoformat()}-{note}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: RecentChange) -> datetime.datetime:
        return datetime.datetime.combine(
            item.date, datetime.time(), tzinfo=timezone.get_current_timezone()
        )

    item_updateddate = item_pubdate
