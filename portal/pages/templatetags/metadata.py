"""Tags for each page's metadata: its canonical address and its JSON-LD description."""

import json

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a value would end or confuse the block; escaping
# these three characters keeps the JSON identical for parsers and inert for the HTML parser.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def canonical_url(context, path: str | None = None) -> str:
    """The page's absolute address: the host has passed ALLOWED_HOSTS, the query is dropped."""
    request = context.get("request")
    if request is None:
        return ""
    return request.build_absolute_uri(path if path is not None else request.path)


def medical_web_page(topic, url: str, site_url: str) -> dict:
    """schema.org MedicalWebPage for a topic. Only what the content states: no invented
    reviewers or authors. dateModified is when the text last changed; lastReviewed is given
    only for a clinical sign-off that covers the text as it is now, with the reviewer's role."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": topic.title,
        "headline": topic.title,
        "description": topic.summary,
        "url": url,
        "inLanguage": "en-GB",
        "dateModified": topic.updated.isoformat(),
        "audience": "https://schema.org/Patient",
        "about": {
            "@type": "MedicalCondition",
            "name": "Secondary breast cancer",
            "alternateName": [
                "Metastatic breast cancer",
                "Advanced breast cancer",
                "Stage 4 breast cancer",
            ],
        },
        "isPartOf": {"@type": "WebSite", "name": settings.PORTAL_SITE_NAME, "url": site_url},
    }
    if topic.review.signed_off:
        data["lastReviewed"] = topic.clinical_signoff.date.isoformat()
    if topic.sources:
        data["citation"] = [
            {
                "@type": "CreativeWork",
                "name": item.title,
                "publisher": {"@type": "Organization", "name": item.publisher},
                "datePublished": str(item.year),
                **({"url": item.url} if item.url else {}),
            }
            for item in topic.sources
        ]
    return data


def script_json(data: dict) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 (every <, > and & is escaped above)


@register.simple_tag(takes_context=True)
def json_ld(context, topic) -> str:
    request = context.get("request")
    if request is None or topic is None:
        return ""
    data = medical_web_page(
        topic, request.build_absolute_uri(topic.url), request.build_absolute_uri("/")
    )
    return format_html('<script type="application/ld+json">{}</script>', script_json(data))
