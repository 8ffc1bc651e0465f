"""The value bound: no plan beats it, and it is never looser than each person's best, halved."""

from __future__ import annotations

from heapq import nlargest
from itertools import combinations, combinations_with_replacement

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.model import Pair, Person, Rules, pair
from app.domain.scheduler.check.bound import value_bound


def own_best_halved(people: dict[int, Person], rules: Rules, meetings: int) -> float:
    """The former bound: half the sum of each person's best `meetings` allowed values."""
    mine: dict[int, list[float]] = {pid: [] for pid in people}
    for key, value in rules.values.items():
        a, b = sorted(key)
        if value > 0 and not rules.forbidden(people[a], people[b]):
            mine[a].append(value)
            mine[b].append(value)
    return sum(sum(nlargest(meetings, vs)) for vs in mine.values()) / 2


def matchings(ids: list[int], allowed: list[Pair]) -> list[frozenset[Pair]]:
    """List matchings of the allowed pairs, every maximal one among them (best plans' rounds)."""
    found: list[frozenset[Pair]] = []

    def grow(free: list[int], held: list[Pair]) -> None:
        options = [m for m in allowed if m <= set(free)]
        if not options:
            found.append(frozenset(held))
            return
        first = min(p for m in options for p in m)
        for m in options:
            if first in m:
                grow([p for p in free if p not in m], [*held, m])
        if any(first in m for m in options):
            grow([p for p in free if p != first], held)

    grow(ids, [])
    return found


def best_plan_value(people: dict[int, Person], rules: Rules, rounds: int) -> float:
    """Try every choice of `rounds` 1:1 rounds; give the most a plan can be worth."""
    allowed = [
        pair(a, b) for a, b in combinations(people, 2) if not rules.forbidden(people[a], people[b])
    ]
    rounds_ = matchings(list(people), allowed)
    return max(
        sum(rules.values.get(m, 0.0) for m in frozenset().union(*chosen))
        for chosen in combinations_with_replacement(rounds_, rounds)
    )


@st.composite
def tiny_events(draw: st.DrawFn) -> tuple[dict[int, Person], Rules, int]:
    """Draw 4 to 7 people (a few sharing a company), values on some pairs, and 1 or 2 rounds."""
    count = draw(st.integers(4, 7))
    people = {
        pid: Person(pid, company=draw(st.sampled_from([None, None, "Acme", f"Own {pid}"])))
        for pid in range(1, count + 1)
    }
    every = [pair(a, b) for a, b in combinations(people, 2)]
    values = draw(st.dictionaries(st.sampled_from(every), st.floats(0, 5), max_size=len(every)))
    never = draw(st.sets(st.sampled_from(every), max_size=2))
    return people, Rules(values=values, never=frozenset(never)), draw(st.integers(1, 2))


@settings(max_examples=150, deadline=None)
@given(tiny_events())
def test_no_plan_beats_the_bound_and_it_is_never_looser_than_the_former_one(
    drawn: tuple[dict[int, Person], Rules, int],
) -> None:
    people, rules, rounds = drawn
    bound = value_bound(people, rules, rounds)
    assert best_plan_value(people, rules, rounds) <= bound + 1e-9
    assert bound <= own_best_halved(people, rules, rounds) + 1e-9


def test_a_person_everyone_wants_counts_once_per_meeting_they_have_time_for() -> None:
    people = {pid: Person(pid) for pid in (1, 2, 3, 4)}
    rules = Rules(values={pair(1, 2): 1.0, pair(1, 3): 1.0, pair(1, 4): 1.0})
    assert own_best_halved(people, rules, 1) == 2.0  # 1's best plus each other's, halved
    assert value_bound(people, rules, 1) == pytest.approx(1.0)  # 1 meets one of them: 1
    assert value_bound(people, rules, 2) == pytest.approx(2.0)


def test_pairs_that_may_not_meet_or_are_not_present_are_worth_nothing() -> None:
    people = {1: Person(1, company="Acme"), 2: Person(2, company=" acme"), 3: Person(3)}
    rules = Rules(
        values={pair(1, 2): 4.0, pair(1, 3): 1.0, pair(2, 3): 2.0, pair(3, 9): 7.0},
        never=frozenset({pair(2, 3)}),
    )
    assert value_bound(people, rules, 3) == pytest.approx(1.0)
    assert value_bound(people, Rules(), 3) == 0.0
    assert value_bound(people, rules, 0) == 0.0
