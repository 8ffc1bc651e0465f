"""Choose who meets whom when each person has time for only R meetings: the most value, fairly.

The fairness rule. Let V_p be the value of p's meetings and B_p p's own bound, the value of
their R best partners. The choice maximises

    sum over people p of  B_p · (V_p / B_p) ** POWER,   POWER = 0.5,

a per-person diminishing return: the same meeting counts more for someone who has little of
what they could get than for someone who already has most of it, so nobody is left with only
worthless meetings while others get all the good ones. With POWER = 1 it would be the plain
total value. Pinned pairs (`Rules.must`) are taken first, before any value.

The search is a greedy degree-R selection (a b-matching) on each person's best candidates,
lazy as in Minoux's accelerated greedy: a meeting's gain can only fall as its two people gain,
so a gain popped from the heap is recomputed and taken if still the best.
"""

from __future__ import annotations

from heapq import heapify, heappop, heappush

from app.domain.scheduler.pairs.worth import Worth

POWER = 0.5
CANDIDATES = 3  # candidates per person, per meeting they have time for
_EPSILON = 1e-12

Meetings = list[tuple[int, int]]


class Choice:
    """Meetings chosen so far, each person's count and value."""

    def __init__(self, worth: Worth, meetings: int) -> None:
        self.worth = worth
        self.cap = meetings
        self.bound = worth.bounds(meetings)
        self.got = [0.0] * worth.n
        self.count = [0] * worth.n
        self.chosen: Meetings = []

    def room(self, i: int, j: int) -> bool:
        """Tell whether both people still have time for another meeting."""
        return self.count[i] < self.cap and self.count[j] < self.cap

    def take(self, i: int, j: int) -> None:
        """Hold one meeting."""
        value = self.worth.of(i, j)
        for p in (i, j):
            self.count[p] += 1
            self.got[p] += value
        self.chosen.append((i, j))

    def gain(self, i: int, j: int, value: float) -> float:
        """Give what a meeting adds to the fairness-weighted total."""
        return self._more(i, value) + self._more(j, value)

    def _more(self, p: int, value: float) -> float:
        """Give what `value` more adds to one person's diminishing return."""
        bound, got = self.bound[p], self.got[p]
        if bound <= 0:
            return 0.0
        return bound * (((got + value) / bound) ** POWER - (got / bound) ** POWER)


def choose(worth: Worth, meetings: int) -> Meetings:
    """Choose up to `meetings` meetings per person: pinned pairs, then the best gains."""
    choice = Choice(worth, meetings)
    for i, j in worth.must:
        if choice.room(i, j) and (i, j) not in choice.chosen:
            choice.take(i, j)
    pinned = set(choice.chosen)
    heap = [
        (-choice.gain(i, j, value), i, j, value)
        for i, j, value in _candidates(worth, meetings * CANDIDATES)
        if (i, j) not in pinned
    ]
    heapify(heap)
    while heap:
        _, i, j, value = heappop(heap)
        if not choice.room(i, j):
            continue
        gain = choice.gain(i, j, value)
        if heap and gain < -heap[0][0] - _EPSILON:
            heappush(heap, (-gain, i, j, value))
            continue
        choice.take(i, j)
    return choice.chosen


def _candidates(worth: Worth, count: int) -> list[tuple[int, int, float]]:
    """List each person's `count` best partners as pairs (i < j), each pair once."""
    seen: set[int] = set()
    pairs = []
    for i, best in enumerate(worth.best(count)):
        for value, j in best:
            key = worth.key(i, j)
            if key not in seen:
                seen.add(key)
                pairs.append((min(i, j), max(i, j), value))
    return pairs
