"""The offline-reading box a saveable page carries: its version for the device to compare,
and the place static/js/offline.js writes "saved on", "newer version" and the Save button into.
Hidden until that script finds service workers, so without them the page is as it always was."""

from django import template

from portal.pages.offline import page_versions

register = template.Library()


@register.inclusion_tag("includes/offline_status.html", takes_context=True)
def offline_status(context, saveable: bool = True) -> dict:
    request = context.get("request")
    versions = page_versions()
    entry = versions["pages"].get(request.path) if request is not None else None
    essential = request is not None and request.path in versions["essential"]
    return {"entry": entry, "saveable": saveable and not essential, "essential": essential}
