"""Tables seated by value: every rule kept, repeat-free where the blind plan is, value gained."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.model import Person, Rules, pair
from app.domain.scheduler import make_plan, verify
from app.domain.scheduler.tables.fill import _valued_once, fixed_valued
from app.domain.scheduler.tables.grid import Weights, count_round, total_cost
from app.domain.scheduler.tables.layout import weights_for


def valued(people: list[Person], seed: int, share: float = 0.4) -> Rules:
    """Give a share of the pairs a value in (0, 1]."""
    rng = random.Random(seed)
    ids = [p.id for p in people]
    values = {
        pair(a, b): rng.random() + 0.001
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if rng.random() < share
    }
    return Rules(values=values)


def worth(plan, rules: Rules) -> float:
    """Sum the values of the distinct pairs a plan seats together."""
    return sum(rules.values.get(m, 0.0) for m in set(plan.meetings()))


@settings(max_examples=25, deadline=None)
@given(
    n=st.integers(9, 40),
    size=st.integers(3, 6),
    rounds=st.one_of(st.none(), st.integers(1, 5)),
    seed=st.integers(0, 1000),
)
def test_a_valued_table_plan_keeps_colleagues_apart_and_repeats_no_more_than_a_blind_one(
    n, size, rounds, seed
):
    people = [Person(i, company=f"Co{i % 3}" if i % 7 == 0 else None) for i in range(1, n + 1)]
    rules = valued(people, seed)
    plan = make_plan(people, size, rules, rounds=rounds, seed=seed)
    blind = make_plan(people, size, Rules(), rounds=rounds, seed=seed)
    report, blind_report = verify(plan, people, rules), verify(blind, people, Rules())
    assert report.company_violations == 0
    assert sorted(p for t in plan.rounds[0].tables for p in t.seats) == [p.id for p in people]
    if blind_report.repeats == 0:
        assert report.ok and report.repeats == 0, report.problems


def test_tables_of_six_hold_far_more_value_than_the_blind_plan():
    people = [Person(i, company=f"Co{i % 5}" if i <= 15 else None) for i in range(1, 121)]
    rules = valued(people, 3, share=0.2)
    plan = make_plan(people, 6, rules, rounds=6, seed=2)
    blind = make_plan(people, 6, Rules(), rounds=6, seed=2)
    assert verify(plan, people, rules).ok
    assert worth(plan, rules) > 1.3 * worth(blind, rules)


def test_two_tables_are_searched_without_shaking_and_repeat_no_more_than_they_must():
    people = [Person(i) for i in range(1, 9)]
    rules = valued(people, 4)
    plan = make_plan(people, 4, rules, rounds=2, seed=1)
    assert verify(plan, people, rules).repeats == 4  # two from each first table, at each second


def test_the_most_valuable_rounds_come_first():
    people = [Person(i) for i in range(1, 61)]
    rules = valued(people, 5, share=0.3)
    plan = make_plan(people, 6, rules, rounds=5, seed=3)
    per_round = [
        sum(
            rules.values.get(pair(a, b), 0.0)
            for t in rnd.tables
            for i, a in enumerate(t.seats)
            for b in t.seats[i + 1 :]
        )
        for rnd in plan.rounds
    ]
    assert per_round == sorted(per_round, reverse=True)


def test_the_cheapest_of_several_starts_is_kept_with_its_meetings_counted():
    people = [Person(i) for i in range(1, 61)]
    weights = weights_for(people, valued(people, 7, share=0.2), [], 6)
    first = Weights(weights.base, [row[:] for row in weights.met])
    _, mended = _valued_once([6] * 10, first, [], 5, random.Random(1))  # the first start, alone
    kept = Weights(weights.base, [row[:] for row in weights.met])
    grid = fixed_valued([6] * 10, kept, [], 5, random.Random(1))
    assert not mended  # so the other starts were tried too
    assert total_cost(kept) < total_cost(first)
    counted = [[0] * 60 for _ in range(60)]
    for rnd in grid:
        count_round(counted, rnd, 1)
    assert kept.met == counted
