"""Plan 1:1 rounds by what meetings are worth, when the rules give pair values.

Runs in `plan_pairs` when `Rules.values` or `Rules.must` is not empty (with neither, plans are
exactly the plain ones). With fewer rounds than a full plan needs (`limited`):

1. choose: at most R meetings per person, the most value fairly shared (`choose.py`, where
   the fairness rule is stated), pinned pairs first; then time left spare given to valuable
   meetings (`spare.py`) and meetings priced below their people's time traded along chains
   (`alternate.py`), neither letting anyone's share fall below the fairness floor;
2. split: those meetings coloured into R rounds, the most valuable first (`colour.py`);
3. fill: every round grown to a maximum matching with pairs nobody meets in another round
   (the most valuable, then new before club mates), so nobody sits out needlessly — people
   with no valuable partner still meet someone every round;
4. exchange: partners swapped within rounds while it raises the weighted total
   (`exchange.py`); a few tries with the order shaken, the best kept;
5. order: the most valuable meetings moved to the earliest rounds (Kempe swaps between two
   rounds; then round 1 remade as the heaviest matching of the plan's own meetings, if the
   rest still fit the other rounds: `first_round.py`), rounds sorted by value, and tables
   numbered so people stay near where they sat.

With enough rounds for every pair (`by_value`), all pairs are kept and the rounds of the plain
plan are put in order of value, so an evening cut short loses the least.
"""

from __future__ import annotations

import random

from app.domain.scheduler.constraints import HISTORY, Constraints
from app.domain.scheduler.pairs.alternate import alternate
from app.domain.scheduler.pairs.blossom import augment
from app.domain.scheduler.pairs.choose import choose
from app.domain.scheduler.pairs.colour import split
from app.domain.scheduler.pairs.exchange import exchange
from app.domain.scheduler.pairs.first_round import heaviest_first
from app.domain.scheduler.pairs.matching import take_in_order
from app.domain.scheduler.pairs.seating import Seating
from app.domain.scheduler.pairs.spare import use_spare_time
from app.domain.scheduler.pairs.worth import FORBIDDEN, Worth

Meetings = list[tuple[int, int]]
MAX_TRIES = 8
TRY_WORK = 150_000  # people² × rounds × tries: 8 tries for 60 people × 5 rounds, 1 from 200 × 12


def limited(
    constraints: Constraints, worth: Worth, rounds: int, rng: random.Random
) -> list[Seating]:
    """Plan `rounds` rounds worth the most, fairly: a few tries, the best one ordered and seated.

    The first try takes the meetings in order of gain; the others shake that order a little
    (`choose.JITTER`), as many as `TRY_WORK` allows: several for 60 people, one for 500.
    """
    tries = max(1, min(MAX_TRIES, TRY_WORK // (worth.n * worth.n * rounds)))
    best, best_score = None, None
    for attempt in range(tries):
        planned, score = _attempt(worth, rounds, rng if attempt else None)
        if best_score is None or score > best_score:
            best, best_score = planned, score
    assert best is not None
    best = _most_valuable_first(best, worth)
    best = _most_valuable_first(heaviest_first(best, worth, rng), worth)
    best.sort(key=lambda held: -worth.held(held))
    return _seat(best, constraints.ids)


def _most_valuable_first(planned: list[Meetings], worth: Worth) -> list[Meetings]:
    """Move the most valuable meetings to the earliest rounds, keeping every meeting.

    Two rounds' meetings together form paths and cycles that alternate between them; a
    component may swap rounds as a whole and both stay valid. Round by round, each later
    round gives the earlier one every component worth more there (a Kempe swap).
    """
    for r in range(len(planned)):
        for c in range(r + 1, len(planned)):
            planned[r], planned[c] = _swap_better(planned[r], planned[c], worth)
    return planned


def _swap_better(first: Meetings, later: Meetings, worth: Worth) -> tuple[Meetings, Meetings]:
    """Give the two rounds back with each component held where it is worth more, first first."""
    mates: dict[int, list[tuple[int, int, int]]] = {}
    for side, held in ((0, first), (1, later)):
        for i, j in held:
            mates.setdefault(i, []).append((side, i, j))
            mates.setdefault(j, []).append((side, i, j))
    seen: set[int] = set()
    out: tuple[Meetings, Meetings] = ([], [])
    for start in mates:
        if start in seen:
            continue
        edges = _component(start, mates, seen)
        here = sum(worth.ranked(i, j) for side, i, j in edges if side == 0)
        there = sum(worth.ranked(i, j) for side, i, j in edges if side == 1)
        flip = there > here
        for side, i, j in edges:
            out[side ^ flip].append((i, j))
    return out


def _component(start: int, mates: dict, seen: set[int]) -> set[tuple[int, int, int]]:
    """Collect the meetings of the path or cycle through `start`."""
    edges: set[tuple[int, int, int]] = set()
    stack = [start]
    seen.add(start)
    while stack:
        v = stack.pop()
        for edge in mates[v]:
            edges.add(edge)
            for p in edge[1:]:
                if p not in seen:
                    seen.add(p)
                    stack.append(p)
    return edges


def _attempt(worth: Worth, rounds: int, rng: random.Random | None) -> tuple[list[Meetings], float]:
    """Choose, split, fill and exchange once; give the rounds and their weighted total."""
    choice = choose(worth, rounds, rng)
    use_spare_time(choice)
    alternate(choice)
    chosen = choice.meetings()
    chosen.sort(key=lambda m: -worth.ranked(*m))
    planned = split(chosen, worth.n, rounds)
    met = {worth.key(i, j) for held in planned for i, j in held}
    for held in planned:
        _fill(held, worth, met)
    planned = exchange(planned, choice)
    return planned, choice.objective()


def by_value(seatings: list[Seating], constraints: Constraints, worth: Worth) -> list[Seating]:
    """Put a plan's rounds in order of value, the most valuable first (stable on ties)."""
    at = {pid: i for i, pid in enumerate(constraints.ids)}

    def round_worth(seating: Seating) -> float:
        return worth.held([(at[a], at[b]) for _, a, b in seating])

    return sorted(seatings, key=lambda s: -round_worth(s))


def _fill(held: Meetings, worth: Worth, met: set[int]) -> None:
    """Grow one round to a maximum matching of allowed pairs met in no other round.

    A chosen meeting an augmenting path gives up is free to be held in a later round.
    """
    n = worth.n
    mate = [-1] * n
    for i, j in held:
        mate[i], mate[j] = j, i
    free = [v for v in range(n) if mate[v] < 0]
    for i, j in _best_free_pairs(free, worth, met):
        mate[i], mate[j] = j, i
    _grow(mate, worth, met)
    before = set(held)
    held[:] = [(v, mate[v]) for v in range(n) if v < mate[v]]
    met.difference_update(worth.key(i, j) for i, j in before.difference(held))
    met.update(worth.key(i, j) for i, j in held)


def _best_free_pairs(free: list[int], worth: Worth, met: set[int]) -> Meetings:
    """Pair free people greedily: the most valuable pairs first, new before club mates."""
    options = []
    for k, i in enumerate(free):
        for j in free[k + 1 :]:
            tier = worth.tier(i, j)
            if FORBIDDEN < tier < HISTORY and worth.key(i, j) not in met:
                options.append((tier, -worth.of(i, j), i, j))
    return take_in_order(options)


def _grow(mate: list[int], worth: Worth, met: set[int]) -> None:
    """Augment from each free person along new pairs until the round is a maximum matching."""
    n = worth.n

    def neighbours(v: int) -> list[int]:
        return [
            u
            for u in range(n)
            if u != v and FORBIDDEN < worth.tier(v, u) < HISTORY and worth.key(v, u) not in met
        ]

    free = [v for v in range(n) if mate[v] < 0]
    left = len(free)
    for v in free:
        if left < 2:
            break
        if mate[v] < 0:
            left -= 2 if augment(v, mate, neighbours) else 1


def _seat(planned: list[Meetings], ids: list[int]) -> list[Seating]:
    """Number tables along the row, each pair near where its two people last sat; by id."""
    where = [v // 2 + 1 for v in range(len(ids))]
    seatings = []
    for held in planned:
        held = sorted(held, key=lambda m: (where[m[0]] + where[m[1]], m))
        seating: Seating = []
        for table, (a, b) in enumerate(held, start=1):
            where[a] = where[b] = table
            seating.append((table, ids[a], ids[b]))
        seatings.append(seating)
    return seatings
