"""A member's text is cut into phrases that keep their words and never repeat."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.matchmaking.phrases import MAX_PHRASES, phrases


def test_a_french_list_becomes_one_phrase_per_offer() -> None:
    text = "Transport routier et affrètement; logistique, entreposage.\n- Conseil RH"
    assert phrases(text) == (
        "Transport routier",
        "affrètement",
        "logistique",
        "entreposage",
        "Conseil RH",
    )


def test_an_english_sentence_is_cut_at_and_and_slashes() -> None:
    assert phrases("We sell accounting software and payroll services / audit") == (
        "We sell accounting software",
        "payroll services",
        "audit",
    )


def test_nothing_said_gives_no_phrase() -> None:
    assert phrases(None) == phrases("") == phrases(" ; , - ") == ()


def test_repeats_differing_in_case_are_kept_once() -> None:
    assert phrases("Audit, AUDIT, audit financier") == ("Audit", "audit financier")


@given(st.text(max_size=500))
def test_phrases_are_short_distinct_and_from_the_text(text: str) -> None:
    found = phrases(text)
    assert len(found) <= MAX_PHRASES
    assert len({p.casefold() for p in found}) == len(found)
    words = set(text.split())
    for phrase in found:
        assert len(phrase) >= 3
        assert all(any(word in w for w in words) for word in phrase.split())
