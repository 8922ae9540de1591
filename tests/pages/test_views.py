import pytest


def test_home_links_to_sections_and_emergencies(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'href="/emergencies/"' in html and 'href="/about/"' in html
    assert 'href="/emergencies/high-calcium/"' in html


def test_section_lists_its_topics_with_summaries(client):
    html = client.get("/about/").content.decode()
    assert "What secondary breast cancer is." in html and 'href="/about/second/"' in html
    assert "An introduction to the <strong>about</strong> section." in html


def test_topic_page_has_breadcrumbs_contents_review_dates_and_helpline(client):
    html = client.get("/about/what-it-is/").content.decode()
    assert 'aria-label="Breadcrumb"' in html
    assert "On this page" in html and 'href="#where-it-spreads"' in html
    assert "Last updated" in html and "10 January 2026" in html
    assert "not yet been checked by a clinician" in html and "Fixture publisher, 2025" in html
    assert "Next review due" in html and "10 January 2027" in html
    assert 'href="tel:08088006000"' in html
    assert 'href="/emergencies/high-calcium/"' in html  # related page


def test_short_topic_has_no_contents_list(client):
    assert "On this page" not in client.get("/about/second/").content.decode()


def test_rendered_body_is_sanitised_in_the_page(client):
    html = client.get("/about/what-it-is/").content.decode()
    assert "<script>alert" not in html and "javascript:" not in html
    assert "onclick" not in html and "onmouseover" not in html


def test_contacts_page_lists_phone_links(client):
    html = client.get("/contacts/").content.decode()
    assert 'href="tel:999"' in html and "Breast Cancer Now Helpline" in html


@pytest.mark.parametrize(
    "path",
    [
        "/nope/",
        "/about/nope/",
        "/about/what-it-is/extra/",
        "/..%2f..%2fetc%2fpasswd/",
        "/about/..%2f..%2fsettings.py/",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/about/%00/",
        "/about/what-it-is.md/",
        "/static/../portal/settings.py",
    ],
)
def test_unknown_and_malicious_paths_get_the_helpful_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sorry, we cannot find that page" in html
    assert 'href="/emergencies/"' in html and 'href="/about/"' in html


def test_uppercase_slug_redirects_to_the_real_page(client):
    response = client.get("/About/What-It-Is/")
    assert response.status_code == 302 and response["Location"] == "/about/what-it-is/"


def test_pages_refuse_post(client):
    assert client.post("/about/what-it-is/").status_code == 405


def test_api_topics_shape(client):
    data = client.get("/api/topics/").json()
    first = data["results"][0]
    assert set(first) == {
        "title",
        "url",
        "section",
        "summary",
        "updated",
        "next_review",
        "clinical_signoff",
    }
    assert first["url"] == "/about/what-it-is/" and first["updated"] == "2026-01-10"
    assert first["clinical_signoff"] is None
    assert len(data["results"]) == 3


def test_broken_file_leaves_the_rest_of_the_site_serving(client, content_copy):
    (content_copy / "about" / "second.md").write_bytes(b"\xff\xfe not utf-8")
    assert client.get("/about/second/").status_code == 404
    assert client.get("/about/what-it-is/").status_code == 200
    assert client.get("/").status_code == 200


def test_no_page_sets_a_cookie(client):
    for path in ["/", "/about/", "/about/what-it-is/", "/nope/", "/api/topics/"]:
        assert not client.get(path).cookies
