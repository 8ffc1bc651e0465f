"""The pairs scheduler: everyone meets every allowed partner once, fairly, close by."""

import networkx as nx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.domain.model import Person, PlanError, Rules, pair
from app.domain.scheduler import verify
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.plan import lower_bound, plan_pairs
from app.domain.scheduler.pairs.unmet import Unmet
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


@pytest.mark.parametrize(("n", "rounds"), [(8, 3), (10, 4), (50, 12)])
def test_the_next_edition_seats_everyone_with_someone_new_every_round(n, rounds):
    people = crowd(n)
    history = frozenset(plan_pairs(people, Rules(), rounds=rounds).meetings())
    assert len(history) == rounds * n // 2
    rules = Rules(history=history)
    plan = plan_pairs(people, rules, rounds=rounds, seed=n)
    report = verify(plan, people, rules)
    assert report.ok, report.problems
    assert report.rounds == rounds and report.history_repeats == report.repeats == 0
    assert all(len(r.tables) == n // 2 and not r.sitting_out for r in plan.rounds)
    assert report.meetings_min == report.meetings_max == rounds


def test_the_next_edition_without_a_limit_meets_new_pairs_before_old_ones():
    people = crowd(8)
    history = frozenset(plan_pairs(people, Rules(), rounds=3).meetings())
    rules = Rules(history=history)
    plan = plan_pairs(people, rules)
    report = verify(plan, people, rules)
    assert report.ok and report.pairs_covered == 28 and report.rounds == 7
    old = [sum(frozenset(t.seats) in history for t in r.tables) for r in plan.rounds]
    assert old == [0, 0, 0, 0, 4, 4, 4]


def test_the_next_edition_ignores_the_history_of_people_not_present():
    people = crowd(6)
    rules = Rules(history=frozenset({pair(1, 7), pair(8, 9)}))
    assert plan_pairs(people, rules, rounds=3) == plan_pairs(people, Rules(), rounds=3)


def _new_pairs_left(people, rules, plan, before):
    """The allowed pairs not met before (earlier edition) nor in the first `before` rounds."""
    constraints = Constraints(people, rules)
    met = {frozenset(t.seats) for r in plan.rounds[:before] for t in r.tables}
    ids = [p.id for p in people]
    return [
        (a, b)
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if not constraints.forbidden(a, b)
        and pair(a, b) not in rules.history
        and pair(a, b) not in met
    ]


@settings(max_examples=80, deadline=None)
@given(events(max_people=16), st.integers(1, 12), st.integers(0, 3))
def test_with_history_every_round_holds_as_many_new_meetings_as_any_round_could(
    event, rounds, seed
):
    """Limited plans only: a full plan the greedy rounds make longer than Δ + 1 (one in fifty
    or so) falls back to the circle method, which mixes old pairs in from the start."""
    people, rules = event
    history = rules.history or frozenset({pair(people[0].id, people[-1].id)})
    rules = Rules(rules.avoid_same_club, history)
    assume(Unmet(Constraints(people, rules)).has_old())  # else the circle method plans
    plan = plan_pairs(people, rules, rounds=rounds, seed=seed)
    report = verify(plan, people, rules)
    assert report.ok, report.problems
    assert report.repeats == report.company_violations == 0
    for r, rnd in enumerate(plan.rounds):
        graph = nx.Graph(_new_pairs_left(people, rules, plan, r))
        most = len(nx.max_weight_matching(graph, maxcardinality=True))
        new = sum(frozenset(t.seats) not in rules.history for t in rnd.tables)
        assert new == most, f"round {r + 1}: {new} new meetings, {most} possible"
        old = len(rnd.tables) - new
        if old:  # someone met again: the new pairs have all met by the end
            assert not _new_pairs_left(people, rules, plan, len(plan.rounds))
