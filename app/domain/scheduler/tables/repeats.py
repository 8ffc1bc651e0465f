"""Tabu search that minimises repeated meetings over every round of a pure table schedule.

A pure schedule prices nothing but repeats: a pair met m times costs max(0, m - 1). The search
swaps two people seated at different tables of one round, taking the best non-tabu swap that
involves someone who meets a table-mate again (Dotú & Van Hentenryck, "Scheduling social golfers
locally", 2005). Meetings are kept in a flat n * n count list; one step looks at one round and
prices all its swaps from per-person table counts, so a swap costs O(1) after O(n * size) set-up.
"""

from __future__ import annotations

import random

from app.domain.scheduler.tables.grid import Grid, count_round

STEPS = 8_000  # tabu steps in all (the domain has no clock: the budget is counted in steps)
STALE = 2_000  # steps without a new best before the search restarts from the best with a kick
KICK = 6  # random swaps in a kick
PEEK = 2  # rounds whose swaps are all priced in one step


def repeats_of(met: list[list[int]]) -> int:
    """Count the repeated meetings in a meeting-count matrix: sum of max(0, m - 1)."""
    n = len(met)
    return sum(max(0, met[a][b] - 1) for a in range(n) for b in range(a + 1, n))


def minimise_repeats(
    grid: Grid,
    met: list[list[int]],
    free: range,
    rng: random.Random,
    steps: int = STEPS,
    floor: int = 0,
) -> Grid:
    """Swap people in the free rounds to cut repeats; return the best grid, `met` updated.

    `met` must count every meeting of `grid` (and any history); it is left matching the grid
    returned. The search stops at `floor`, a bound no grid can beat, or after `steps` steps.
    """
    n = len(met)
    rounds = [r for r in free if len(grid[r]) > 1]
    if not rounds or n < 2:
        return grid
    search = _Search(grid, met)
    cost = best_cost = search.cost()
    best = [[t[:] for t in rnd] for rnd in search.tables]
    tabu: dict[tuple[int, int, int], int] = {}
    stale = 0
    for step in range(steps):
        if best_cost <= floor:
            break
        peeked = _peek(search, rounds, tabu, step, best_cost - cost, rng)
        if peeked is None:
            continue
        r, (delta, a, t, b, u) = peeked
        search.swap(r, a, t, b, u)
        cost += delta
        tabu[(r, a, t)] = step + rng.randint(4, 12)
        tabu[(r, b, u)] = step + rng.randint(4, 12)
        if cost < best_cost:
            best_cost, best, stale = cost, [[x[:] for x in rd] for rd in search.tables], 0
        else:
            stale += 1
            if stale > STALE:
                stale = 0
                _back_to(search, best, rounds)
                cost = best_cost + _kick(search, rounds, rng)
    for r in rounds:
        count_round(met, grid[r], -1)
        grid[r] = [t[:] for t in best[r]]
        count_round(met, grid[r], 1)
    return grid


def _peek(
    search: _Search,
    rounds: list[int],
    tabu: dict[tuple[int, int, int], int],
    step: int,
    gap: int,
    rng: random.Random,
) -> tuple[int, tuple[int, int, int, int, int]] | None:
    """Price every swap of a few random rounds; give (round, move) of the cheapest, or None."""
    move, mr = None, -1
    for r in rng.sample(rounds, min(PEEK, len(rounds))):
        got = search.best_move(r, tabu, step, gap, rng)
        if got is not None and (move is None or got[0] < move[0]):
            move, mr = got, r
    return None if move is None else (mr, move)


def _back_to(search: _Search, best: Grid, rounds: list[int]) -> None:
    """Swap people back to their seats in the best grid, round by round."""
    for r in rounds:
        for t, table in enumerate(best[r]):
            for p in table:
                if search.pos[r][p] != t:
                    # place p at t by swapping with someone not in best's t
                    q = next(x for x in search.tables[r][t] if x not in table)
                    search.swap(r, p, search.pos[r][p], q, t)


def _kick(search: _Search, rounds: list[int], rng: random.Random) -> int:
    """Make a few random swaps to shake the search loose; give the change in cost."""
    change = 0
    for _ in range(KICK):
        r = rounds[rng.randrange(len(rounds))]
        rnd = search.tables[r]
        t, u = rng.sample(range(len(rnd)), 2)
        a, b = rng.choice(rnd[t]), rng.choice(rnd[u])
        change += search.delta(r, a, t, b, u)
        search.swap(r, a, t, b, u)
    return change


class _Search:
    """Working state: tables and positions per round, flat meeting counts, and per round and
    person how many people of each table they know (met at least once) and how many of their
    own table they meet again (leave), kept up to date swap by swap."""

    def __init__(self, grid: Grid, met: list[list[int]]) -> None:
        n = self.n = len(met)
        self.g = g = max(len(rnd) for rnd in grid)
        self.m = m = [c for row in met for c in row]
        self.tables = [[t[:] for t in rnd] for rnd in grid]
        self.pos = [[0] * n for _ in grid]
        for r, rnd in enumerate(self.tables):
            for t, table in enumerate(rnd):
                for p in table:
                    self.pos[r][p] = t
        self.know = []
        self.leave = []
        for r in range(len(self.tables)):
            know, leave, where = [0] * (n * g), [0] * n, self.pos[r]
            for p in range(n):
                row = p * n
                for y in range(n):
                    if y != p and m[row + y] >= 1:
                        know[p * g + where[y]] += 1
                        if where[y] == where[p] and m[row + y] >= 2:
                            leave[p] += 1
            self.know.append(know)
            self.leave.append(leave)

    def cost(self) -> int:
        n, m = self.n, self.m
        return sum(max(0, m[a * n + b] - 1) for a in range(n) for b in range(a + 1, n))

    def delta(self, r: int, a: int, t: int, b: int, u: int) -> int:
        know, g = self.know[r], self.g
        d = know[a * g + u] + know[b * g + t] - self.leave[r][a] - self.leave[r][b]
        return d - (2 if self.m[a * self.n + b] else 0)

    def best_move(self, r, tabu, step, gap, rng):
        """Cheapest swap in round r moving someone who meets a table-mate again (or None)."""
        n, g, m = self.n, self.g, self.m
        know, leave, where, rnd = self.know[r], self.leave[r], self.pos[r], self.tables[r]
        move, move_delta, ties = None, 0, 0
        for a in range(n):
            la = leave[a]
            if not la:
                continue
            t, row, ka = where[a], a * n, a * g
            for u, tb in enumerate(rnd):
                if u == t:
                    continue
                base = know[ka + u] - la
                a_banned = tabu.get((r, a, u), -1) > step
                for b in tb:
                    delta = base + know[b * g + t] - leave[b] - (2 if m[row + b] else 0)
                    if move is not None and delta > move_delta:
                        continue
                    if (a_banned or tabu.get((r, b, t), -1) > step) and delta >= gap:
                        continue
                    if move is None or delta < move_delta:
                        move, move_delta, ties = (a, t, b, u), delta, 1
                    else:
                        ties += 1
                        if rng.randrange(ties) == 0:
                            move = (a, t, b, u)
        return None if move is None else (move_delta, *move)

    def _pair(self, x: int, y: int, d: int) -> None:
        """Change the meetings of x and y by d, keeping know and leave in step."""
        n, g, m = self.n, self.g, self.m
        before = m[x * n + y]
        after = before + d
        m[x * n + y] = m[y * n + x] = after
        if (before >= 1) != (after >= 1):
            s = 1 if after >= 1 else -1
            for know, where in zip(self.know, self.pos, strict=True):
                know[x * g + where[y]] += s
                know[y * g + where[x]] += s
        if (before >= 2) != (after >= 2):
            s = 1 if after >= 2 else -1
            for leave, where in zip(self.leave, self.pos, strict=True):
                if where[x] == where[y]:
                    leave[x] += s
                    leave[y] += s

    def swap(self, r: int, a: int, t: int, b: int, u: int) -> None:
        """Swap a (table t) with b (table u) in round r."""
        n, g, m = self.n, self.g, self.m
        ta, tb = self.tables[r][t], self.tables[r][u]
        for x in ta:
            if x != a:
                self._pair(a, x, -1)
        for y in tb:
            if y != b:
                self._pair(b, y, -1)
        know, leave, where = self.know[r], self.leave[r], self.pos[r]
        for p in range(n):
            ka, kb = m[p * n + a] >= 1, m[p * n + b] >= 1
            if ka != kb:
                s = 1 if kb else -1
                know[p * g + t] += s
                know[p * g + u] -= s
        for x in ta:
            if x != a:
                leave[x] += (m[x * n + b] >= 2) - (m[x * n + a] >= 2)
        for y in tb:
            if y != b:
                leave[y] += (m[y * n + a] >= 2) - (m[y * n + b] >= 2)
        ta[ta.index(a)] = b
        tb[tb.index(b)] = a
        where[a], where[b] = u, t
        leave[a] = sum(1 for y in tb if y != a and m[a * n + y] >= 2)
        leave[b] = sum(1 for x in ta if x != b and m[b * n + x] >= 2)
        for x in ta:
            if x != b:
                self._pair(b, x, 1)
        for y in tb:
            if y != a:
                self._pair(a, y, 1)
