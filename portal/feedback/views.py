"""POST /feedback/ and its thank-you page.

A post from a page's form (no JavaScript) gets a page back; the same post sent by feedback.js
(Accept: application/json) gets the same words as JSON, shown in place. Every answer says what
happened in plain words and never sets a cookie. Nothing about the sender is read or kept: no
address, no browser, no referrer.
"""

import logging
from urllib.parse import urlencode

from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from portal.content.loading.store import get_library
from portal.feedback import origin, services
from portal.feedback.forms import FeedbackForm, topic_for

logger = logging.getLogger("portal.feedback")

SENT = "Your feedback has been sent to the team who write this website."
THANKS = f"Thank you. {SENT}"
CROSS_SITE = (
    "This feedback was not sent from a page of this website, so we did not keep it. "
    "To send feedback, use the form at the end of any page on this website."
)
UNKNOWN_PAGE = (
    "We could not tell which page this feedback was about, so we did not keep it. "
    "Please go back to the page and use the form at the end of it."
)
TOO_MANY = (
    "Sorry, we are getting a lot of feedback at the moment and could not keep yours. "
    "Please try again later today, or tomorrow."
)
NOT_SAVED = (
    "Sorry, something went wrong on our side and your feedback could not be saved. "
    "Please try again later."
)
ONLY_POST = "To send feedback, use the form at the end of any page on this website."


def _not_saved() -> str:
    # Said in place too, where the page's helpline box may be out of sight.
    helpline = get_library().contact("breast-cancer-now-helpline")
    if helpline is None:
        return NOT_SAVED
    return f"{NOT_SAVED} To talk to someone, call {helpline.name} on {helpline.phone}."


def _wants_json(request) -> bool:
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def _answer(request, status: int, message: str, *, form=None, topic=None, title: str = ""):
    """The same answer as a page (no JavaScript) or as JSON (feedback.js), never cached."""
    if _wants_json(request):
        errors = {}
        if form is not None and form.errors:
            errors = {field: [str(e) for e in messages] for field, messages in form.errors.items()}
        response = JsonResponse({"message": message, "errors": errors}, status=status)
    else:
        context = {"message": message, "form": form, "topic": topic, "title": title}
        response = render(request, "feedback/problem.html", context, status=status)
    return response


@csrf_exempt  # no cookie, so no token: cross-site posts are refused by origin.py instead
@never_cache
def submit(request):
    if request.method != "POST":
        response = _answer(request, 405, ONLY_POST, title="Feedback is sent from a page")
        response["Allow"] = "POST"
        return response
    if origin.refusal_reason(request) is not None:
        return _answer(request, 403, CROSS_SITE, title="Feedback not kept")

    form = FeedbackForm(request.POST)
    if not form.is_valid():
        if form.unknown_page:
            return _answer(request, 400, UNKNOWN_PAGE, title="Feedback not kept")
        # The reader's own words come back in the form, so nothing they wrote is lost.
        message = " ".join(str(error) for errors in form.errors.values() for error in errors)
        return _answer(
            request, 400, message, form=form, topic=form.topic, title="Please check your feedback"
        )

    try:
        services.record(form.cleaned_data["page"], form.answer(), form.cleaned_data["comment"])
    except services.TooMany as limit:
        logger.warning("Feedback refused: %s", limit)
        return _answer(
            request, 429, TOO_MANY, form=form, topic=form.topic, title="Feedback not kept"
        )
    except (DatabaseError, ImproperlyConfigured) as error:
        # Connection problems name the cause (a path, a host); other errors can quote the row,
        # which holds the reader's words, so only their kind is logged.
        detail = str(error) if isinstance(error, OperationalError | InterfaceError) else ""
        logger.error("Feedback could not be saved: %s %s", type(error).__name__, detail)
        return _answer(
            request, 503, _not_saved(), form=form, topic=form.topic, title="Feedback not saved"
        )

    if _wants_json(request):
        return JsonResponse({"message": THANKS, "errors": {}}, status=201)
    return HttpResponseRedirect(
        "/feedback/thanks/?" + urlencode({"page": form.cleaned_data["page"]}), status=303
    )


@require_safe
def thanks(request):
    """Identical for every reader and cacheable: it says only thank you and links back."""
    return render(
        request,
        "feedback/thanks.html",
        {"message": SENT, "topic": topic_for(request.GET.get("page", ""))},
    )
