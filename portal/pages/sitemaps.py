"""What search engines read: sitemap.xml (django.contrib.sitemaps) and robots.txt.

Every sitemap is built from the Library at request time, which is only a walk over memory.
"""

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from portal.content.loading.store import get_library

# Pages of the portal itself that are not made from a content file.
FIXED_PAGES = ("/", "/contacts/", "/glossary/", "/medicines/")


class FixedPageSitemap(Sitemap):
    def items(self):
        return list(FIXED_PAGES)

    def location(self, item):
        return item


class SectionSitemap(Sitemap):
    def items(self):
        return list(get_library().sections)

    def location(self, item):
        return item.url

    def lastmod(self, item):
        # A section page lists its topics, so it changes when the latest of them changes.
        return max(
            (day for day in (item.updated, *(topic.updated for topic in item.topics)) if day),
            default=None,
        )


class TopicSitemap(Sitemap):
    def items(self):
        return [topic for section in get_library().sections for topic in section.topics]

    def location(self, item):
        return item.url

    def lastmod(self, item):
        return item.updated


SITEMAPS = {"pages": FixedPageSitemap, "sections": SectionSitemap, "topics": TopicSitemap}


@require_safe
@cache_control(public=True, max_age=3600)
def robots(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
