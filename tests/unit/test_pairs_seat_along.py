"""Rounds put in a new order are seated along where their people sat: the least walking."""

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.scheduler.pairs.walks import seat_along


def longer_walks(seating, last: dict[int, int]) -> int:
    """Sum over meetings of the longer of the two walks to them."""
    return sum(max(abs(t - last[a]), abs(t - last[b])) for t, a, b in seating)


def rounds_of(people: int, count: int, seed: int) -> list[list[tuple[int, int, int]]]:
    rng = random.Random(seed)
    ids = list(range(1, people + 1))
    seatings = []
    for _ in range(count):
        rng.shuffle(ids)
        pairs = list(zip(ids[::2], ids[1::2], strict=False))
        seatings.append([(t, a, b) for t, (a, b) in enumerate(pairs, start=1)])
    return seatings


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 5).map(lambda k: 2 * k), st.integers(1, 5), st.integers(0, 9999))
def test_who_meets_whom_and_when_is_kept_and_each_round_walks_the_least(
    people: int, count: int, seed: int
) -> None:
    seatings = rounds_of(people, count, seed)
    before = [sorted((a, b) for _, a, b in s) for s in seatings]
    after = seat_along([list(s) for s in seatings])
    assert [sorted((a, b) for _, a, b in s) for s in after] == before
    assert after[0] == seatings[0]
    for r in range(1, len(after)):
        last = {p: t for t, a, b in after[r - 1] for p in (a, b)}
        tables = [t for t, _, _ in after[r]]
        pairs = [(a, b) for _, a, b in after[r]]
        best = min(
            longer_walks([(t, a, b) for t, (a, b) in zip(order, pairs, strict=True)], last)
            for order in itertools.permutations(tables)
        )
        assert longer_walks(after[r], last) == best
