"""Every kind of page the portal serves, with one real example of each.

The browser tests and `make screenshots` both walk this one list. When a new kind of page lands
(search results, no results, print views), add one line here and every check runs on it.
"""

# name -> path on the real content. Names are used in test ids and screenshot file names.
PAGE_TYPES = {
    "home": "/",
    "section": "/treatments/",
    "topic": "/treatments/treatment-overview/",
    "emergency-topic": "/emergencies/spinal-cord-compression/",
    "contacts": "/contacts/",
    "not-found": "/no-such-page-here/",
    "search-empty": "/search/",
    "search-results": "/search/?q=chemo",
    "search-corrected": "/search/?q=trastuzamab",
    "search-no-results": "/search/?q=xylophone+zebra",
    "search-not-covered": "/search/?q=tesco+opening+times",
    "glossary": "/glossary/",
    "medicines": "/medicines/",
    "print-topic": "/treatments/chemotherapy/print/",
    "print-pack-form": "/print/",
    "print-pack": (
        "/print/?topic=about/is-it-curable&topic=side-effects/pain&topic=emergencies/hypercalcaemia"
    ),
    "print-questions": "/print/questions/",
    "print-emergency-card": "/print/emergency-card/",
    "print-symptom-diary": "/print/symptom-diary/",
    "feedback-thanks": "/feedback/thanks/?page=/treatments/treatment-overview/",
    "recent-changes": "/recent-changes/",
    "print-my-medicines-form": "/print/my-medicines/",
    "print-my-medicines": "/print/my-medicines/?m=Femara&m=letrozole&m=morphine&m=tamoxifen",
    "offline": "/offline/",
}

# The status a page type is meant to answer with, when it is not 200.
EXPECTED_STATUS = {"not-found": 404}

# Desktop, and the narrowest phone WCAG's reflow criterion asks for (1280 px at 400 % zoom).
WIDTHS = (1280, 320)
