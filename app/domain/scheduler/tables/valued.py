"""Seat valuable pairs together: rounds seated by price, then seat swaps that lower it.

Runs from `fill` when the rules give pair values (their discounts are in the weights,
`layout.weights_for`). Each round in turn is searched with the other rounds held still, so what
a pair costs when it sits together in that round is fixed: its base price plus its meetings
elsewhere. What each person would pay more at each table is kept in numpy arrays, so every swap
of someone whose table changed is priced with everyone at once; the best swaps on tables no
better swap touches are made together, while any lowers the total price: never at the cost of a
repeat or a colleague, which cost more than any value gains, so this search also mends them.
At the local optimum, a few shakes (three people moved round three tables, each to where the
one before would gain most, then the descent again) are kept when they end lower, undone
otherwise.
"""

from __future__ import annotations

import random

import numpy as np

from app.domain.scheduler.tables.grid import Grid, Weights, count_round

# Sweeps over the rounds, while one lowers the price: a round's seats change what the others'
# pairs cost. People × rounds × sweeps within PASS_WORK: 32 for 60 × 5 (where the search settles
# after about 8, 9 % more value than after 2), 8 for 200 × 12, 3 for 500 × 12 (bench/README.md).
PASS_WORK = 20_000
PASSES = (2, 32)
SHAKES = 8000  # shakes per round and pass: this over the people present, one per table at most
_EPSILON = 1e-9


def seat_by_value(
    grid: Grid, weights: Weights, sizes: list[int], rounds: int, rng: random.Random
) -> None:
    """Add rounds up to `rounds`, each at its cheapest seats, swap seats in every round while
    a swap lowers the price, then hold the most valuable rounds first (an event cut short
    keeps them); keep `weights` matching."""
    base = np.array(weights.base, dtype=float)
    met = np.array(weights.met, dtype=float)
    before = [[t[:] for t in rnd] for rnd in grid]
    while len(grid) < rounds:
        grid.append(_cheapest_round(sizes, base, met, rng))
    shakes = min(len(sizes), SHAKES // len(met)) if len(sizes) >= 3 else 0
    scratch = _Scratch(len(met), len(sizes))
    for _ in range(_passes(len(met), len(grid))):
        if not sum(_search_round(rnd, base, met, rng, shakes, scratch) for rnd in grid):
            break
    for rnd in before:
        count_round(weights.met, rnd, -1)
    for rnd in grid:
        count_round(weights.met, rnd, 1)
    grid.sort(key=lambda rnd: sum(base[np.ix_(table, table)].sum() for table in rnd))


def _passes(people: int, rounds: int) -> int:
    """Give how many sweeps over the rounds the work budget allows, within `PASSES`."""
    low, high = PASSES
    return min(high, max(low, PASS_WORK // max(1, people * rounds)))


def _cheapest_round(
    sizes: list[int], base: np.ndarray, met: np.ndarray, rng: random.Random
) -> list[list[int]]:
    """Seat everyone once, in random order, each at the table with a seat where they pay least
    (ties to a random table); count the round's meetings in `met`."""
    price = base + met
    tables: list[list[int]] = [[] for _ in sizes]
    order = rng.sample(range(len(sizes)), len(sizes))
    cost = np.zeros((len(sizes), len(met)))  # cost[k, p]: p's price at table order[k]
    shut = np.zeros(len(sizes))
    for p in rng.sample(range(len(met)), len(met)):
        k = int(np.argmin(cost[:, p] + shut))
        table = tables[order[k]]
        table.append(p)
        cost[k] += price[p]
        if len(table) == sizes[order[k]]:
            shut[k] = np.inf
    _count(met, tables, 1)
    return tables


def _search_round(
    rnd: list[list[int]],
    base: np.ndarray,
    met: np.ndarray,
    rng: random.Random,
    shakes: int,
    scratch: _Scratch,
) -> int:
    """Make the best swaps of one round (everyone seated) until none pays, then try `shakes`
    shakes, each kept if the descent after it ends lower (otherwise undone); count the swaps
    kept."""
    search = _Round(rnd, base, met, scratch)
    moved = len(search.descend(np.arange(len(met))))
    for _ in range(shakes):
        before = search.total()
        shaken, touched = search.shake(rng)
        done = shaken + search.descend(touched)
        if search.total() < before - _EPSILON:
            moved += len(done)
        else:
            search.undo(done)
    _count(met, search.tables, 1)
    if moved:
        rnd[:] = search.tables
    return moved


class _Round:
    """One round's seats, what each person pays at each table, and what every swap would
    change, with the round's own meetings taken out of `met` (the other rounds held still)."""

    def __init__(
        self, rnd: list[list[int]], base: np.ndarray, met: np.ndarray, scratch: _Scratch
    ) -> None:
        self.tables = [table[:] for table in rnd]
        where = self.where = np.empty(len(met), dtype=np.intp)
        for t, table in enumerate(rnd):
            where[table] = t
        _count(met, rnd, -1)
        self.scratch = scratch
        price = self.price = np.add(base, met, out=scratch.price)
        order = np.argsort(where, kind="stable")
        starts = np.searchsorted(where[order], np.arange(len(rnd)))
        by_table = np.take(price, order, axis=1, out=scratch.block(len(met)), mode="clip")
        self.cost = np.add.reduceat(by_table, starts, axis=1)  # p's price at table t
        self.twice = np.multiply(price, 2.0, out=scratch.twice)
        self.extra = np.empty_like(self.cost)  # what p would pay more at t (own table: inf)
        self._reprice(np.arange(len(where)))

    def total(self) -> float:
        """Give the round's price: every pair seated together, counted once."""
        return float(self.cost[np.arange(len(self.where)), self.where].sum()) / 2

    def descend(self, rows: np.ndarray) -> list[tuple[int, int]]:
        """Make the best swaps until none lowers the price, looking only at swaps of `rows`
        (nobody else's swaps changed since the last descent); give them in order."""
        done: list[tuple[int, int]] = []
        while len(rows):
            gain = self._gains(rows)
            best = gain.argmin(axis=1)
            worth = gain[np.arange(len(rows)), best]
            paying = worth < -_EPSILON
            rows, best, worth = rows[paying], best[paying], worth[paying]
            swaps = _disjoint(rows, best, worth, self.where)
            if not swaps:
                break
            dirty = np.zeros(len(self.where), dtype=bool)
            dirty[rows] = True
            dirty[self._swap(swaps)] = True
            rows = np.flatnonzero(dirty)
            done += swaps
        return done

    def _gains(self, rows: np.ndarray) -> np.ndarray:
        """Price the swaps of `rows` with everyone (inf: same table), in the scratch arrays."""
        scratch, where, n = self.scratch, self.where, len(self.where)
        mine = np.take(self.extra, rows, axis=0, out=scratch.few(len(rows)), mode="clip")
        gain = np.take(mine, where, axis=1, out=scratch.block(len(rows)), mode="clip")
        theirs = np.take(
            self.extra, where[rows], axis=1, out=scratch.side(n, len(rows)), mode="clip"
        )
        gain += theirs.T
        gain -= np.take(self.twice, rows, axis=0, out=scratch.side(len(rows), n), mode="clip")
        return gain

    def shake(self, rng: random.Random) -> tuple[list[tuple[int, int]], np.ndarray]:
        """Move someone picked at random to the table they would gain most at, someone there
        on to theirs (not the first), and someone from that one to the first; give the swaps
        and everyone at those tables (no swaps when the chain closes too soon)."""
        t = rng.randrange(len(self.tables))
        a = rng.choice(self.tables[t])
        u = int(np.argmin(self.extra[a]))
        b = rng.choice(self.tables[u])
        onward = self.extra[b].copy()
        onward[t] = np.inf
        v = int(np.argmin(onward))
        if v in (t, u):
            return [], np.array([], dtype=np.intp)
        swaps = [(a, b), (b, rng.choice(self.tables[v]))]  # a to u, b to t, then b on to v
        return swaps, self._swap(swaps)

    def undo(self, done: list[tuple[int, int]]) -> None:
        """Take back swaps, last first."""
        self._swap(done[::-1])

    def _swap(self, swaps: list[tuple[int, int]]) -> np.ndarray:
        """Make swaps in order, re-price the swaps of everyone at the tables touched and give
        those people."""
        cost, extra, where, tables = self.cost, self.extra, self.where, self.tables
        hit = set()
        for i, j in swaps:
            t, u = int(where[i]), int(where[j])
            change = self.price[:, j] - self.price[:, i]
            cost[:, t] += change
            cost[:, u] -= change
            extra[:, t] += change
            extra[:, u] -= change
            where[i], where[j] = u, t
            tables[t][tables[t].index(i)] = j
            tables[u][tables[u].index(j)] = i
            hit.update((t, u))
        touched = np.array([p for t in hit for p in tables[t]], dtype=np.intp)
        self._reprice(touched)
        return touched

    def _reprice(self, rows: np.ndarray) -> None:
        """Recount what `rows` would pay more at each table than at their own."""
        own = self.where[rows]
        self.extra[rows] = self.cost[rows] - self.cost[rows, own][:, None]
        self.extra[rows, own] = np.inf


def _count(met: np.ndarray, tables: list[list[int]], sign: int) -> None:
    """Add (1) or take away (-1) the meetings at these tables in `met`."""
    for table in tables:
        seats = np.array(table, dtype=np.intp)
        met[np.ix_(seats, seats)] += sign
        met[seats, seats] -= sign


class _Scratch:
    """Arrays reused round after round: numpy gives large temporaries back to the system when
    freed, and taking them again costs page faults, most of a search's time at 500 people."""

    def __init__(self, n: int, tables: int) -> None:
        self.price, self.twice = np.empty((n, n)), np.empty((n, n))
        self._block, self._side = np.empty(n * n), np.empty(n * n)
        self._few = np.empty(n * tables)
        self.tables = tables

    def block(self, rows: int) -> np.ndarray:
        """Give room for `rows` rows of n."""
        n = len(self.price)
        return self._block[: rows * n].reshape(rows, n)

    def side(self, rows: int, cols: int) -> np.ndarray:
        """Give room for a rows × cols array."""
        return self._side[: rows * cols].reshape(rows, cols)

    def few(self, rows: int) -> np.ndarray:
        """Give room for `rows` rows of one figure per table."""
        return self._few[: rows * self.tables].reshape(rows, self.tables)


def _disjoint(
    rows: np.ndarray, best: np.ndarray, worth: np.ndarray, where: np.ndarray
) -> list[tuple[int, int]]:
    """Give the paying swaps (row, its best partner), best first, no two on one table."""
    taken: set[int] = set()
    swaps = []
    for k in np.argsort(worth, kind="stable").tolist():
        i, j = int(rows[k]), int(best[k])
        t, u = int(where[i]), int(where[j])
        if t not in taken and u not in taken:
            taken.update((t, u))
            swaps.append((i, j))
    return swaps
