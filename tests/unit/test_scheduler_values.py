"""Plans by pair value: valuable meetings held and held first, rules kept, plain plans as before."""

import hashlib
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.model import Person, Plan, Rules, pair
from app.domain.scheduler import make_plan, replan, verify
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.choose import choose
from app.domain.scheduler.pairs.worth import Worth
from tests.unit.scheduler_cases import crowd

# sha256 of the plans and re-plans below, as made on main before values existed.
PLAIN_DIGEST = "b328c2a4da2c80a304dc4298eafb256aeb6df439469f1d4fa3fd2e97110e5b21"


def plain_digest() -> str:
    """Hash a fixed set of plain plans and re-plans: pairs, tables, clubs, history, limits."""
    digest = hashlib.sha256()
    for n in (9, 24, 51):
        people = [
            Person(i, company="Acme" if i % 7 == 0 else None, club=f"K{i % 3}")
            for i in range(1, n + 1)
        ]
        history = frozenset(pair(a, a + 2) for a in range(1, n, 4))
        for rules in (Rules(), Rules(avoid_same_club=True, history=history)):
            for rounds in (None, 4):
                for size in (2, 4) if n > 9 else (2,):
                    plan = make_plan(people, size, rules, rounds=rounds, seed=5)
                    now = [*people[1:], Person(500), Person(501, company="Acme")]
                    again = replan(plan, frozen=1, people=now, rules=rules, seed=2)
                    digest.update(repr((plan, again)).encode())
    return digest.hexdigest()


def test_without_values_plans_and_replans_are_exactly_those_made_before_values():
    assert plain_digest() == PLAIN_DIGEST


def random_values(people: list[Person], seed: int, share: float = 0.3) -> dict:
    """Give a share of the pairs a value in (0, 1]."""
    rng = random.Random(seed)
    ids = [p.id for p in people]
    return {
        pair(a, b): round(rng.random(), 3) + 0.001
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if rng.random() < share
    }


def held(plan: Plan) -> list:
    """List every meeting of a plan, repeats included."""
    return list(plan.meetings())


def round_value(plan: Plan, rules: Rules, number: int) -> float:
    """Sum the values of one round's meetings."""
    rnd = plan.round(number)
    assert rnd is not None
    return sum(rules.values.get(pair(*t.seats), 0.0) for t in rnd.tables)


def test_a_limited_plan_keeps_every_rule_and_repeats_nobody():
    people = [Person(i, company=f"Co{i % 9}" if i % 4 == 0 else None) for i in range(1, 61)]
    never = frozenset({pair(1, 2), pair(3, 5), pair(10, 11)})
    rules = Rules(values=random_values(people, 1), never=never)
    plan = make_plan(people, 2, rules, rounds=5, seed=1)
    report = verify(plan, people, rules)
    assert report.ok, report.problems
    assert (report.rounds, report.repeats, report.company_violations) == (5, 0, 0)
    assert never.isdisjoint(held(plan))
    assert len(held(plan)) == len(set(held(plan)))


def test_a_limited_plan_holds_more_value_than_the_plain_one():
    people = crowd(40)
    rules = Rules(values=random_values(people, 2, share=0.1))
    valued = make_plan(people, 2, rules, rounds=4)
    plain = make_plan(people, 2, Rules(), rounds=4)
    worth = sum(rules.values.get(m, 0.0) for m in set(held(valued)))
    blind = sum(rules.values.get(m, 0.0) for m in set(held(plain)))
    assert worth > 2 * blind


def test_pinned_pairs_meet_even_when_worth_nothing():
    people = crowd(30)
    must = frozenset({pair(1, 2), pair(3, 4), pair(5, 30)})
    rules = Rules(values=random_values(people, 3), must=must)
    plan = make_plan(people, 2, rules, rounds=2)
    assert must <= set(held(plan))


def test_pinned_pairs_of_one_company_never_meet():
    people = [Person(1, "Acme"), Person(2, "Acme"), *crowd(12)[2:]]
    rules = Rules(must=frozenset({pair(1, 2)}))
    plan = make_plan(people, 2, rules, rounds=3)
    assert pair(1, 2) not in set(held(plan))
    assert verify(plan, people, rules).ok


def test_people_worth_nothing_to_anyone_still_meet_someone_every_round():
    people = crowd(20)
    rules = Rules(values={pair(1, 2): 5.0, pair(1, 3): 4.0, pair(2, 3): 3.0})
    plan = make_plan(people, 2, rules, rounds=6)
    assert all(not r.sitting_out for r in plan.rounds)
    assert verify(plan, people, rules).meetings_min == 6


def test_nobody_sits_out_while_someone_they_could_meet_sits_out_too():
    people = [Person(i, company="Acme" if i <= 6 else None) for i in range(1, 26)]
    rules = Rules(values=random_values(people, 4))
    plan = make_plan(people, 2, rules, rounds=5)
    met = set(held(plan))
    constraints = Constraints(people, rules)
    for rnd in plan.rounds:
        out = rnd.sitting_out
        assert not any(
            not constraints.forbidden(a, b) and pair(a, b) not in met
            for i, a in enumerate(out)
            for b in out[i + 1 :]
        )


def test_with_time_for_everyone_every_pair_meets_the_valuable_ones_early_a_table_away():
    people = crowd(16)
    rules = Rules(values=random_values(people, 5))
    plan = make_plan(people, 2, rules)
    report = verify(plan, people, rules)
    assert report.ok and report.pairs_covered == report.pairs_possible
    assert report.longest_walk <= 1
    values = [round_value(plan, rules, r.number) for r in plan.rounds]
    half = len(values) // 2
    assert sum(values[:half]) > 1.5 * sum(values[-half:])


def test_rather_not_pairs_never_meet_in_a_full_plan_either():
    people = crowd(12)
    never = frozenset({pair(1, 2), pair(7, 8)})
    plan = make_plan(people, 2, Rules(never=never))
    assert never.isdisjoint(held(plan))
    assert verify(plan, people, Rules(never=never)).ok


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(4, 24),
    rounds=st.integers(1, 6),
    seed=st.integers(0, 1000),
    data=st.data(),
)
def test_a_planted_pair_worth_most_is_always_held_and_in_round_one(n, rounds, seed, data):
    people = [Person(i, company=f"Co{i % 3}" if i % 5 == 0 else None) for i in range(1, n + 1)]
    a, b = data.draw(st.sampled_from([(x, y) for x in range(1, n) for y in range(x + 1, n + 1)]))
    constraints = Constraints(people, Rules())
    if constraints.forbidden(a, b):
        return
    values = random_values(people, seed)
    values[pair(a, b)] = 100.0
    rules = Rules(values=values)
    plan = make_plan(people, 2, rules, rounds=rounds, seed=seed)
    report = verify(plan, people, rules)
    assert report.ok and report.repeats == 0, report.problems
    first = plan.rounds[0]
    assert first.table_of(a) is not None and first.table_of(a) == first.table_of(b)


def test_the_choice_gives_everyone_a_share_of_what_they_could_get():
    people = crowd(60)
    rules = Rules(values=random_values(people, 6, share=0.2))
    worth = Worth(Constraints(people, rules), rules)
    choice = choose(worth, 5)
    shares = [g / b for g, b in zip(choice.got, choice.bound, strict=True) if b > 0]
    assert min(shares) > 0.4


def test_a_replan_after_a_walk_in_keeps_the_rules_and_the_values():
    people = crowd(40)
    everyone = [*people, Person(41)]
    values = random_values(everyone, 7)
    values[pair(41, 7)] = 50.0
    previous = make_plan(people, 2, Rules(values=values), rounds=6)
    rules = Rules(values=values)
    result = replan(previous, frozen=2, people=everyone, rules=rules)
    report = verify(result.plan, everyone, rules, frozen=2)
    assert report.ok and report.repeats == 0, report.problems
    assert result.newcomers == (41,)
    assert result.plan.rounds[:2] == previous.rounds[:2]


def test_tables_seat_valuable_pairs_together_more_than_a_value_blind_plan():
    people = [Person(i, company="Acme" if i <= 4 else None) for i in range(1, 31)]
    rules = Rules(values=random_values(people, 8, share=0.1))
    valued = make_plan(people, 5, rules, rounds=3, seed=1)
    plain = make_plan(people, 5, Rules(), rounds=3, seed=1)
    report = verify(valued, people, rules)
    assert report.ok and report.company_violations == 0 and report.repeats == 0
    worth = sum(rules.values.get(m, 0.0) for m in set(valued.meetings()))
    blind = sum(rules.values.get(m, 0.0) for m in set(plain.meetings()))
    assert worth > blind


def test_the_report_gives_value_its_bound_fairness_and_pins_kept():
    people = crowd(20)
    rules = Rules(values=random_values(people, 9), must=frozenset({pair(1, 20)}))
    metrics = verify(make_plan(people, 2, rules, rounds=3), people, rules).to_metrics()
    assert 0 < metrics["value"] <= metrics["value_bound"]
    assert metrics["value_share"] == round(metrics["value"] / metrics["value_bound"], 4)
    assert 0 <= metrics["fairness_min"] <= metrics["fairness_p10"] <= 1
    assert (metrics["must_met"], metrics["must_total"], metrics["never_met"]) == (1, 1, 0)


def test_the_report_of_a_plain_plan_says_nothing_of_value():
    people = crowd(10)
    assert "value" not in verify(make_plan(people, 2, Rules()), people, Rules()).to_metrics()


def test_a_plan_seating_a_rather_not_pair_is_not_ok():
    people = crowd(6)
    plan = make_plan(people, 2, Rules())
    rules = Rules(never=frozenset({pair(1, 2)}))
    report = verify(plan, people, rules)
    assert not report.ok
    assert "1 meetings between people who must never meet" in report.problems
