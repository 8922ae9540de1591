"""Print views: a sheet for each topic, a pack of chosen topics, and sheets for appointments.

Each sheet is a page of its own (no site navigation, search or footer) laid out for A4 by the
print rules in site.css, and each works with no JavaScript. What a reader types into a sheet's
fields is never part of a form, so it stays in the browser.
"""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from portal.content.loading.store import get_library
from portal.pages import medicine_choice
from portal.pages.qr import qr_svg
from portal.pages.views import lookup_topic

# A pack is read on paper: past this many topics it stops being something a reader carries.
MAX_PACK_TOPICS = 10
# Query strings are read no further than this, so a long crafted one costs nothing.
MAX_NAMES_READ = 100
# Unknown names are echoed back this short, so the note stays readable.
MAX_NAME_SHOWN = 60
APPOINTMENTS_TOPIC = "living-with/making-the-most-of-appointments"
OWN_QUESTION_LINES = 6
DIARY_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# "Track energy patterns" (the seed, on fatigue): what the diary asks about each day.
DIARY_ROWS = (
    ("Pain", "0 to 10, and where"),
    ("Tiredness", "0 to 10"),
    ("Sleep", "how well you slept"),
    ("Eating", "how your appetite was"),
    ("Mood", "how you felt"),
    ("What I did", ""),
    ("What helped", ""),
)


def _sheet(request, path: str) -> dict:
    """What every printed sheet carries: where it came from, when, and the emergency box."""
    address = request.build_absolute_uri(path)
    return {
        "address": address,
        "printed_on": timezone.localdate(),
        "qr": qr_svg(address),
        "emergencies": get_library().section("emergencies"),
    }


def _with_topics(path: str, topics) -> str:
    """The path with a clean query naming only known topics, never what was typed in the URL."""
    query = urlencode([("topic", topic.key) for topic in topics])
    return f"{path}?{query}" if query else path


def _chosen_topics(request, library) -> tuple[list, list[str]]:
    """Topics named in ?topic=section/slug, in Library order, and the names not found."""
    names = [name.strip() for name in request.GET.getlist("topic")[:MAX_NAMES_READ]]
    wanted = {name for name in names if name in library.topics}
    unknown = [
        name if len(name) <= MAX_NAME_SHOWN else name[:MAX_NAME_SHOWN] + "…"
        for name in dict.fromkeys(names)
        if name and name not in library.topics
    ]
    chosen = [
        topic for section in library.sections for topic in section.topics if topic.key in wanted
    ]
    return chosen, unknown


@require_safe
def topic_sheet(request, section, topic):
    library = get_library()
    found = lookup_topic(library, section, topic, suffix="print/")
    if isinstance(found, HttpResponseRedirect):
        return found
    return render(
        request,
        "print/topic.html",
        {"topic": found, "section": library.section(found.section), **_sheet(request, found.url)},
    )


@require_safe
def pack(request):
    library = get_library()
    chosen, unknown = _chosen_topics(request, library)
    context = {
        "sections": library.sections,
        "max_topics": MAX_PACK_TOPICS,
        "unknown": unknown,
        "chosen_keys": {topic.key for topic in chosen},
    }
    # "change" shows the form again with the reader's topics still ticked.
    if not chosen or "change" in request.GET:
        return render(request, "print/pack_form.html", context)
    left_out = chosen[MAX_PACK_TOPICS:]
    chosen = chosen[:MAX_PACK_TOPICS]
    topics = [
        {
            "topic": topic,
            "section": library.section(topic.section),
            "address": request.build_absolute_uri(topic.url),
            "qr": qr_svg(request.build_absolute_uri(topic.url)),
        }
        for topic in chosen
    ]
    return render(
        request,
        "print/pack.html",
        {
            **context,
            **_sheet(request, _with_topics(request.path, chosen)),
            "change_url": _with_topics(request.path, chosen) + "&change=1",
            "topics": topics,
            "left_out": left_out,
            "contacts": library.contacts,
        },
    )


@require_safe
def questions(request):
    library = get_library()
    chosen, unknown = _chosen_topics(request, library)
    chosen = [topic for topic in chosen if topic.questions]
    groups = [
        (section, [topic for topic in section.topics if topic.questions])
        for section in library.sections
    ]
    return render(
        request,
        "print/questions.html",
        {
            **_sheet(request, _with_topics(request.path, chosen)),
            "appointments": library.topics.get(APPOINTMENTS_TOPIC),
            "groups": [(section, topics) for section, topics in groups if topics],
            "chosen": chosen,
            "chosen_keys": {topic.key for topic in chosen},
            "unknown": unknown,
            "own_lines": range(1, OWN_QUESTION_LINES + 1),
        },
    )


@require_safe
def emergency_card(request):
    library = get_library()
    others = [library.contact(slug) for slug in ("nhs-111", "breast-cancer-now-helpline")]
    return render(
        request,
        "print/emergency_card.html",
        {**_sheet(request, request.path), "contacts": [c for c in others if c is not None]},
    )


@require_safe
def symptom_diary(request):
    library = get_library()
    further = [
        library.topics[key]
        for key in ("side-effects/fatigue", "side-effects/pain")
        if key in library.topics
    ]
    return render(
        request,
        "print/symptom_diary.html",
        {
            **_sheet(request, request.path),
            "days": DIARY_DAYS,
            "rows": DIARY_ROWS,
            "further": further,
        },
    )


@require_safe
def my_medicines(request):
    """The reader's own medicines (?m=, general or brand names) on one sheet.

    The choice travels only in the address: it is never stored, and the access log drops query
    strings. A name we do not know gets a kind note, never an error."""
    library = get_library()
    choice = medicine_choice.choose(library.medicines, request.GET.getlist("m"))
    context = {
        "medicines": library.medicines,
        "chosen": choice.medicines,
        "chosen_names": {medicine.name for medicine in choice.medicines},
        "unknown": choice.unknown,
    }
    if not choice.medicines or "change" in request.GET:
        return render(request, "print/my_medicines_form.html", context)
    query = urlencode([("m", medicine.name) for medicine in choice.medicines])
    return render(
        request,
        "print/my_medicines.html",
        {
            **context,
            **_sheet(request, f"{request.path}?{query}"),
            "change_url": f"{request.path}?{query}&change=1",
            "review": medicine_choice.sheet_review(choice.medicines),
            "sources": list(
                dict.fromkeys(m.source for m in choice.medicines if m.source is not None)
            ),
        },
    )
