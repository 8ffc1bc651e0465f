"""The valued planner's repairs: prices of time, colouring, spare time and chains of meetings."""

from __future__ import annotations

import random
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.model import Person, Rules, pair
from app.domain.scheduler.check.bound import slot_prices
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.alternate import alternate
from app.domain.scheduler.pairs.choose import Choice, choose
from app.domain.scheduler.pairs.colour import split
from app.domain.scheduler.pairs.spare import use_spare_time
from app.domain.scheduler.pairs.worth import Worth


def test_the_time_of_someone_everyone_wants_is_priced_at_what_meeting_them_is_worth() -> None:
    prices = slot_prices([(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)], 4, 1)
    assert prices[0] == pytest.approx(1.0)
    assert prices[1:] == pytest.approx([0.0, 0.0, 0.0])
    assert slot_prices([], 3, 2) == [0.0, 0.0, 0.0]


def test_the_colouring_seats_a_meeting_one_kempe_chain_could_not() -> None:
    meetings = [
        (0, 2), (2, 3), (1, 4), (1, 3), (0, 5), (2, 4), (4, 5), (0, 1), (3, 5), (0, 3), (2, 5),
    ]  # fmt: skip
    rounds = split(meetings, 6, 4)
    assert sorted(m for held in rounds for m in held) == sorted(meetings)
    for held in rounds:
        seated = [p for m in held for p in m]
        assert len(seated) == len(set(seated))


@st.composite
def events(draw: st.DrawFn) -> tuple[Worth, int]:
    """Draw 6 to 30 people, a few sharing a company, values on some pairs, and R rounds."""
    n = draw(st.integers(6, 30))
    people = [Person(i, company="Acme" if i % 7 == 0 else None) for i in range(1, n + 1)]
    rng = random.Random(draw(st.integers(0, 10_000)))
    share = draw(st.floats(0.1, 0.9))
    values = {
        pair(a, b): round(rng.random(), 3) + 0.001
        for a, b in combinations(range(1, n + 1), 2)
        if rng.random() < share
    }
    rules = Rules(values=values)
    return Worth(Constraints(people, rules), rules), draw(st.integers(1, 6))


def shares(choice: Choice) -> list[float]:
    """Each person's value got over their own bound (0 bounds left out)."""
    return [g / b if b > 0 else 1.0 for g, b in zip(choice.got, choice.bound, strict=True)]


@settings(max_examples=60, deadline=None)
@given(events())
def test_spare_time_and_chains_raise_the_value_keep_time_and_spare_the_fairness_floor(
    drawn: tuple[Worth, int],
) -> None:
    worth, rounds = drawn
    choice = choose(worth, rounds)
    before, floor, was = sum(choice.got), choice.floor(), shares(choice)
    use_spare_time(choice)
    alternate(choice)
    assert sum(choice.got) >= before - 1e-9
    for p, held in enumerate(choice.partners):
        assert len(held) <= rounds
        assert all(choice.partners[q][p] == value == worth.of(p, q) for q, value in held.items())
        assert choice.got[p] == pytest.approx(sum(held.values()))
    for now, then in zip(shares(choice), was, strict=True):
        assert now >= min(then, floor) - 1e-9
