"""In-process timings with pytest-benchmark, on the real content: what the server spends on
one request's work inside Python, and what a start or a release spends loading.

    .venv/bin/python -m pytest bench/test_inprocess.py --benchmark-json=FILE

Run by `make bench` (bench/run.py reads the JSON); not part of `make test` (testpaths is
tests/). Search is timed per query over the relevance query set, on the real content and on a
site of 500 topics (the real pages plus generated ones, bench/corpus.py); bench/run.py reports
the 95th percentile of the queries' medians for each.
"""

from pathlib import Path

import pytest
from django.test import override_settings

from bench import corpus
from portal.content.loading import store
from portal.content.loading.loader import load_library
from portal.search import search
from portal.search.index import SearchIndex
from tests.search.relevance_queries import QUERIES

REAL_CONTENT = Path(__file__).resolve().parent.parent / "content"
TOPIC = "/treatments/chemotherapy/"


@pytest.fixture(scope="module", autouse=True)
def real_content():
    # Once for the module: each test then finds the content and the search index in memory,
    # as a running worker does.
    with override_settings(PORTAL_CONTENT_DIR=REAL_CONTENT):
        store.reset()
        yield
        store.reset()


def test_load_content(benchmark):
    library = benchmark.pedantic(load_library, args=(REAL_CONTENT,), rounds=3, iterations=1)
    assert len(library.topics) > 0


def test_build_search_index(benchmark):
    library = store.get_library()
    index = benchmark.pedantic(SearchIndex, args=(library,), rounds=3, iterations=1)
    assert index.library is library


def test_render_topic_page(benchmark, client):
    store.get_library()
    response = benchmark.pedantic(client.get, args=(TOPIC,), rounds=20, warmup_rounds=2)
    assert response.status_code == 200


def test_render_search_page(benchmark, client):
    search("chemotherapy")  # the index is built once per process, at a worker's start
    response = benchmark.pedantic(
        client.get, args=("/search/", {"q": "chemotherapy"}), rounds=20, warmup_rounds=2
    )
    assert response.status_code == 200


@pytest.mark.parametrize("query", [query for query, _ in QUERIES])
def test_search(benchmark, query):
    # Fixed rounds rather than calibrated ones: 80-odd queries stay within the bench's time.
    benchmark.pedantic(search, args=(query,), rounds=7, warmup_rounds=1)


@pytest.fixture(scope="module")
def site_of_500(tmp_path_factory):
    """The real pages plus generated ones, 500 topics in all (bench/corpus.py, fixed seed)."""
    folder = corpus.generate(tmp_path_factory.mktemp("corpus") / "content", 500)
    with override_settings(PORTAL_CONTENT_DIR=folder):
        store.reset()
        search("chemotherapy")  # load and index once, as a worker does at its start
        yield folder
    store.reset()


@pytest.mark.parametrize("query", [query for query, _ in QUERIES])
def test_search_500(benchmark, site_of_500, query):
    benchmark.pedantic(search, args=(query,), rounds=7, warmup_rounds=1)
