"""Seat a design's points with people so that colleagues, club-mates and old pairs stay apart.

Relabelling the points of a repeat-free design keeps it repeat-free, so the only freedom we use
is which person sits on which point: colleagues go to points that never meet (greedily, largest
company first), then tabu swaps of two people's points lower whatever cost is left.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from app.domain.scheduler.tables.grid import Weights

Rounds = Sequence[Sequence[Sequence[int]]]

CLIQUE_NODES = 20_000  # search nodes before room_for gives up and answers "maybe"


def neighbours(rounds: Rounds, n: int) -> list[list[int]]:
    """List, for every point, the points it meets (once per meeting)."""
    out: list[list[int]] = [[] for _ in range(n)]
    for rnd in rounds:
        for table in rnd:
            for p in table:
                out[p].extend(q for q in table if q != p)
    return out


def room_for(rounds: Rounds, n: int, size: int, budget: int = CLIQUE_NODES) -> bool:
    """Tell whether `size` points might never meet in these rounds (False only when proven).

    Colleagues need such points; without them relabelling cannot separate a company, so the
    caller tries a shorter design prefix at once. Depth-first over the pairs that never meet.
    """
    if size < 2:
        return True
    near = neighbours(rounds, n)
    apart = [set(range(n)) - set(near[p]) - {p} for p in range(n)]
    left = [budget]

    def grow(cands: set[int], need: int) -> bool:
        if need == 0:
            return True
        left[0] -= 1
        if left[0] < 0:
            return True  # undecided: let the relabelling try
        for p in sorted(cands):
            if len(cands) < need:
                return False
            cands = cands - {p}
            if grow(cands & apart[p], need - 1):
                return True
        return False

    return grow(set(range(n)), size)


def relabel(
    rounds: Rounds, weights: Weights, groups: list[list[int]], rng: random.Random, steps: int
) -> list[int]:
    """Map points to people (result[point] = person) at the lowest meeting cost found.

    `groups` are the people who must not meet (companies, largest first).
    """
    n = len(weights.met)
    near = neighbours(rounds, n)
    label = _seat_groups(near, groups, n, rng)
    cost = [[weights.base[a][b] + weights.met[a][b] for b in range(n)] for a in range(n)]
    tabu: dict[int, int] = {}
    for step in range(steps):
        hot = [p for p in range(n) if any(cost[label[p]][label[q]] > 0 for q in near[p])]
        if not hot:
            break
        p = rng.choice(hot)
        moves = [
            (_swap_delta(near, label, cost, p, q), rng.random(), q)
            for q in range(n)
            if q != p and tabu.get(q, -1) < step
        ]
        if not moves:
            continue  # everyone else is tabu this step (a handful of people)
        delta, _, q = min(moves)
        if delta > 0 and rng.random() < 0.5:
            continue
        label[p], label[q] = label[q], label[p]
        tabu[p] = tabu[q] = step + rng.randint(3, 8)
    return label


def _swap_delta(near: list[list[int]], label: list[int], cost, p: int, q: int) -> float:
    """Price exchanging the people on points p and q."""
    a, b = label[p], label[q]
    delta = 0.0
    for x in near[p]:
        if x != q:
            delta += cost[b][label[x]] - cost[a][label[x]]
    for y in near[q]:
        if y != p:
            delta += cost[a][label[y]] - cost[b][label[y]]
    return delta


def _seat_groups(
    near: list[list[int]], groups: list[list[int]], n: int, rng: random.Random
) -> list[int]:
    """Give each group a set of points that never meet where one can be found, others at random."""
    free = list(range(n))
    rng.shuffle(free)
    label = [-1] * n
    placed: set[int] = set()
    for group in groups:
        chosen: list[int] = []
        banned: set[int] = set()
        for p in free:
            if len(chosen) == len(group):
                break
            if label[p] < 0 and p not in banned:
                chosen.append(p)
                banned.update(near[p])
        for p, person in zip(chosen, group, strict=False):
            label[p] = person
            placed.add(person)
    rest = [person for person in range(n) if person not in placed]
    rng.shuffle(rest)
    for p in range(n):
        if label[p] < 0:
            label[p] = rest.pop()
    return label
