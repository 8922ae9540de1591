"""The feedback inbox on the desk: readers' words shown escaped, counts per page, sign-in needed."""

import datetime

from portal.feedback.models import Feedback


def add(page, useful, comment, days_ago=0):
    return Feedback.objects.create(
        page=page,
        useful=useful,
        comment=comment,
        day=datetime.date.today() - datetime.timedelta(days=days_ago),
    )


def test_the_inbox_needs_a_signed_in_desk_user(content_repo, client):
    response = client.get("/desk/feedback/")
    assert response.status_code == 302 and "/desk/login/" in response["Location"]


def test_counts_per_page_and_comments_newest_first_escaped(content_repo, editor, client_for):
    add("/about/what-it-is/", True, "", days_ago=3)
    add("/about/what-it-is/", False, "Older comment", days_ago=2)
    add("/about/what-it-is/", False, '<script>alert("x")</script>\u202egnp.exe')
    add("/emergencies/high-calcium/", True, "Clear and calm", days_ago=1)
    html = client_for(editor).get("/desk/feedback/").content.decode()
    row = html[html.index('href="/desk/feedback/?page=/about/what-it-is/"') :]
    assert [cell for cell in row.split("<td>")[1:4]] == ["1</td>", "2</td>", "2</td>"]
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<bdi>&lt;script&gt;" in html  # the right-to-left mark cannot reorder the page
    assert html.index("&lt;script&gt;") < html.index("Clear and calm") < html.index("Older")


def test_one_page_at_a_time(content_repo, editor, client_for):
    add("/about/what-it-is/", False, "About this page")
    add("/emergencies/high-calcium/", False, "About the other page")
    html = client_for(editor).get("/desk/feedback/?page=/about/what-it-is/").content.decode()
    assert "About this page" in html and "About the other page" not in html
