"""With time for every pair, valuable pairs meet early and nobody walks more than one table."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.model import Person, Rules, pair
from app.domain.scheduler import make_plan, verify
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.circle import circle_rounds, couples_for
from app.domain.scheduler.pairs.early import arrange
from app.domain.scheduler.pairs.worth import Worth


def crowd_with_values(n: int, seed: int, companies: bool = True) -> tuple[list[Person], dict]:
    people = [
        Person(i, company="Acme" if companies and i % 9 == 0 else None, club=f"K{i % 2}")
        for i in range(1, n + 1)
    ]
    rng = random.Random(seed)
    values = {
        pair(a, b): rng.random() ** 3
        for a in range(1, n + 1)
        for b in range(a + 1, n + 1)
        if rng.random() < 0.2
    }
    return people, values


def held_if_cut(rounds, values: dict) -> float:
    """Sum over meetings of value × (R − round): what the evening holds, over every cut."""
    return sum(
        values.get(pair(a, b), 0.0) * (len(rounds) - k)
        for k, seating in enumerate(rounds)
        for _, a, b in seating
    )


@settings(max_examples=25, deadline=None)
@given(st.integers(3, 40), st.integers(0, 1000), st.booleans(), st.booleans())
def test_trading_seats_only_moves_people_of_no_company_within_their_club_and_gains(
    n: int, seed: int, companies: bool, clubs_apart: bool
) -> None:
    people, values = crowd_with_values(n, seed, companies)
    rules = Rules(values=values, avoid_same_club=clubs_apart)
    constraints = Constraints(people, rules)
    couples = couples_for(constraints, random.Random(seed))
    traded = arrange(couples, constraints, Worth(constraints, rules))
    before = [p for couple in couples for p in couple]
    after = [p for couple in traded for p in couple]
    for old, new in zip(before, after, strict=True):
        if old != new:
            assert old is not None and new is not None
            assert people[old - 1].company is None and people[new - 1].company is None
            assert people[old - 1].club == people[new - 1].club or not clubs_apart
    gained = held_if_cut(circle_rounds(traded, None), values)
    assert gained >= held_if_cut(circle_rounds(couples, None), values) - 1e-9


def test_a_plan_with_every_pair_holds_more_early_than_the_plain_one_and_walks_one_table() -> None:
    people, values = crowd_with_values(50, 3)
    rules = Rules(values=values)
    valued = make_plan(people, 2, rules, seed=1)
    plain = make_plan(people, 2, Rules(), seed=1)
    report = verify(valued, people, rules)
    assert report.ok and report.repeats == 0 and report.longest_walk <= 1, report.problems
    assert set(valued.meetings()) == set(plain.meetings())

    def share_by_round(plan) -> float:
        rounds = [
            [(t.number, *t.seats) for t in r.tables if len(t.seats) == 2] for r in plan.rounds
        ]
        return held_if_cut(rounds, values)

    assert share_by_round(valued) > 1.1 * share_by_round(plain)
