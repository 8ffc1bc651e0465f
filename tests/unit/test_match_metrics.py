"""A plan's value figures: what it reached, of a bound no plan beats, fairly; needs and wishes."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.matchmaking import Profile, Room, needs_answered, wishes_kept
from app.domain.model import Pair, Person, Plan, Round, Rules, Table, pair
from app.domain.scheduler.check.value import value_figures
from tests.unit.matchmaking_cases import ACCOUNTING, TRANSPORT, said

VALUES = {pair(1, 2): 3.0, pair(1, 3): 2.0, pair(2, 3): 1.0, pair(3, 4): 5.0}
CROWD = {pid: Person(pid, f"Société {pid}") for pid in (1, 2, 3, 4)}


def rounds_of(table_size: int, *rounds: list[tuple[int, ...]]) -> Plan:
    """A plan from each round's tables."""
    return Plan(
        table_size,
        tuple(
            Round(number, tuple(Table(t, seats) for t, seats in enumerate(tables, 1)))
            for number, tables in enumerate(rounds, 1)
        ),
    )


def test_a_pair_met_twice_counts_once_and_the_bound_is_the_best_two_rounds_can_do() -> None:
    plan = rounds_of(2, [(1, 2), (3, 4)], [(1, 2), (3, 4)])
    figures = value_figures(plan, CROWD, Rules(values=VALUES))
    assert figures.value == 8.0
    # each one's best two partners, halved, would say (5 + 4 + 7 + 5) / 2; but 3 has time for
    # only two of 1, 2 and 4: 1–2 and 3–4, then 1–3, is the most two rounds can hold
    assert figures.bound == pytest.approx(3 + 5 + 2)
    assert figures.to_metrics()["value_share"] == round(8.0 / figures.bound, 4)


def test_fairness_is_the_lowest_share_of_ones_own_best() -> None:
    plan = rounds_of(2, [(1, 3), (2, 4)])
    figures = value_figures(plan, CROWD, Rules(values=VALUES))
    assert figures.fairness_min == 0.0  # 2 could have had 3 with 1, and got nothing
    assert figures.value == 2.0


def test_pins_kept_and_rather_nots_met_are_counted() -> None:
    rules = Rules(values=VALUES, must=frozenset({pair(1, 2)}), never=frozenset({pair(3, 4)}))
    figures = value_figures(rounds_of(2, [(1, 2), (3, 4)]), CROWD, rules)
    assert (figures.must_met, figures.must_total, figures.never_met) == (1, 1, 1)


def test_needs_answered_counts_people_who_wrote_needs_read_or_not() -> None:
    carrier = Profile(1, offers=said(("transport routier", TRANSPORT)))
    shop = Profile(2, needs=said(("un transporteur", TRANSPORT)))
    bakery = Profile(3, needs=said(("un comptable", ACCOUNTING)))
    unread = Profile(4, needs=said(("un transporteur", None)))
    crowd = [carrier, shop, bakery, unread]
    room = Room.read(crowd, 0.3)
    assert needs_answered([pair(1, 2), pair(1, 4), pair(2, 3)], crowd, room) == (1, 3)
    assert needs_answered([pair(1, 3)], crowd, room) == (0, 3)
    assert needs_answered([pair(1, 2)], crowd, Room.read(crowd, 0.99)) == (1, 3)
    assert needs_answered([pair(1, 2)], [carrier], room) == (0, 0)


def test_a_mutual_wish_is_two_wishes_and_wishes_for_oneself_are_not_made() -> None:
    wishes = {1: frozenset({2}), 2: frozenset({1, 2}), 3: frozenset({1})}
    assert wishes_kept([pair(1, 2), pair(2, 3)], wishes) == (2, 3)
    assert wishes_kept([], wishes) == (0, 3)


@st.composite
def plans(draw: st.DrawFn) -> tuple[dict[int, Person], dict[Pair, float], Plan]:
    """Draw people, values, and rounds of tables of k: each person meets <= (k - 1) x rounds."""
    count = draw(st.integers(2, 12))
    people = {pid: Person(pid, f"Société {pid}") for pid in range(1, count + 1)}
    every = [pair(a, b) for a, b in combinations(people, 2)]
    values = draw(st.dictionaries(st.sampled_from(every), st.floats(0, 5), max_size=30))
    size, rounds = draw(st.integers(2, 4)), draw(st.integers(1, 4))
    tables = []
    for _ in range(rounds):
        order = draw(st.permutations(list(people)))
        tables.append([tuple(order[start : start + size]) for start in range(0, count, size)])
    return people, values, rounds_of(size, *tables)


@given(plans())
def test_no_plan_beats_the_bound_and_every_share_is_between_0_and_1(
    drawn: tuple[dict[int, Person], dict[Pair, float], Plan],
) -> None:
    people, values, plan = drawn
    figures = value_figures(plan, people, Rules(values=values))
    assert figures.value <= figures.bound + 1e-9
    assert 0.0 <= figures.to_metrics()["value_share"] <= 1.0
    assert 0.0 <= figures.fairness_min <= figures.fairness_p10 <= 1.0 + 1e-9


def test_meeting_every_best_partner_reaches_the_bound() -> None:
    plan = rounds_of(2, [(1, 2), (3, 4)], [(1, 3), (2, 4)], [(1, 4), (2, 3)])
    figures = value_figures(plan, CROWD, Rules(values=VALUES))
    assert figures.value == pytest.approx(figures.bound)
    assert figures.fairness_min == pytest.approx(1.0)
