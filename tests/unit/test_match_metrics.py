"""A plan's value figures: what it reached, of a bound no plan beats, fairly, needs and wishes."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.matchmaking import (
    Profile,
    ValueMetrics,
    fairness,
    needs_answered,
    total_value,
    value_bound,
    value_metrics,
    value_share,
    wishes_kept,
)
from app.domain.model import Pair, pair
from tests.unit.matchmaking_cases import ACCOUNTING, TRANSPORT, said

VALUES = {pair(1, 2): 3.0, pair(1, 3): 2.0, pair(2, 3): 1.0, pair(3, 4): 5.0}
PEOPLE = {1, 2, 3, 4}


def test_a_pair_met_twice_counts_once_and_unvalued_pairs_count_0() -> None:
    assert total_value([pair(1, 2), pair(1, 2), pair(2, 4)], VALUES) == 3.0
    assert total_value([], VALUES) == 0.0


def test_the_bound_is_half_of_everyone_s_best_partners() -> None:
    assert value_bound(VALUES, PEOPLE, 1) == (3 + 3 + 5 + 5) / 2
    assert value_bound(VALUES, PEOPLE, 2) == (5 + 4 + 7 + 5) / 2
    assert value_bound(VALUES, PEOPLE, 0) == 0.0
    assert value_bound(VALUES, {1, 2, 3}, 1) == (3 + 3 + 2) / 2  # 4 is not here
    assert value_bound({}, PEOPLE, 3) == 0.0


def test_the_share_is_of_the_bound_and_1_when_nothing_could_be_gained() -> None:
    assert value_share(4.0, 8.0) == 0.5
    assert value_share(0.0, 0.0) == 1.0
    assert value_share(8.0000001, 8.0) == 1.0


def test_fairness_is_the_lowest_share_of_one_s_own_best() -> None:
    assert fairness([pair(1, 2), pair(3, 4)], VALUES, PEOPLE, 1) == (1.0, 1.0)
    lowest, _ = fairness([pair(1, 3), pair(2, 4)], VALUES, PEOPLE, 1)
    assert lowest == 0.0  # 2 met 4, worth nothing, when 1 was worth 3
    assert fairness([], {}, PEOPLE, 1) == (1.0, 1.0)


def test_fairness_p10_is_the_nearest_rank_and_skips_people_with_nobody_worth_meeting() -> None:
    values = {pair(1, 2): 1.0, pair(1, 3): 1.0} | {pair(k, k + 1): 1.0 for k in range(4, 19, 2)}
    held = [pair(1, 2), *(pair(k, k + 1) for k in range(4, 19, 2))]
    # 19 people could meet someone worth it (20 could not); only 3 got nothing
    assert fairness(held, values, range(1, 21), 1) == (0.0, 1.0)


def test_needs_answered_counts_people_who_wrote_needs_read_or_not() -> None:
    carrier = Profile(1, offers=said(("transport routier", TRANSPORT)))
    shop = Profile(2, needs=said(("un transporteur", TRANSPORT)))
    bakery = Profile(3, needs=said(("un comptable", ACCOUNTING)))
    unread = Profile(4, needs=said(("un transporteur", None)))
    crowd = [carrier, shop, bakery, unread]
    assert needs_answered([pair(1, 2), pair(1, 4), pair(2, 3)], crowd, 0.3) == (1, 3)
    assert needs_answered([pair(1, 3)], crowd, 0.3) == (0, 3)
    assert needs_answered([pair(1, 2)], crowd, 0.99) == (1, 3)
    assert needs_answered([pair(1, 2)], [carrier], 0.3) == (0, 0)


def test_a_mutual_wish_is_two_wishes_and_wishes_for_oneself_are_not_made() -> None:
    wishes = {1: frozenset({2}), 2: frozenset({1, 2}), 3: frozenset({1})}
    assert wishes_kept([pair(1, 2), pair(2, 3)], wishes) == (2, 3)
    assert wishes_kept([], wishes) == (0, 3)


def test_the_figures_go_into_the_plan_s_metrics_under_snake_case_keys() -> None:
    crowd = [
        Profile(1, offers=said(("transport", TRANSPORT)), wishes=frozenset({3})),
        Profile(2, needs=said(("transport", TRANSPORT))),
        Profile(3),
        Profile(4),
    ]
    found = value_metrics(
        [pair(1, 2), pair(3, 4)], VALUES, PEOPLE, crowd, floor=0.3, partners_per_person=1
    )
    assert found == ValueMetrics(8.0, 8.0, 1.0, 1.0, 1.0, 1, 1, 0, 1)
    assert found.to_dict() == {
        "value": 8.0,
        "value_bound": 8.0,
        "value_share": 1.0,
        "fairness": 1.0,
        "fairness_p10": 1.0,
        "needs_answered": 1,
        "needs_total": 1,
        "wishes_kept": 0,
        "wishes_made": 1,
    }
    assert ValueMetrics(1 / 3, 1.0, 1 / 3, 0.0, 0.5, 0, 0, 0, 0).to_dict()["value"] == 0.3333


@st.composite
def plans(draw: st.DrawFn) -> tuple[list[int], dict[Pair, float], list[Pair], int]:
    """Draw people, values, and rounds of tables of k: each person meets <= (k - 1) x rounds."""
    people = list(range(1, draw(st.integers(2, 12)) + 1))
    every = [pair(a, b) for a, b in combinations(people, 2)]
    values = draw(st.dictionaries(st.sampled_from(every), st.floats(0, 5), max_size=30))
    size, rounds = draw(st.integers(2, 4)), draw(st.integers(0, 4))
    meetings = []
    for _ in range(rounds):
        order = draw(st.permutations(people))
        for start in range(0, len(order), size):
            meetings += [pair(a, b) for a, b in combinations(order[start : start + size], 2)]
    return people, values, meetings, (size - 1) * rounds


@given(plans())
def test_no_plan_beats_the_bound_and_every_share_is_between_0_and_1(
    plan: tuple[list[int], dict[Pair, float], list[Pair], int],
) -> None:
    people, values, meetings, partners = plan
    reached, bound = total_value(meetings, values), value_bound(values, people, partners)
    assert reached <= bound + 1e-9
    assert 0.0 <= value_share(reached, bound) <= 1.0
    lowest, p10 = fairness(meetings, values, people, partners)
    assert 0.0 <= lowest <= p10 <= 1.0


@given(plans())
def test_meeting_every_best_partner_reaches_the_bound_per_person(
    plan: tuple[list[int], dict[Pair, float], list[Pair], int],
) -> None:
    people, values, _, _ = plan
    assert fairness(list(values), values, people, len(people)) == pytest.approx((1.0, 1.0))
    assert total_value(values, values) == pytest.approx(value_bound(values, people, len(people)))
