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
so a gain popped from the heap is recomputed and taken if still the best. Each gain is counted
net of the price of the two people's time: each one's y in the dual of the b-matching LP
(`check/bound.py`), what one of their meetings is worth at the best R meetings each, so a pair
worth less than what its two people could have instead waits. The price replaced the value of
each one's next-best partner, which overprices the time of people many want: on the benchmark
(`bench/matchmaking.py`) the greedy then stranded more people with time left and no partner
who had any, and its total fell further behind the per-round matching's.
"""

from __future__ import annotations

import random
from heapq import heapify, heappop, heappush

from app.domain.scheduler.check.bound import slot_prices
from app.domain.scheduler.pairs.worth import Worth

POWER = 0.5
JITTER = 0.1
CANDIDATES = 3  # candidates per person, per meeting they have time for
_EPSILON = 1e-12

Meetings = list[tuple[int, int]]


class Choice:
    """Meetings chosen so far: each person's partners (with their values) and total value."""

    def __init__(self, worth: Worth, meetings: int) -> None:
        self.worth = worth
        self.cap = meetings
        self.bound = worth.bounds(meetings)
        self.got = [0.0] * worth.n
        self.partners: list[dict[int, float]] = [{} for _ in range(worth.n)]
        self.candidates: list[tuple[int, int, float]] = []  # best pairs, as (i, j, value)
        self.prices = _prices(worth, meetings)

    def room(self, i: int, j: int) -> bool:
        """Tell whether both people still have time for another meeting."""
        cap, partners = self.cap, self.partners
        return len(partners[i]) < cap and len(partners[j]) < cap

    def take(self, i: int, j: int) -> None:
        """Hold one meeting."""
        value = self.worth.of(i, j)
        self.partners[i][j] = self.partners[j][i] = value
        self.got[i] += value
        self.got[j] += value

    def meetings(self) -> Meetings:
        """List the meetings held, each once (i < j)."""
        return [(i, j) for i, held in enumerate(self.partners) for j in held if i < j]

    def objective(self) -> float:
        """Give the fairness-weighted total of the meetings held (see the module's rule)."""
        pairs = zip(self.bound, self.got, strict=True)
        return sum(b * (max(0.0, g) / b) ** POWER for b, g in pairs if b > 0)

    def floor(self) -> float:
        """Give the tenth percentile of shares (value got over own bound): the fairness floor."""
        shares = sorted(g / b for g, b in zip(self.got, self.bound, strict=True) if b > 0)
        return shares[len(shares) // 10] if shares else 0.0

    def keeps_floor(self, change: dict[int, float], floor: float) -> bool:
        """Tell whether a change of values leaves nobody below the floor who was not, nor lower.

        So neither the least share nor the tenth percentile can fall.
        """
        for p, more in change.items():
            bound, got = self.bound[p], self.got[p]
            if more < 0 and bound > 0 and (got + more) / bound < min(floor, got / bound) - _EPSILON:
                return False
        return True

    def gain(self, i: int, j: int, value: float) -> float:
        """Give what a meeting adds to the fairness-weighted total."""
        return self.more(i, value) + self.more(j, value)

    def more(self, p: int, value: float) -> float:
        """Give what `value` more (or less, when negative) adds to one person's return."""
        bound, got = self.bound[p], self.got[p]
        if bound <= 0:
            return 0.0
        after = max(0.0, got + value) / bound
        return bound * (after**POWER - max(0.0, got / bound) ** POWER)


def choose(worth: Worth, meetings: int, rng: random.Random | None = None) -> Choice:
    """Choose up to `meetings` meetings per person: pinned pairs, then the best gains.

    With `rng`, each value is shaken by up to ±JITTER in the order of choice (not in what
    it is worth), so tries differ.
    """
    choice = Choice(worth, meetings)
    for i, j in worth.must:
        if choice.room(i, j) and j not in choice.partners[i]:
            choice.take(i, j)
    candidates = choice.candidates = _candidates(worth, meetings * CANDIDATES)
    price = choice.prices
    shaken = [(i, j, _shake(value, rng)) for i, j, value in candidates]
    heap = [
        (-choice.gain(i, j, value) + price[i] + price[j], i, j, value)
        for i, j, value in shaken
        if j not in choice.partners[i]
    ]
    heapify(heap)
    while heap:
        _, i, j, value = heappop(heap)
        if not choice.room(i, j):
            continue
        gain = choice.gain(i, j, value) - price[i] - price[j]
        if heap and gain < -heap[0][0] - _EPSILON:
            heappush(heap, (-gain, i, j, value))
            continue
        choice.take(i, j)
    return choice


def _shake(value: float, rng: random.Random | None) -> float:
    """Shake a value by up to ±JITTER of itself (not at all without `rng`)."""
    return value * (1 + JITTER * (2 * rng.random() - 1)) if rng is not None else value


def _prices(worth: Worth, meetings: int) -> list[float]:
    """Price each person's time (see the module), zero for all when no pair has a value."""
    n = worth.n
    pairs = [(key // n, key % n, value) for key, value in worth.value.items()]
    return slot_prices(pairs, n, meetings)


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
