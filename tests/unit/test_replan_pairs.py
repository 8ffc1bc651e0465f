"""Re-planning pairs: played rounds stay, newcomers meet people, few others move."""

import random

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.domain.model import Person, PlanError, Rules
from app.domain.scheduler import verify
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.plan import plan_pairs
from app.domain.scheduler.pairs.replan import replan_pairs
from tests.unit.scheduler_cases import crowd, events


def swap_people(people: list[Person], leave: int, arrive: int, seed: int = 0) -> list[Person]:
    """Remove `leave` people at random and add `arrive` new ones."""
    rng = random.Random(seed)
    gone = set(rng.sample([p.id for p in people], leave))
    top = max(p.id for p in people)
    return [p for p in people if p.id not in gone] + [Person(top + i + 1) for i in range(arrive)]


def can_plan(people: list[Person], rules: Rules) -> bool:
    """Tell whether any plan is possible for these people (not all of one company)."""
    try:
        Constraints(people, rules).check()
    except PlanError:
        return False
    return True


def test_played_rounds_stay_exactly_as_they_were():
    before = plan_pairs(crowd(20), Rules())
    after = replan_pairs(before, frozen=5, people=swap_people(crowd(20), 2, 2), rules=Rules())
    assert after.plan.rounds[:5] == before.rounds[:5]
    assert len(after.plan.rounds) == len(before.rounds)


def test_a_newcomer_takes_a_leavers_seats_so_nobody_else_moves():
    people = crowd(50)
    now = swap_people(people, 3, 3)
    result = replan_pairs(plan_pairs(people, Rules()), frozen=10, people=now, rules=Rules())
    report = verify(result.plan, now, Rules(), frozen=10)
    assert report.ok, report.problems
    assert result.churn == 0 and report.longest_walk <= 1
    newcomers = result.newcomers
    assert len(newcomers) == 3
    assert all(report.meetings_per_person[p] == 39 for p in newcomers)


def test_a_walk_in_to_an_odd_crowd_meets_whoever_sits_out_and_moves_nobody():
    people = crowd(11)
    now = [*people, Person(12)]
    result = replan_pairs(plan_pairs(people, Rules()), frozen=2, people=now, rules=Rules())
    report = verify(result.plan, now, Rules(), frozen=2)
    assert report.ok, report.problems
    assert report.meetings_per_person[12] == 9
    assert result.churn == 0


def sit_outs_after(plan, frozen: int) -> dict[int, int]:
    """Count how often each person sits out in the rounds after `frozen`."""
    counts: dict[int, int] = {}
    for rnd in plan.rounds[frozen:]:
        for pid in rnd.sitting_out:
            counts[pid] = counts.get(pid, 0) + 1
    return counts


def test_a_walk_in_to_an_even_crowd_meets_someone_new_in_every_remaining_round():
    people = crowd(12)
    now = [*people, Person(13)]
    before = plan_pairs(people, Rules())
    result = replan_pairs(before, frozen=2, people=now, rules=Rules())
    report = verify(result.plan, now, Rules(), frozen=2)
    assert report.ok and report.repeats == 0, report.problems
    assert report.meetings_per_person[13] == len(before.rounds) - 2 == 9
    assert report.longest_walk <= 1


def test_the_seat_a_walk_in_takes_costs_one_round_each_to_different_people():
    people = crowd(12)
    now = [*people, Person(13)]
    result = replan_pairs(plan_pairs(people, Rules()), frozen=2, people=now, rules=Rules())
    out = sit_outs_after(result.plan, 2)
    assert 13 not in out
    assert len(out) == 9 and set(out.values()) == {1}
    assert result.churn == 9


def test_two_walk_ins_share_out_one_table_so_nobody_sits_out():
    people = crowd(10)
    now = [*people, Person(11), Person(12)]
    before = plan_pairs(people, Rules())
    result = replan_pairs(before, frozen=2, people=now, rules=Rules())
    report = verify(result.plan, now, Rules(), frozen=2)
    assert report.ok and report.repeats == 0, report.problems
    assert report.meetings_per_person[11] == report.meetings_per_person[12] == 7
    assert sit_outs_after(result.plan, 2) == {}


def test_a_walk_in_never_takes_a_seat_facing_a_colleague():
    people = [Person(i, "Acme" if i % 2 else None) for i in range(1, 13)]
    now = [*people, Person(13, "acme ")]
    result = replan_pairs(plan_pairs(people, Rules()), frozen=2, people=now, rules=Rules())
    report = verify(result.plan, now, Rules(), frozen=2)
    assert report.ok and report.company_violations == 0, report.problems
    assert report.meetings_per_person[13] > 0


def test_a_stand_in_sits_out_where_their_leaver_would_have_and_takes_nobodys_seat():
    people = crowd(11)
    before = plan_pairs(people, Rules())
    leaver = before.rounds[6].sitting_out[0]
    now = [p for p in people if p.id != leaver] + [Person(20)]
    result = replan_pairs(before, frozen=3, people=now, rules=Rules())
    assert result.plan.rounds[6].sitting_out == (20,)
    assert result.churn == 0


def test_partners_of_a_leaver_sit_out_rather_than_repeat():
    people = crowd(10)
    now = people[1:]
    result = replan_pairs(plan_pairs(people, Rules()), frozen=3, people=now, rules=Rules())
    report = verify(result.plan, now, Rules(), frozen=3)
    assert report.ok and report.repeats == 0
    assert result.leavers == (1,)


def test_a_newcomer_of_the_same_company_as_a_partner_does_not_meet_them():
    people = [Person(1, "Acme"), *crowd(9)[1:]]
    now = [*people[:-1], Person(20, "Acme")]
    result = replan_pairs(plan_pairs(people, Rules()), frozen=1, people=now, rules=Rules())
    report = verify(result.plan, now, Rules(), frozen=1)
    assert report.ok and report.company_violations == 0


def test_a_frozen_round_outside_the_plan_is_refused():
    with pytest.raises(PlanError, match="not in the plan"):
        replan_pairs(plan_pairs(crowd(4), Rules()), frozen=9, people=crowd(4), rules=Rules())


@settings(max_examples=50, deadline=None)
@given(events(max_people=24), st.data())
def test_any_replan_keeps_played_rounds_and_breaks_no_rule(event, data):
    people, rules = event
    before = plan_pairs(people, rules)
    frozen = data.draw(st.integers(0, len(before.rounds)))
    leave = data.draw(st.integers(0, max(0, len(people) - 2)))
    arrive = data.draw(st.integers(0, 4))
    now = swap_people(people, leave, arrive, seed=data.draw(st.integers(0, 9)))
    assume(can_plan(now, rules))  # e.g. everyone left but two colleagues
    result = replan_pairs(before, frozen=frozen, people=now, rules=rules)
    assert result.plan.rounds[:frozen] == before.rounds[:frozen]
    report = verify(result.plan, now, rules, frozen=frozen)
    assert report.ok, report.problems
    assert report.company_violations == 0


def test_rounds_nobody_changes_are_shared_with_the_previous_plan_not_rebuilt():
    people = crowd(20)
    before = plan_pairs(people, Rules())
    after = replan_pairs(before, frozen=4, people=people, rules=Rules())
    assert all(new is old for new, old in zip(after.plan.rounds, before.rounds, strict=True))


def test_only_the_leavers_tables_are_rebuilt_the_others_are_shared():
    people = crowd(30)
    now = swap_people(people, 2, 2)
    before = plan_pairs(people, Rules())
    after = replan_pairs(before, frozen=3, people=now, rules=Rules())
    for old, new in zip(before.rounds[3:], after.plan.rounds[3:], strict=True):
        rebuilt = [t for t in new.tables if not any(t is o for o in old.tables)]
        assert len(rebuilt) <= 2
