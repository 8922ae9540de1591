"""Full-text search over the Library: index, query normalising, HTML and JSON views.

`from portal.search import search` gives the plain function API: search(text) -> SearchResponse.
"""


def search(text: str, exact: bool = False):
    # Imported on first use so that importing the app (at Django start-up) stays light.
    from portal.search.service import search as run

    return run(text, exact=exact)
