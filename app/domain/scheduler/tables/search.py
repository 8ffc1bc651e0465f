"""Local search for table schedules when no design fits: greedy rounds, then tabu swaps.

The greedy start fills each round table by table with the people who have met the table least
(after Triska & Musliu, "An effective greedy heuristic for the social golfer problem", 2012);
the tabu search swaps two people seated at different tables of one round, always taking the
best swap that is not tabu (Dotú & Van Hentenryck, "Scheduling social golfers locally", 2005).
"""

from __future__ import annotations

import random

from app.domain.scheduler.tables.grid import Grid, Weights, count_person, total_cost

_SAMPLE = 24  # conflicting seats examined per step: the whole neighbourhood is too slow for 500


def greedy_round(sizes: list[int], weights: Weights, rng: random.Random) -> list[list[int]]:
    """Seat everyone once, each person at the cheapest table that still has a seat."""
    people = list(range(len(weights.met)))
    rng.shuffle(people)
    tables: list[list[int]] = [[] for _ in sizes]
    order = list(range(len(sizes)))
    for person in people:
        rng.shuffle(order)
        best, best_cost = -1, float("inf")
        for t in order:
            if len(tables[t]) < sizes[t]:
                cost = weights.join_cost(person, tables[t])
                if cost < best_cost:
                    best, best_cost = t, cost
                    if cost == 0:
                        break
        tables[best].append(person)
    return tables


def _conflicts(grid: Grid, weights: Weights, free: range) -> list[tuple[int, int, int]]:
    """List (round, table, person) for everyone whose seat costs something."""
    out = []
    base, met = weights.base, weights.met
    for r in free:
        for t, table in enumerate(grid[r]):
            for a in table:
                if any(x != a and base[a][x] + met[a][x] > 1 for x in table):
                    out.append((r, t, a))
    return out


def swap_gain(weights: Weights, a: int, ta: list[int], b: int, tb: list[int]) -> float:
    """Price swapping a (at ta) and b (at tb): positive means the schedule gets worse."""
    ba, bb, ma, mb = weights.base[a], weights.base[b], weights.met[a], weights.met[b]
    delta = 0.0
    for x in ta:
        if x != a:
            delta += bb[x] + mb[x] - ba[x] - ma[x] + 1
    for y in tb:
        if y != b:
            delta += ba[y] + ma[y] - bb[y] - mb[y] + 1
    return delta


def improve(
    grid: Grid,
    weights: Weights,
    free: range,
    rng: random.Random,
    steps: int,
    floor: float = 0.0,
) -> Grid:
    """Run tabu swaps in the free rounds; return the cheapest grid seen (weights left matching).

    The search stops early once the cost reaches `floor`, a bound no grid can beat.
    """
    cost = best_cost = total_cost(weights)
    best = [[t[:] for t in rnd] for rnd in grid]
    tabu: dict[tuple[int, int, int], int] = {}
    stale = 0
    for step in range(steps):
        if best_cost <= floor + 1e-9:
            break
        conflicts = _conflicts(grid, weights, free)
        if not conflicts:
            break
        if len(conflicts) > _SAMPLE:
            conflicts = rng.sample(conflicts, _SAMPLE)
        move = _cheapest_move(grid, weights, conflicts, tabu, step, cost - best_cost, rng)
        if move is None:
            continue
        delta, u, b, _, r, t, a = move
        apply_swap(grid[r], weights, t, a, u, b)
        tabu[(r, a, t)] = tabu[(r, b, u)] = step + rng.randint(5, 15)
        cost += delta
        stale += 1
        if cost < best_cost - 1e-9:
            best_cost, best, stale = cost, [[x[:] for x in rnd] for rnd in grid], 0
        elif stale > 400:
            cost, stale = _restart(grid, best, weights, free, rng), 0
    _restore(grid, best, weights, free)
    return grid


def _cheapest_move(
    grid: Grid,
    weights: Weights,
    conflicts: list[tuple[int, int, int]],
    tabu: dict[tuple[int, int, int], int],
    step: int,
    gap: float,
    rng: random.Random,
) -> tuple[float, int, int, float, int, int, int] | None:
    """Give the cheapest allowed swap of any conflicting seat, random ties: (delta, u, b, tie,
    r, t, a), or None."""
    moves = [
        (*move, rng.random(), r, t, a)
        for r, t, a in conflicts
        if (move := _best_swap(grid[r], weights, r, t, a, tabu, step, gap))
    ]
    return min(moves) if moves else None


def _restart(grid: Grid, best: Grid, weights: Weights, free: range, rng: random.Random) -> float:
    """Go back to the best grid, shake it loose, and give its new cost."""
    _restore(grid, best, weights, free)
    _kick(grid, weights, free, rng)
    return total_cost(weights)


def _best_swap(
    rnd: list[list[int]],
    weights: Weights,
    r: int,
    t: int,
    a: int,
    tabu: dict[tuple[int, int, int], int],
    step: int,
    gap: float,
) -> tuple[float, int, int] | None:
    """Find the cheapest non-tabu swap of a with someone at another table (aspiration allowed)."""
    best: tuple[float, int, int] | None = None
    ta = rnd[t]
    for u, tb in enumerate(rnd):
        if u == t:
            continue
        for b in tb:
            delta = swap_gain(weights, a, ta, b, tb)
            banned = tabu.get((r, a, u), -1) > step or tabu.get((r, b, t), -1) > step
            if banned and delta >= -gap - 1e-9:
                continue
            if best is None or delta < best[0]:
                best = (delta, u, b)
    return best


def apply_swap(rnd: list[list[int]], weights: Weights, t: int, a: int, u: int, b: int) -> None:
    """Swap a (table t) with b (table u) and update the meeting counts."""
    for table, p, sign in ((rnd[t], a, -1), (rnd[u], b, -1)):
        count_person(weights.met, p, table, sign)
    rnd[t][rnd[t].index(a)] = b
    rnd[u][rnd[u].index(b)] = a
    for table, p in ((rnd[t], b), (rnd[u], a)):
        count_person(weights.met, p, table, 1)


def _restore(grid: Grid, best: Grid, weights: Weights, free: range) -> None:
    """Put the best grid back in place and recount its meetings."""
    for r in free:
        weights.seat(grid[r], -1)
        grid[r] = [t[:] for t in best[r]]
        weights.seat(grid[r], 1)


def _kick(grid: Grid, weights: Weights, free: range, rng: random.Random) -> None:
    """Shake the search loose with a few random swaps."""
    for _ in range(3):
        rnd = grid[rng.choice(free)]
        t, u = rng.sample(range(len(rnd)), 2)
        apply_swap(rnd, weights, t, rng.choice(rnd[t]), u, rng.choice(rnd[u]))
