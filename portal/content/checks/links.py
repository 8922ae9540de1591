"""Links and pictures: every link leads somewhere real, every picture is ours and described.

Which web addresses the site answers is the URL configuration's business, not the content's:
the caller hands the checks a SitePath (portal/pages/checks.py builds it from Django's URL
resolver), so this package never imports anything of HTTP.
"""

import re
from collections.abc import Callable, Mapping
from posixpath import normpath
from urllib.parse import urljoin, urlsplit

from portal.content.loading.models import Library, Topic
from portal.content.checks.page_source import Document, LineFinder, PageHtml
from portal.content.loading.problems import Problem

EXTERNAL_SCHEMES = {"http", "https", "mailto"}
UNMADE_LINK = re.compile(r"\[[^\[\]]+\] ?(?:\[[^\[\]]*\]|\([^()]*\))")

# A site path ("/side-effects/pain/") to the named parts of the page that answers it
# ({"section": "side-effects", "topic": "pain"}, or {} for a page of the portal's own), or
# None when no page does.
SitePath = Callable[[str], Mapping[str, str] | None]


def link_problems(
    document: Document, raw: PageHtml, library: Library, lines: LineFinder, site: SitePath
):
    own_ids = {heading.id for heading in document.rendered.headings}
    for match in UNMADE_LINK.finditer(document.rendered.text):
        yield Problem(
            "content.E019",
            document.path,
            f"'{match.group(0)}' did not become a link: it shows on the page as brackets.",
            "Write a link as [words](/section/page/), with no space between ] and (, and no "
            "spaces in the address.",
            LineFinder(document).find(match.group(0)[:20]),
        )
    for href, text in raw.links:
        line = lines.find(f"({href}", f'"{href}"', href, text)
        parts = urlsplit(href)
        if parts.scheme in EXTERNAL_SCHEMES or parts.scheme == "tel":
            continue  # web addresses are not fetched; tel: and unknown schemes checked elsewhere
        if parts.scheme or href.startswith("//"):
            continue  # javascript:, file:, data: ... the sanitiser removes them: see E022
        if not href:
            yield Problem(
                "content.E019",
                document.path,
                f"The link '{text}' has no address.",
                "Put the address in the brackets, like [Pain](/side-effects/pain/).",
                line,
            )
            continue
        if href.startswith("#"):
            if parts.fragment not in own_ids:
                yield _missing_anchor(document, href, parts.fragment, own_ids, line)
            continue
        # A link to a .md file is written relative to the file's folder, as editors see it.
        base = document.url if not parts.path.endswith(".md") else _folder_url(document)
        target = urlsplit(urljoin(base, href))
        problem = _check_internal(
            document, href, target.path, target.fragment, library, line, site
        )
        if problem is not None:
            yield problem


def _folder_url(document: Document) -> str:
    return "/" + document.path.parent.name + "/"


def _missing_anchor(document, href, fragment, ids, line) -> Problem:
    known = ", ".join(f"#{i}" for i in sorted(ids)) or "none: that page has no headings"
    return Problem(
        "content.E020",
        document.path,
        f"The link '{href}' points to a heading '#{fragment}' that does not exist.",
        f"Use the heading's id: its words in lowercase joined by hyphens. The ids there are: "
        f"{known}.",
        line,
    )


def _check_internal(document, href, path, fragment, library, line, site) -> Problem | None:
    from django.conf import settings

    path = normpath(path) + ("/" if path.endswith("/") and path != "/" else "")
    if path.endswith(".md"):
        suggestion = "/" + path.removesuffix(".md").strip("/") + "/"
        return Problem(
            "content.E019",
            document.path,
            f"The link '{href}' points to a file, not to a page on the website.",
            f"Link to the page's web address instead, like '{suggestion}': "
            "/section-folder/file-name/ without '.md'.",
            line,
        )
    static = settings.STATIC_URL
    if path.startswith(static):
        from django.contrib.staticfiles import finders

        if finders.find(path[len(static) :]) is None:
            return Problem(
                "content.E019",
                document.path,
                f"The link '{href}' points to a file that is not in the static folder.",
                "Check the spelling, or add the file to static/ (ask a developer).",
                line,
            )
        return None
    match = None
    for candidate in (path, path + "/"):
        match = site(candidate)
        if match is not None:
            break
    target: Topic | None = None
    if match is not None:
        section = match.get("section")
        topic = match.get("topic")
        if section is not None and topic is not None:
            target = library.topic(section, topic)
            ok = target is not None
        elif section is not None:
            ok = library.section(section) is not None
        else:
            ok = True
    else:
        ok = False
    if not ok:
        kwargs = match if match is not None else {}
        name = "/".join(str(kwargs[k]) for k in ("section", "topic") if k in kwargs)
        if "topic" in kwargs and (library.content_dir / f"{name}.md").is_file():
            return None  # the page's own file has a mistake, reported for that file
        return Problem(
            "content.E019",
            document.path,
            f"The link '{href}' points to a page that does not exist.",
            "Link to a page as /section-folder/file-name/, like /side-effects/pain/. Check the "
            "spelling against the file names in content/, or remove the link.",
            line,
        )
    if fragment and target is not None:
        ids = {heading.id for heading in target.headings}
        if fragment not in ids:
            return _missing_anchor(document, href, fragment, ids, line)
    return None


def image_problems(document: Document, raw: PageHtml, lines: LineFinder):
    for image in raw.images:
        src = image.get("src") or ""
        line = lines.find(f"({src}", src, "<img")
        if not (image.get("alt") or "").strip():
            yield Problem(
                "content.E021",
                document.path,
                f"The image '{src}' has no description (alt text), so people who cannot see it "
                "miss what it shows.",
                "Describe the picture between the square brackets: ![A nurse taking blood](...). "
                "If it is only decoration, leave it out of the page.",
                line,
            )
        if urlsplit(src).scheme or src.startswith("//"):
            yield Problem(
                "content.E030",
                document.path,
                f"The image '{src}' comes from another website. That would tell that website "
                "who is reading this page, and it can change or disappear.",
                "Ask a developer to add the picture to the site's static folder, then link to it "
                "as /static/... .",
                line,
            )
        elif not _static_file_exists(urlsplit(urljoin(document.url, src)).path):
            yield Problem(
                "content.E030",
                document.path,
                f"The image '{src}' is not in the site's static folder, so it would not show.",
                "Check the spelling. Pictures must be in the static folder and linked as "
                "/static/..., like ![A description](/static/images/picture.png).",
                line,
            )


def _static_file_exists(path: str) -> bool:
    from django.conf import settings
    from django.contrib.staticfiles import finders

    static = settings.STATIC_URL
    return path.startswith(static) and finders.find(path[len(static) :]) is not None
