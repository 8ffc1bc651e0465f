"""A pair is worth the needs each side's offers answer, judged against the room, plus wishes."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.matchmaking import room as room_module
from app.domain.matchmaking.phrases import MAX_PHRASES
from app.domain.matchmaking.profile import Phrase, Profile
from app.domain.matchmaking.room import NEIGHBOURS, Room
from app.domain.matchmaking.value import MUTUAL, WISHED, pair_values
from app.domain.model import pair
from tests.unit.matchmaking_cases import (
    ACCOUNTING,
    CATERING,
    FLOOR,
    PRINTING,
    TRANSPORT,
    answer,
    crowds,
    said,
    unit,
)

ALONE = 1 - 1 / NEIGHBOURS  # the same meaning, nothing else near: the pair is its own neighbour
CARRIER = Profile(1, offers=said(("transport routier", TRANSPORT)))
SHOP = Profile(2, needs=said(("un transporteur régional", TRANSPORT)))


def test_a_need_met_by_an_offer_in_the_same_words_is_worth_the_most_a_room_allows() -> None:
    assert answer(SHOP, CARRIER) == pytest.approx(ALONE)


def test_an_unrelated_offer_is_worth_0() -> None:
    accountant = Profile(3, needs=said(("un expert-comptable", ACCOUNTING)))
    assert answer(accountant, CARRIER) == 0.0


def test_the_best_phrase_pair_counts_however_many_unrelated_phrases_there_are() -> None:
    others = said(("imprimerie", PRINTING), ("traiteur", CATERING))
    many = Profile(1, offers=(*others, *CARRIER.offers))
    assert answer(SHOP, many) == pytest.approx(answer(SHOP, CARRIER))


def test_alone_in_a_room_a_pair_is_its_cosine_above_the_floor_rescaled() -> None:
    near = Profile(1, offers=said(("logistique", unit(1, math.sqrt(3)))))  # cosine 0.5
    assert answer(SHOP, near, floor=0.6) == 0.0
    assert answer(SHOP, near, floor=0.5) == 0.0
    assert answer(SHOP, near) == pytest.approx(ALONE * (0.5 - FLOOR) / (1 - FLOOR))


def test_an_answer_many_others_also_give_is_worth_less_than_a_rare_one() -> None:
    rivals = [Profile(10 + i, offers=CARRIER.offers) for i in range(NEIGHBOURS)]
    crowded = answer(SHOP, CARRIER, *rivals)
    assert 0.0 <= crowded < answer(SHOP, CARRIER)


def test_a_vague_need_close_to_every_offer_is_worth_less_than_a_precise_one() -> None:
    trades = [
        Profile(10 + i, offers=said((f"trade {i}", vector)))
        for i, vector in enumerate((ACCOUNTING, PRINTING, CATERING))
    ]
    vague = Profile(2, needs=said(("des contacts", unit(1, 1, 1, 1))))
    precise = Profile(3, needs=said(("un transporteur", unit(2, 1, 1, 1))))
    assert answer(vague, CARRIER, *trades) < answer(precise, CARRIER, *trades)


def test_members_saying_unrelated_things_change_nothing() -> None:
    printers = [Profile(10 + i, offers=said(("imprimerie", PRINTING))) for i in range(5)]
    assert answer(SHOP, CARRIER, *printers) == pytest.approx(answer(SHOP, CARRIER))


def test_a_phrase_is_read_in_the_context_of_its_whole_text() -> None:
    cover = unit(1, 1)  # "couverture": a roof or an insurance, said alone
    roofer = Profile(1, offers=(Phrase("couverture", cover, TRANSPORT),))
    insurer = Profile(1, offers=(Phrase("couverture", cover, ACCOUNTING),))
    roof = Profile(2, needs=said(("refaire la toiture", TRANSPORT)))
    assert answer(roof, roofer) > answer(roof, insurer)


def test_a_floor_outside_the_cosine_range_is_refused() -> None:
    with pytest.raises(ValueError, match="floor"):
        answer(SHOP, CARRIER, floor=1.0)


def test_each_direction_counts_on_its_own() -> None:
    one_way = pair_values([CARRIER, SHOP], floor=FLOOR)
    both = Profile(1, offers=CARRIER.offers, needs=said(("comptabilité", ACCOUNTING)))
    accountant = Profile(2, offers=said(("expertise comptable", ACCOUNTING)), needs=SHOP.needs)
    assert one_way == {pair(1, 2): pytest.approx(ALONE)}
    assert pair_values([both, accountant], floor=FLOOR) == {pair(1, 2): pytest.approx(2 * ALONE)}


def test_a_mutual_wish_is_worth_more_than_a_one_sided_one_and_than_any_text() -> None:
    profiles = [
        Profile(1, wishes=frozenset({2})),
        Profile(2, wishes=frozenset({1})),
        Profile(3, wishes=frozenset({1})),
    ]
    assert pair_values(profiles, floor=FLOOR) == {pair(1, 2): MUTUAL, pair(1, 3): WISHED}
    assert MUTUAL > 2.0  # both directions fully answered
    assert WISHED == 1.0  # one direction fully answered


def test_a_wish_adds_to_what_the_texts_are_worth() -> None:
    wisher = Profile(2, needs=SHOP.needs, wishes=frozenset({1}))
    assert pair_values([CARRIER, wisher], floor=FLOOR) == {pair(1, 2): pytest.approx(ALONE + 1)}


def test_wishes_for_oneself_or_someone_absent_are_ignored() -> None:
    odd = Profile(3, wishes=frozenset({3, 404}))
    assert pair_values([CARRIER, odd], floor=FLOOR) == {}


def test_nothing_said_or_nothing_read_is_worth_0_and_lists_nothing() -> None:
    unread = Profile(3, offers=said(("transport", None)), needs=said(("transport", None)))
    assert answer(unread, CARRIER) == 0.0
    assert answer(Profile(4), Profile(5)) == 0.0
    assert pair_values([Profile(1), Profile(2), unread], floor=FLOOR) == {}
    assert pair_values([], floor=FLOOR) == {}


def test_broken_vectors_count_as_unread_not_as_errors() -> None:
    broken = said(
        ("nan", (math.nan, 0.0, 0.0, 0.0)),
        ("zero", (0.0, 0.0, 0.0, 0.0)),
        ("stale model", (1.0, 0.0)),
    )
    carrier = Profile(1, offers=(*broken, *CARRIER.offers, *said(("other", TRANSPORT))))
    assert answer(SHOP, Profile(1, offers=broken)) == 0.0
    clean = Profile(1, offers=(*CARRIER.offers, *said(("other", TRANSPORT))))
    assert pair_values([carrier, SHOP], floor=FLOOR) == pair_values([clean, SHOP], floor=FLOOR)


def test_vectors_not_quite_unit_length_are_compared_by_angle() -> None:
    long = Profile(1, offers=said(("logistique", tuple(3 * c for c in unit(1, math.sqrt(3))))))
    assert answer(SHOP, long) == pytest.approx(ALONE * (0.5 - FLOOR) / (1 - FLOOR))


def test_pairs_that_must_never_meet_are_left_out() -> None:
    assert pair_values([CARRIER, SHOP], floor=FLOOR, never=frozenset({pair(1, 2)})) == {}
    assert pair_values([CARRIER, SHOP], floor=FLOOR, never=frozenset({pair(1, 9)})) != {}


def test_one_person_with_two_profiles_is_refused() -> None:
    with pytest.raises(ValueError, match="one profile"):
        pair_values([CARRIER, CARRIER], floor=FLOOR)


@pytest.mark.parametrize(
    ("people", "most_phrases", "chunk_rows"),
    [(60, 4, 7), (500, MAX_PHRASES, room_module.CHUNK_ROWS)],
    ids=["60 in chunks of 7 rows", "500 with the most phrases"],
)
def test_many_members_across_several_chunks_get_the_values_pair_by_pair(
    monkeypatch: pytest.MonkeyPatch, people: int, most_phrases: int, chunk_rows: int
) -> None:
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(6, 16))
    counts = rng.integers(0, most_phrases + 1, size=(people, 2))
    vectors = iter(
        centres[rng.integers(6, size=counts.sum())] + rng.normal(size=(counts.sum(), 16))
    )

    def side(count: int) -> tuple[Phrase, ...]:
        return tuple(Phrase("p", next(vectors) / 4) for _ in range(count))  # not unit: any length

    profiles = [Profile(i, side(offers), side(needs)) for i, (offers, needs) in enumerate(counts)]
    monkeypatch.setattr(room_module, "CHUNK_ROWS", chunk_rows)
    values = pair_values(profiles, floor=0.2)
    monkeypatch.setattr(room_module, "CHUNK_ROWS", people * MAX_PHRASES)  # the room in one go
    room = Room.read(profiles, 0.2)
    for i, j in rng.integers(people, size=(300, 2)).tolist():
        a, b = profiles[i], profiles[j]
        if i != j:
            expected = room.best(a.person, b.person)[0] + room.best(b.person, a.person)[0]
            assert values.get(pair(a.person, b.person), 0.0) == pytest.approx(expected, abs=1e-5)


def bonus(a: Profile, b: Profile) -> float:
    """Give the wish bonus of a pair as the module documents it."""
    ways = (b.person in a.wishes) + (a.person in b.wishes)
    return (0.0, WISHED, MUTUAL)[ways]


@given(crowds(max_people=6), st.sampled_from([-0.2, 0.0, 0.3, 0.7]))
def test_values_are_both_directions_plus_wishes_whatever_the_order(
    profiles: list[Profile], floor: float
) -> None:
    values = pair_values(profiles, floor=floor)
    shuffled = pair_values(profiles[::-1], floor=floor)
    room = Room.read(profiles, floor)
    for a in profiles:
        for b in profiles:
            if a.person < b.person:
                found = values.get(pair(a.person, b.person), 0.0)
                expected = room.best(a.person, b.person)[0] + room.best(b.person, a.person)[0]
                assert found == pytest.approx(expected + bonus(a, b), abs=1e-5)
                assert found == pytest.approx(shuffled.get(pair(a.person, b.person), 0.0), abs=1e-5)
    assert all(v > 0 and len(key) == 2 for key, v in values.items())


@given(crowds(max_people=4), st.sampled_from([0.0, 0.3]))
def test_a_direction_is_worth_between_0_and_1(profiles: list[Profile], floor: float) -> None:
    room = Room.read(profiles, floor)
    for a in profiles:
        for b in profiles:
            assert 0.0 <= room.best(a.person, b.person)[0] <= 1.0
