"""The pairs scheduler: everyone meets every allowed partner once, fairly, close by."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.model import Person, PlanError, Rules, pair
from app.domain.scheduler import plan_pairs, verify
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs import lower_bound
from tests.unit.scheduler_cases import EXAMPLE_COMPANIES, companies, crowd, events


def test_fifty_people_meet_everyone_in_49_rounds_moving_one_table_at_most():
    people = crowd(50)
    report = verify(plan_pairs(people, Rules()), people, Rules())
    assert report.ok, report.problems
    assert (report.rounds, report.pairs_covered, report.repeats) == (49, 1225, 0)
    assert report.longest_walk == 1


@pytest.mark.parametrize("n", [3, 5, 49, 51])
def test_with_an_odd_number_everyone_sits_out_exactly_once(n):
    people = crowd(n)
    plan = plan_pairs(people, Rules())
    report = verify(plan, people, Rules())
    assert report.ok and report.rounds == n and report.longest_walk <= 1
    assert set(report.sit_outs.values()) == {1}
    assert all(len(r.sitting_out) == 1 for r in plan.rounds)


def test_tables_are_numbered_from_one_along_the_row():
    plan = plan_pairs(crowd(10), Rules())
    assert all(sorted(t.number for t in r.tables) == [1, 2, 3, 4, 5] for r in plan.rounds)


@pytest.mark.parametrize("clubs", [0, 4])
def test_the_company_example_needs_only_delta_or_delta_plus_one_rounds(clubs):
    people = companies(EXAMPLE_COMPANIES, 50, clubs=clubs)
    rules = Rules(avoid_same_club=bool(clubs))
    report = verify(plan_pairs(people, rules), people, rules)
    delta = Constraints(people, rules).max_degree()
    assert report.ok and report.company_violations == 0
    assert report.pairs_covered == report.pairs_possible
    assert delta <= report.rounds <= delta + 1


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("clubs", [0, 4])
def test_with_companies_nobody_walks_more_than_two_tables(clubs, seed):
    people = companies(EXAMPLE_COMPANIES, 50, clubs=clubs, seed=seed)
    rules = Rules(avoid_same_club=bool(clubs))
    report = verify(plan_pairs(people, rules, seed=seed), people, rules)
    assert report.ok and report.longest_walk <= 2


def test_club_mates_meet_late_rather_than_early():
    people = companies((), 20, clubs=2)
    rules = Rules(avoid_same_club=True)
    plan = plan_pairs(people, rules)
    club = {p.id: p.club for p in people}
    late = [sum(club[t.seats[0]] == club[t.seats[1]] for t in r.tables) for r in plan.rounds]
    half = len(late) // 2
    assert sum(late[half:]) >= sum(late[:half])


def test_limited_rounds_give_everyone_the_same_number_of_new_meetings():
    people = crowd(50)
    report = verify(plan_pairs(people, Rules(), rounds=12), people, Rules())
    assert report.ok and report.rounds == 12
    assert report.meetings_min == report.meetings_max == 12


def test_limited_rounds_prefer_wished_pairs():
    people = crowd(20)
    wishes = {pair(1, b): 5.0 for b in range(2, 20)}
    plan = plan_pairs(people, Rules(wishes=wishes), rounds=3)
    met = set(plan.meetings())
    plain = set(plan_pairs(people, Rules(), rounds=3).meetings())
    assert len(met & wishes.keys()) >= len(plain & wishes.keys())


def test_limited_rounds_never_repeat_a_past_meeting():
    people = crowd(12)
    history = frozenset(pair(a, a + 1) for a in range(1, 12))
    rules = Rules(history=history)
    plan = plan_pairs(people, rules, rounds=4)
    assert not set(plan.meetings()) & history
    assert verify(plan, people, rules).ok


def test_the_same_seed_gives_the_same_plan_and_others_may_differ():
    people = companies((4, 3), 16, clubs=3)
    rules = Rules(avoid_same_club=True)
    assert plan_pairs(people, rules, seed=7) == plan_pairs(people, rules, seed=7)


def test_more_rounds_than_needed_adds_no_repeats():
    report = verify(plan_pairs(crowd(6), Rules(), rounds=9), crowd(6), Rules())
    assert report.rounds == 5 and report.repeats == 0


@pytest.mark.parametrize(
    ("people", "message"),
    [
        ([Person(1)], "at least two people"),
        ([Person(1, "Acme"), Person(2, "ACME ")], "same company"),
        ([Person(1), Person(1)], "more than once"),
    ],
)
def test_impossible_requests_are_refused_in_words_a_host_understands(people, message):
    with pytest.raises(PlanError, match=message):
        plan_pairs(people, Rules())


def test_zero_rounds_are_refused():
    with pytest.raises(PlanError, match="at least one round"):
        plan_pairs(crowd(4), Rules(), rounds=0)


@settings(max_examples=60, deadline=None)
@given(events(), st.integers(0, 3))
def test_any_full_plan_is_valid_complete_and_near_the_lower_bound(event, seed):
    people, rules = event
    report = verify(plan_pairs(people, rules, seed=seed), people, rules)
    assert report.ok, report.problems
    assert report.repeats == 0 and report.company_violations == 0
    assert report.pairs_covered == report.pairs_possible
    assert report.rounds <= lower_bound(Constraints(people, rules)) + 1


@settings(max_examples=60, deadline=None)
@given(events(), st.integers(1, 8))
def test_any_limited_plan_is_valid_and_fair(event, rounds):
    people, rules = event
    report = verify(plan_pairs(people, rules, rounds=rounds), people, rules)
    assert report.ok, report.problems
    assert report.repeats == 0 and report.rounds <= rounds
    if not any(p.company for p in people) and not rules.history and not rules.avoid_same_club:
        assert report.meetings_max - report.meetings_min <= 1
        assert report.sit_out_spread <= 1
