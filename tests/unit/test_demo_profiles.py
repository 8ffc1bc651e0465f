"""The demo members say what they offer and need, and many needs find an offer in other words."""

import re
import unicodedata

from app.services.demo import demo_people
from app.services.demo_profiles import ANSWERS

ENGLISH = re.compile(r"\b(our|for|and|someone|an?)\b", re.IGNORECASE)


def words(text: str) -> set[str]:
    """List the longer words of a text, folded, so that shared vocabulary shows."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return {word for word in re.findall(r"[a-z]+", plain) if len(word) >= 5}


def test_every_demo_member_offers_and_needs_something_that_fits() -> None:
    people = demo_people()
    assert len(people) == 50
    for person in people:
        assert 0 < len(person["offers"]) <= 500
        assert 0 < len(person["needs"]) <= 500
    assert len({person["offers"] for person in people}) == 50


def test_some_demo_members_write_in_english() -> None:
    texts = [text for person in demo_people() for text in (person["offers"], person["needs"])]
    assert 5 <= sum(bool(ENGLISH.search(text)) for text in texts) <= 25


def test_many_needs_are_answered_by_another_company_in_other_words() -> None:
    people = demo_people()
    assert len(ANSWERS) >= 20
    assert len({needs for needs, _ in ANSWERS}) == len(ANSWERS)
    for needs, offers in ANSWERS:
        asker, answerer = people[needs], people[offers]
        assert asker["company"] != answerer["company"], (needs, offers)
        assert not words(asker["needs"]) & words(answerer["offers"]), (needs, offers)


def test_some_answers_cross_from_one_language_to_the_other() -> None:
    people = demo_people()
    crossing = [
        (needs, offers)
        for needs, offers in ANSWERS
        if bool(ENGLISH.search(people[needs]["needs"]))
        != bool(ENGLISH.search(people[offers]["offers"]))
    ]
    assert len(crossing) >= 4
