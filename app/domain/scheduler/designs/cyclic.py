"""Designs developed from one base round under Z_m, and a backtracking search for that round.

Points are the orbits Z_m x {0..c-1} plus fixed points ∞_0..∞_{e-1}: point (x, a) has id x*m + a
and ∞_j has id c*m + j. Round i is the base round with every finite point shifted by i. This is
the classical 1-rotational method (Buratti; Colbourn & Dinitz, Handbook of Combinatorial Designs,
VI.16 and VII.4): a base round whose differences never recur within w shifts gives w rounds in
which no pair meets twice.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import combinations

Base = tuple[tuple[int, ...], ...]
Rounds = list[list[tuple[int, ...]]]


@dataclass(frozen=True)
class Orbits:
    """The point set: m shifts, c orbits of finite points, e fixed points; w rounds wanted."""

    m: int
    c: int
    e: int
    w: int

    @property
    def size(self) -> int:
        """Count the points."""
        return self.m * self.c + self.e

    def shift(self, point: int, i: int) -> int:
        """Move a point i steps along its orbit (fixed points stay put)."""
        if point >= self.m * self.c:
            return point
        x, a = divmod(point, self.m)
        return x * self.m + (a + i) % self.m

    def key(self, u: int, v: int) -> tuple[tuple[int, ...], int, int] | None:
        """Name the orbit of the pair {u, v}: (kind, start, period); None for two fixed points."""
        m, fin = self.m, self.m * self.c
        if u > v:
            u, v = v, u
        if u >= fin:
            return None
        x, a = divmod(u, m)
        if v >= fin:
            return ((v - fin, -1, x), a, m)
        y, b = divmod(v, m)
        if x != y:
            return ((x, y, (b - a) % m), a, m)
        d = (b - a) % m
        if 2 * d == m:
            return ((x, x, d), a % d, d)
        return ((x, x, d), a, m) if d < m - d else ((x, x, m - d), b, m)


def develop(orbits: Orbits, base: Base, whole: tuple[Base, ...] = ()) -> Rounds:
    """Shift the base round w times, then add one round per starter in `whole`.

    A starter is a few tables whose m shifts together seat every point once: its round is the
    same under every shift, so it uses up whole pair orbits (the base round must avoid them).
    """
    shifted = [
        [tuple(orbits.shift(p, i) for p in table) for table in base] for i in range(orbits.w)
    ]
    fixed = [
        [tuple(orbits.shift(p, i) for p in table) for i in range(orbits.m) for table in starter]
        for starter in whole
    ]
    return shifted + fixed


class _Ledger:
    """Which pair orbits the base round uses, and from which starts."""

    def __init__(self, orbits: Orbits) -> None:
        self.orbits = orbits
        self.starts: dict[tuple[int, ...], list[int]] = {}

    def add(self, u: int, v: int) -> None:
        """Record the pair {u, v} as used (two fixed points need no record: they always clash)."""
        key = self.orbits.key(u, v)
        if key is not None:
            self.starts.setdefault(key[0], []).append(key[1])

    def remove(self, u: int, v: int) -> None:
        """Forget the pair {u, v}."""
        key = self.orbits.key(u, v)
        if key is not None:
            self.starts[key[0]].remove(key[1])


def _pair_cost(ledger: _Ledger, u: int, v: int) -> int:
    """Count the clashes the pair {u, v} has with the pairs already recorded."""
    key = ledger.orbits.key(u, v)
    if key is None:
        return int(ledger.orbits.w > 1)
    kind, start, period = key
    w = ledger.orbits.w
    own = int(period < w)
    return own + sum(
        (start - s) % period < w or (s - start) % period < w for s in ledger.starts.get(kind, ())
    )


def _swap_delta(ledger: _Ledger, tables: list[list[int]], u: int, a: int, v: int, b: int) -> int:
    """Measure the cost change of swapping u (table a) and v (table b), leaving state as found."""
    rest_a = [x for x in tables[a] if x != u]
    rest_b = [y for y in tables[b] if y != v]
    old = [(u, x) for x in rest_a] + [(v, y) for y in rest_b]
    new = [(v, x) for x in rest_a] + [(u, y) for y in rest_b]
    delta = 0
    for p, q in old:
        ledger.remove(p, q)
        delta -= _pair_cost(ledger, p, q)
    for p, q in new:
        delta += _pair_cost(ledger, p, q)
        ledger.add(p, q)
    for p, q in new:
        ledger.remove(p, q)
    for p, q in old:
        ledger.add(p, q)
    return delta


def find_base(orbits: Orbits, size: int, *, seed: int = 0, steps: int = 20_000) -> Base | None:
    """Search a base round of tables of `size` whose w shifts never repeat a pair (tabu swaps)."""
    rng = random.Random(seed)
    points = list(range(orbits.size))
    rng.shuffle(points)
    tables = [points[i : i + size] for i in range(0, len(points), size)]
    where = {p: t for t, table in enumerate(tables) for p in table}
    ledger = _Ledger(orbits)
    for table in tables:
        for u, v in combinations(table, 2):
            ledger.add(u, v)
    tabu: dict[tuple[int, int], int] = {}
    for step in range(steps):
        bad = [
            p for table in tables for p, q in combinations(table, 2) if _clashes_now(ledger, p, q)
        ]
        if not bad:
            return tuple(tuple(sorted(t)) for t in tables)
        u = rng.choice(bad)
        a = where[u]
        moves = []
        for v in points:
            b = where[v]
            if b == a or (tabu.get((u, b), -1) > step and tabu.get((v, a), -1) > step):
                continue
            moves.append((_swap_delta(ledger, tables, u, a, v, b), rng.random(), v, b))
        if not moves:
            continue
        _, _, v, b = min(moves)
        _apply_swap(ledger, tables, where, u, v)
        tabu[(u, a)] = tabu[(v, b)] = step + rng.randint(4, 12)
    return None


def _clashes_now(ledger: _Ledger, u: int, v: int) -> bool:
    """Tell whether the recorded pair {u, v} clashes with another recorded pair."""
    key = ledger.orbits.key(u, v)
    if key is None:
        return ledger.orbits.w > 1
    ledger.remove(u, v)
    clash = _pair_cost(ledger, u, v) > 0
    ledger.add(u, v)
    return clash


def _apply_swap(
    ledger: _Ledger, tables: list[list[int]], where: dict[int, int], u: int, v: int
) -> None:
    """Swap u and v between their tables, keeping the ledger in step."""
    a, b = where[u], where[v]
    for table, p in ((a, u), (b, v)):
        for q in tables[table]:
            if q != p:
                ledger.remove(p, q)
    tables[a][tables[a].index(u)] = v
    tables[b][tables[b].index(v)] = u
    where[u], where[v] = b, a
    for table, p in ((a, v), (b, u)):
        for q in tables[table]:
            if q != p:
                ledger.add(p, q)


class _Budget(Exception):
    """The node budget of one backtracking attempt ran out."""


def backtrack_base(
    orbits: Orbits, size: int, *, seed: int = 0, nodes: int = 300_000
) -> Base | None:
    """Search a base round depth-first, table by table (fixed points first, then shuffled)."""
    rng = random.Random(seed)
    fixed = list(range(orbits.m * orbits.c, orbits.size))
    finite = list(range(orbits.m * orbits.c))
    rng.shuffle(finite)
    order = fixed + finite
    rank = {p: i for i, p in enumerate(order)}
    ledger = _Ledger(orbits)
    used: set[int] = set()
    tables: list[list[int]] = []
    left = [nodes]

    def extend(table: list[int]) -> bool:
        left[0] -= 1
        if left[0] < 0:
            raise _Budget
        if len(table) == size:
            tables.append(table)
            if len(used) == orbits.size or open_table():
                return True
            tables.pop()
            return False
        for p in order[rank[table[-1]] + 1 :]:
            if p in used or not _join(ledger, p, table):
                continue
            used.add(p)
            if extend([*table, p]):
                return True
            used.discard(p)
            for q in table:
                ledger.remove(p, q)
        return False

    def open_table() -> bool:
        first = next(p for p in order if p not in used)
        used.add(first)
        if extend([first]):
            return True
        used.discard(first)
        return False

    try:
        return tuple(tuple(sorted(t)) for t in tables) if open_table() else None
    except _Budget:
        return None


def _join(ledger: _Ledger, p: int, table: list[int]) -> bool:
    """Record p's pairs with the table one by one; undo and refuse at the first clash."""
    for i, q in enumerate(table):
        if _pair_cost(ledger, p, q):
            for r in table[:i]:
                ledger.remove(p, r)
            return False
        ledger.add(p, q)
    return True
