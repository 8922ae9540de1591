"""Grouping for the A to Z pages."""

from portal.pages.reference import by_letter, letter_links


def test_items_group_under_their_first_letter_with_others_last():
    groups = by_letter(["beta", "alpha", "24-hour line", "Apple", "éclair"], str)
    assert groups == [("A", ["alpha", "Apple"]), ("B", ["beta"]), ("#", ["24-hour line", "éclair"])]


def test_every_letter_is_listed_and_only_present_ones_are_links():
    links = letter_links([("A", [1]), ("C", [2])])
    assert [letter for letter, _ in links] == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert [(letter, anchor) for letter, anchor in links if anchor] == [
        ("A", "letter-a"),
        ("C", "letter-c"),
    ]
    assert letter_links([("#", [1])])[-1] == ("#", "letter-other")
