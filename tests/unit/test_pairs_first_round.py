"""Round 1 becomes the heaviest round the plan's own meetings form, with every meeting kept."""

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.model import Person, Rules, pair
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.first_round import exact_matching, heaviest_first, heavy_matching
from app.domain.scheduler.pairs.worth import Worth


def worth_of(people: int, values: dict) -> Worth:
    rules = Rules(values=values)
    return Worth(Constraints([Person(i) for i in range(1, people + 1)], rules), rules)


def meetings_of(planned: list) -> list:
    return sorted((min(m), max(m)) for held in planned for m in held)


def test_valuable_meetings_held_in_rounds_no_kempe_swap_joins_are_brought_into_round_1() -> None:
    # Everyone meets everyone (the circle method for 6); the three valuable meetings sit in
    # three different rounds, whose two-round alternating cycles would carry others along.
    worth = worth_of(6, {pair(1, 2): 5.0, pair(3, 4): 5.0, pair(5, 6): 5.0})
    planned = [
        [(0, 5), (1, 4), (2, 3)],
        [(1, 5), (0, 2), (3, 4)],
        [(2, 5), (1, 3), (0, 4)],
        [(3, 5), (2, 4), (0, 1)],
        [(4, 5), (0, 3), (1, 2)],
    ]
    result = heaviest_first(planned, worth, random.Random(1))
    assert {(0, 1), (2, 3), (4, 5)} == set(result[0])
    assert meetings_of(result) == meetings_of(planned)


def test_a_plan_whose_round_1_is_already_the_heaviest_is_given_back() -> None:
    worth = worth_of(4, {pair(1, 2): 5.0, pair(3, 4): 4.0})
    planned = [[(0, 1), (2, 3)], [(0, 2), (1, 3)], [(0, 3), (1, 2)]]
    assert heaviest_first(planned, worth, random.Random(1)) is planned


def test_the_matching_only_uses_the_plans_meetings_and_swaps_partners_for_more() -> None:
    worth = worth_of(4, {pair(1, 3): 3.0, pair(2, 4): 3.0, pair(1, 2): 4.0})
    matched = heavy_matching([(0, 1), (0, 2), (1, 3), (2, 3)], worth)  # greedy takes 1-2 first
    assert sorted(matched) == [(0, 2), (1, 3)]  # 3 + 3 beats 4 + 0


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 7).map(lambda k: 2 * k), st.integers(2, 5), st.integers(0, 10_000))
def test_every_meeting_is_kept_each_round_a_matching_and_round_1_no_lighter(
    people: int, rounds: int, seed: int
) -> None:
    rng = random.Random(seed)
    values = {
        pair(a, b): rng.choice((0.2, 1.0, 3.0))
        for a in range(1, people + 1)
        for b in range(a + 1, people + 1)
        if rng.random() < 0.5
    }
    worth = worth_of(people, values)
    order, planned, seen = list(range(people)), [], set()
    for _ in range(rounds):
        rng.shuffle(order)
        held = [(min(a, b), max(a, b)) for a, b in zip(order[::2], order[1::2], strict=True)]
        held = [m for m in held if m not in seen]
        seen.update(held)
        planned.append(held)
    result = heaviest_first(planned, worth, random.Random(seed))
    assert len(result) == rounds
    assert meetings_of(result) == meetings_of(planned)
    for held in result:
        sitting = [p for m in held for p in m]
        assert len(sitting) == len(set(sitting))
    assert worth.held(result[0]) >= max(map(worth.held, planned)) or result is planned


def best_by_brute_force(meetings: list, worth: Worth) -> tuple[int, float]:
    """Give the most pairs any matching of these meetings holds, and the most value among those."""
    best = (0, 0.0)
    for size in range(1, len(meetings) + 1):
        for chosen in itertools.combinations(meetings, size):
            people = [p for m in chosen for p in m]
            if len(people) == len(set(people)):
                best = max(best, (size, round(worth.held(list(chosen)), 9)))
    return best


@settings(max_examples=80, deadline=None)
@given(st.integers(2, 7), st.integers(0, 10_000))
def test_the_exact_matching_is_the_largest_then_heaviest_and_never_lighter_than_greedy(
    people: int, seed: int
) -> None:
    rng = random.Random(seed)
    meetings = [(a, b) for a in range(people) for b in range(a + 1, people) if rng.random() < 0.5][
        :10
    ]
    values = {pair(a + 1, b + 1): rng.choice((0.0, 0.2, 1.0, 3.0)) for a, b in meetings}
    worth = worth_of(people, values)
    exact = exact_matching(meetings, worth)
    assert set(exact) <= set(meetings)
    assert (len(exact), round(worth.held(exact), 9)) == best_by_brute_force(meetings, worth)
    greedy = heavy_matching(meetings, worth)
    assert len(greedy) == len(exact)
    assert worth.held(greedy) <= worth.held(exact) + 1e-9
