"""The desk's pages: the list of pages, editing with preview and autosave, conflicts, review
and sign-off, publish, history and the audit log. Thin: the work is in drafts.py,
publishing.py, content.py and history.py."""

import datetime
import json
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods, require_POST

from portal.content.checks.editor import PLACEHOLDER
from portal.content.checks.review_status import pages_awaiting_signoff, pages_past_review
from portal.content.loading.frontmatter import TOPIC_FIELDS
from portal.content.management.commands.new_topic import TEMPLATE, a_year_on
from portal.desk import audit, drafts, publishing
from portal.desk.auth_views import desk_login_required
from portal.desk.content import current_library, examine, published_text
from portal.desk.diffs import diff_lines, patch_lines
from portal.desk.forms import NewPageForm
from portal.desk.history import find_version, page_history, version_diff, version_text
from portal.desk.models import AuditEvent, ConflictCopy, Draft
from portal.desk.pages import INDEX, NotAPage, PageRef, page_ref, ref_from_key
from portal.desk.roles import can_edit, can_publish, can_review
from portal.feedback import selectors as feedback_selectors


def refused(request, message: str, status: int = 400):
    return render(request, "desk/message.html", {"message": message}, status=status)


def with_page(allow_new: bool = False):
    """Looks the section and slug up (refusing anything that is not a page) before the view."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, section, slug, *args, **kwargs):
            library = current_library()
            try:
                ref = page_ref(library, section, slug, allow_new=allow_new)
            except NotAPage as error:
                return refused(request, str(error), status=404)
            return view(request, library, ref, *args, **kwargs)

        return desk_login_required(wrapped)

    return decorate


def today() -> datetime.date:
    return datetime.date.today()


def _problems_json(problems) -> list[dict]:
    return [
        {
            "line": problem.line,
            "id": problem.id,
            "message": problem.message,
            "hint": problem.hint,
            "error": problem.is_error,
        }
        for problem in sorted(problems, key=lambda p: (p.line or 0, p.id))
    ]


# --- The list of pages ------------------------------------------------------------------


@desk_login_required
@require_http_methods(["GET", "HEAD"])
def index(request):
    library = current_library()
    day = today()
    awaiting = set(pages_awaiting_signoff(library))
    past = set(pages_past_review(library, day))
    open_drafts = {d.page: d for d in Draft.objects.filter(status=Draft.OPEN)}
    rows = []
    for section in library.sections:
        pages = [(PageRef(section.slug, INDEX), section)] + [
            (PageRef(section.slug, t.slug), t) for t in section.topics
        ]
        for ref, page in pages:
            if page.next_review is None:
                continue
            urgency = 0 if ref.key in past else 1 if ref.key in awaiting else 2
            rows.append(
                {
                    "ref": ref,
                    "page": page,
                    "past": ref.key in past,
                    "awaiting": ref.key in awaiting,
                    "draft": open_drafts.pop(ref.key, None),
                    "sort": (urgency, page.next_review, ref.key),
                }
            )
    rows.sort(key=lambda row: row["sort"])
    new_pages = [(d, _safe_ref(library, d.page)) for d in open_drafts.values()]
    return render(
        request,
        "desk/index.html",
        {"rows": rows, "new_pages": [(d, r) for d, r in new_pages if r], "today": day},
    )


def _safe_ref(library, key):
    try:
        return ref_from_key(library, key)
    except NotAPage:
        return None


# --- Editing ----------------------------------------------------------------------------


def _editor_context(request, library, ref, text, draft, version):
    examined = examine(library, ref, text)
    return {
        "ref": ref,
        "text": text,
        "draft": draft,
        "version": version,
        "change_note": draft.change_note if draft else "",
        "preview": render_to_string(
            "desk/preview.html", {"page": examined.page, "ref": ref}, request=request
        ),
        "problems": _problems_json(examined.problems),
        "fields": TOPIC_FIELDS,
        "can_review": can_review(request.user),
        "can_publish": can_publish(request.user),
    }


@with_page(allow_new=True)
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, library, ref):
    if request.method == "POST":
        if not can_edit(request.user):
            raise PermissionDenied
        return _save_form(request, library, ref)
    draft = drafts.open_draft(ref)
    text = draft.text if draft else published_text(library, ref)
    if text is None:
        return refused(request, f"There is no page '{ref.key}'. Start it from 'New page'.", 404)
    context = _editor_context(request, library, ref, text, draft, draft.version if draft else 0)
    context["can_edit"] = can_edit(request.user)
    return render(request, "desk/edit.html", context)


def _save_form(request, library, ref):
    try:
        version = int(request.POST.get("version", ""))
        draft = drafts.save(
            request.user,
            library,
            ref,
            request.POST.get("text", ""),
            version,
            request.POST.get("change_note", ""),
        )
    except ValueError as error:
        return refused(request, str(error) or "The form was incomplete. Go back and try again.")
    except drafts.Conflict as conflict:
        return redirect("desk:conflict", ref.section, ref.slug, conflict.copy.pk)
    messages.success(request, f"Draft saved (version {draft.version}).")
    return redirect("desk:edit", ref.section, ref.slug)


@with_page(allow_new=True)
@require_POST
def autosave(request, library, ref):
    """JSON save for the editor's script: {text, version, change_note} -> {version} or 409."""
    if not can_edit(request.user):
        return JsonResponse({"error": "Only editors can save drafts."}, status=403)
    try:
        data = json.loads(request.body)
        draft = drafts.save(
            request.user,
            library,
            ref,
            str(data["text"]),
            int(data["version"]),
            str(data.get("change_note", ""))[:200],
        )
    except (ValueError, KeyError, TypeError) as error:
        message = str(error) if isinstance(error, drafts.TooBig) else "The save was not understood."
        return JsonResponse({"error": message}, status=400)
    except drafts.Conflict as conflict:
        url = f"/desk/pages/{ref.section}/{ref.slug}/conflict/{conflict.copy.pk}/"
        return JsonResponse(
            {"error": "Someone else saved this page. Your text is kept.", "conflict": url},
            status=409,
        )
    return JsonResponse({"version": draft.version, "saved": draft.updated_at.isoformat()})


def _draft_from_request(request):
    """(library, ref, text) from a JSON body {page, text}, or a JsonResponse saying why not."""
    try:
        data = json.loads(request.body)
        library = current_library()
        ref = ref_from_key(library, str(data["page"]))
        text = drafts.normalise(str(data["text"]))
    except NotAPage as error:
        return JsonResponse({"error": str(error)}, status=404)
    except (ValueError, KeyError, TypeError) as error:
        message = (
            str(error) if isinstance(error, drafts.TooBig) else "The request was not understood."
        )
        return JsonResponse({"error": message}, status=400)
    return library, ref, text


@desk_login_required
@require_POST
def preview(request):
    """The draft text rendered as readers would see it (and any problem that stops it loading).
    The editor's script asks for the checks next (views.checks): the preview comes first."""
    found = _draft_from_request(request)
    if isinstance(found, JsonResponse):
        return found
    library, ref, text = found
    examined = examine(library, ref, text, checks=False)
    html = render_to_string("desk/preview.html", {"page": examined.page, "ref": ref})
    return JsonResponse({"html": html, "problems": _problems_json(examined.problems)})


@desk_login_required
@require_POST
def checks(request):
    """The content checks' problems in the draft text, by line."""
    found = _draft_from_request(request)
    if isinstance(found, JsonResponse):
        return found
    library, ref, text = found
    return JsonResponse({"problems": _problems_json(examine(library, ref, text).problems)})


@desk_login_required
@require_http_methods(["GET", "HEAD", "POST"])
def new_page(request):
    library = current_library()
    form = NewPageForm(request.POST or None, sections=library.sections)
    if request.method == "POST" and form.is_valid():
        if not can_edit(request.user):
            raise PermissionDenied
        try:
            ref = page_ref(
                library, form.cleaned_data["section"], form.cleaned_data["slug"], allow_new=True
            )
            if ref.is_index or ref.path(library.content_dir).exists() or drafts.open_draft(ref):
                raise NotAPage(f"'{ref.key}' already exists. Choose another file name.")
        except NotAPage as error:
            form.add_error("slug", str(error))
        else:
            day = today()
            section = library.section(ref.section)
            text = TEMPLATE.format(
                title=json.dumps(" ".join(form.cleaned_data["title"].split()), ensure_ascii=False),
                summary=json.dumps(
                    f"{PLACEHOLDER} one short sentence that says what this page is about."
                ),
                order=max((t.order for t in section.topics), default=0) + 1,
                today=day.isoformat(),
                next_review=a_year_on(day).isoformat(),
                year=day.year,
                placeholder=PLACEHOLDER,
            )
            drafts.save(request.user, library, ref, text, 0, "New page.")
            return redirect("desk:edit", ref.section, ref.slug)
    return render(request, "desk/new_page.html", {"form": form}, status=400 if form.errors else 200)


@with_page(allow_new=True)
@require_http_methods(["GET", "HEAD", "POST"])
def conflict(request, library, ref, copy_id):
    copy = get_object_or_404(ConflictCopy, pk=copy_id, draft__page=ref.key)
    if copy.user_id != request.user.pk and not request.user.is_superuser:
        raise PermissionDenied
    draft = drafts.open_draft(ref) or copy.draft
    if request.method == "POST":
        choice = request.POST.get("choice")
        try:
            if choice == "theirs":
                copy.resolved = True
                copy.save(update_fields=["resolved"])
                messages.info(request, "Kept the saved draft. Your copy is still in the list.")
                return redirect("desk:edit", ref.section, ref.slug)
            text = copy.text if choice == "mine" else request.POST.get("text", "")
            drafts.save(request.user, library, ref, text, int(request.POST.get("version", "")))
        except drafts.Conflict as again:
            return redirect("desk:conflict", ref.section, ref.slug, again.copy.pk)
        except ValueError as error:
            return refused(request, str(error) or "The form was incomplete.")
        copy.resolved = True
        copy.save(update_fields=["resolved"])
        messages.success(request, "Saved. Both texts were seen before saving.")
        return redirect("desk:edit", ref.section, ref.slug)
    return render(
        request,
        "desk/conflict.html",
        {
            "ref": ref,
            "copy": copy,
            "draft": draft,
            "diff": diff_lines(draft.text, copy.text, "saved draft", "your text"),
        },
        status=409,
    )


@with_page(allow_new=True)
@require_POST
def discard(request, library, ref):
    draft = drafts.open_draft(ref)
    if draft is None or not can_edit(request.user):
        return refused(request, "There is no draft of this page that you can discard.")
    drafts.discard(draft)
    messages.info(request, "Draft discarded. The published page has not changed.")
    return redirect("desk:index")


# --- Review, sign-off and publish -------------------------------------------------------


def _draft_diff(library, ref, draft):
    published = published_text(library, ref) or ""
    return diff_lines(published, draft.text, "published page", "draft")


@with_page(allow_new=True)
@require_http_methods(["GET", "HEAD", "POST"])
def review(request, library, ref):
    draft = drafts.open_draft(ref)
    if draft is None:
        return refused(request, "There is no draft of this page to review.", status=404)
    if request.method == "POST":
        try:
            publishing.sign_off(
                request.user, draft.pk, int(request.POST.get("version", "0")), today()
            )
        except publishing.Refused as error:
            messages.error(request, error.message)
            return redirect("desk:review", ref.section, ref.slug)
        messages.success(request, "Signed off. A publisher can now publish this version.")
        return redirect("desk:review", ref.section, ref.slug)
    examined = examine(library, ref, draft.text)
    return render(
        request,
        "desk/review.html",
        {
            "ref": ref,
            "draft": draft,
            "diff": _draft_diff(library, ref, draft),
            "why_not": publishing.why_not_sign_off(request.user, draft),
            "problems": _problems_json(examined.problems),
            "preview": render_to_string("desk/preview.html", {"page": examined.page, "ref": ref}),
        },
    )


@with_page(allow_new=True)
@require_http_methods(["GET", "HEAD", "POST"])
def publish(request, library, ref):
    draft = drafts.open_draft(ref)
    if draft is None:
        return refused(request, "There is no draft of this page to publish.", status=404)
    problems, status = (), 200
    if request.method == "POST":
        try:
            done = publishing.publish(request.user, draft.pk, request.POST.get("note", ""), today())
        except publishing.Refused as error:
            messages.error(request, error.message)
            problems, status = error.problems, 400
        else:
            messages.success(request, f"Published {ref.key} ({done.commit[:12]}).")
            (messages.success if done.released else messages.warning)(request, done.release_message)
            return redirect("desk:history", ref.section, ref.slug)
    examined = examine(library, ref, draft.text)
    return render(
        request,
        "desk/publish.html",
        {
            "ref": ref,
            "draft": draft,
            "diff": _draft_diff(library, ref, draft),
            "problems": _problems_json(problems or examined.problems),
            "errors": bool(examined.errors) or any(p.is_error for p in problems),
            "can_publish": can_publish(request.user),
        },
        status=status,
    )


# --- History ----------------------------------------------------------------------------


@with_page()
@require_http_methods(["GET", "HEAD"])
def history(request, library, ref):
    return render(
        request,
        "desk/history.html",
        {
            "ref": ref,
            "versions": page_history(library.content_dir, ref),
            "draft": drafts.open_draft(ref),
        },
    )


@with_page()
@require_http_methods(["GET", "HEAD", "POST"])
def version(request, library, ref, commit):
    found = find_version(library.content_dir, ref, commit)
    if found is None:
        return refused(request, "That version is not in this page's history.", status=404)
    if request.method == "POST":
        if not can_edit(request.user):
            raise PermissionDenied
        text = version_text(library.content_dir, ref, found.commit)
        try:
            drafts.save(request.user, library, ref, text, 0)
        except drafts.Conflict as conflict:
            messages.warning(
                request,
                "This page already has a draft. Choose between it and the earlier version.",
            )
            return redirect("desk:conflict", ref.section, ref.slug, conflict.copy.pk)
        audit.record(AuditEvent.RESTORE, request.user, page=ref.key, detail=found.commit[:12])
        messages.success(
            request, f"The version of {found.when:%d %B %Y} is now a draft. Check and save it."
        )
        return redirect("desk:edit", ref.section, ref.slug)
    return render(
        request,
        "desk/version.html",
        {
            "ref": ref,
            "version": found,
            "diff": patch_lines(version_diff(library.content_dir, ref, found.commit)),
        },
    )


# --- Audit log --------------------------------------------------------------------------


@desk_login_required
@require_http_methods(["GET", "HEAD"])
def audit_log(request):
    if not can_publish(request.user):
        raise PermissionDenied
    return render(
        request, "desk/audit.html", {"events": AuditEvent.objects.select_related("user")[:500]}
    )


@desk_login_required
@require_http_methods(["GET", "HEAD"])
def feedback_inbox(request):
    """What readers said, for everyone on the desk: each page's Yes/No counts, then the
    comments newest first (?page= narrows them to one page). Comments are readers' own words:
    the template escapes them and isolates their direction (<bdi>)."""
    page = request.GET.get("page") or None
    comments = feedback_selectors.recent_comments(page=page, limit=INBOX_COMMENTS)
    return render(
        request,
        "desk/feedback.html",
        {
            "pages": feedback_selectors.summary_by_page(),
            "comments": comments,
            "page": page,
            "limit": INBOX_COMMENTS,
        },
    )


# The inbox shows this many comments at most; `manage.py feedback_report` prints them all.
INBOX_COMMENTS = 200


def forbidden(request, exception=None):
    return HttpResponse(
        render_to_string(
            "desk/message.html",
            {"message": "Your role does not allow this. Ask an administrator if you need it."},
            request=request,
        ),
        status=403,
    )
