"""An upper bound on what any plan of R rounds can be worth: a point of the b-matching LP's dual.

Any R rounds of tables of k meet each person at most b = (k − 1) × R times and each pair counts
once, so the meetings form a subgraph of degree at most b: the fractional b-matching LP

    max Σ_e v_e x_e   with   Σ_{e ∋ p} x_e ≤ b,   0 ≤ x_e ≤ 1

bounds every plan, and by LP duality so does, for ANY y ≥ 0,

    D(y) = Σ_p b · y_p + Σ_{e = ab} max(0, v_e − y_a − y_b).

Each person's own best b partners' value, halved (the bound this one replaces), is at least
D(t / 2), t_p being p's b-th best value: (v − t_a/2 − t_b/2)+ ≤ ((v − t_a)+ + (v − t_b)+) / 2,
and b · t_p + Σ_{e ∋ p} (v_e − t_p)+ is the sum of p's b best. From there, coordinate descent
lowers D: with the others fixed, D is least in y_p at the (b + 1)-th largest of p's
(v_e − y_q)+. Everyone moves at once (vectorised), the step halved while it would raise D,
until D stalls; the least D seen, never more than the own-best bound, is given. On the
benchmark's populations (`bench/matchmaking.py`) it comes within 0.1% of the LP's optimum
(checked once with an LP solver); any y ≥ 0 is valid, so stopping early only loosens it.
The point found also prices each person's time (`slot_prices`), for the 1:1 choice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from app.domain.model import Person, Rules

SWEEPS = 30
STEPS = (1.0, 0.5, 0.25)
STALL = 3  # sweeps lowering D by less than _TOLERANCE of it, together, end the descent
_TOLERANCE = 1e-7


def value_bound(present: Mapping[int, Person], rules: Rules, meetings: int) -> float:
    """Bound the value of any plan giving each person at most `meetings` meetings."""
    a, b, v = _edges(present, rules)
    return _descend(a, b, v, len(present), meetings)[0]


def slot_prices(pairs: Sequence[tuple[int, int, float]], people: int, meetings: int) -> list[float]:
    """Price each person's time by the dual point found (y): what one of their meetings is worth.

    `pairs` are (i, j, value) over people 0..people-1. At the LP's optimum a pair worth more
    than its two prices is held and one worth less is not.
    """
    table = np.array(pairs, dtype=float).reshape(-1, 3)
    ends = table[:, :2].astype(np.intp)
    return _descend(ends[:, 0], ends[:, 1], table[:, 2], people, meetings)[1]


def _descend(
    a: np.ndarray, b: np.ndarray, v: np.ndarray, n: int, meetings: int
) -> tuple[float, list[float]]:
    """Lower D from the own-best point until it stalls; give the least D and its point."""
    if meetings <= 0 or not len(v):
        return 0.0, [0.0] * n
    dual = _Dual(a, b, v, n, meetings)
    y = best_y = dual.start()
    seen = [min(dual.own_best(), dual.value(y))]
    for _ in range(SWEEPS):
        moved = dual.sweep(y)
        if moved is None:
            break
        y, value = moved
        if value < seen[-1]:
            best_y = y
        seen.append(min(seen[-1], value))
        if len(seen) > STALL and seen[-1] > seen[-1 - STALL] * (1 - _TOLERANCE):
            break
    return seen[-1], best_y.tolist()


def _edges(present: Mapping[int, Person], rules: Rules) -> tuple[np.ndarray, ...]:
    """List the valued pairs that may meet, as index arrays a, b and their values."""
    at = {pid: i for i, pid in enumerate(present)}
    never = rules.never
    ends: list[int] = []
    worth: list[float] = []
    for key, value in rules.values.items():
        if value <= 0 or len(key) != 2 or key in never:
            continue
        p, q = key
        i, j = at.get(p), at.get(q)
        if i is None or j is None:
            continue
        one, two = present[p], present[q]
        if one.company and two.company and rules.forbidden(one, two):
            continue
        ends += (i, j)
        worth.append(value)
    pairs = np.array(ends, dtype=np.intp).reshape(-1, 2)
    return pairs[:, 0], pairs[:, 1], np.array(worth, dtype=float)


class _Dual:
    """The dual D(y) of one b-matching LP, with each person's pairs in one row of a table."""

    def __init__(self, a: np.ndarray, b: np.ndarray, v: np.ndarray, n: int, cap: int) -> None:
        self.a, self.b, self.v, self.cap = a, b, v, cap
        mine = np.concatenate((a, b))  # incidence i: person mine[i] meets other[i]
        order = np.argsort(mine, kind="stable")
        mine = mine[order]
        degree = np.bincount(mine, minlength=n)
        column = np.arange(len(mine)) - (np.cumsum(degree) - degree)[mine]
        width = int(degree.max())
        self.other = np.zeros((n, width), dtype=np.intp)
        self.other[mine, column] = np.concatenate((b, a))[order]
        self.worth = np.full((n, width), -1.0)  # a missing pair is worth less than any
        self.worth[mine, column] = np.concatenate((v, v))[order]

    def value(self, y: np.ndarray) -> float:
        """Give D(y)."""
        return float(self.cap * y.sum() + np.maximum(0.0, self.v - y[self.a] - y[self.b]).sum())

    def own_best(self) -> float:
        """Give half the sum of each person's best `cap` values: the bound D improves on."""
        width = self.worth.shape[1]
        kept = min(self.cap, width)
        best = np.partition(self.worth, width - kept, axis=1)[:, width - kept :]
        return float(np.maximum(0.0, best).sum()) / 2

    def start(self) -> np.ndarray:
        """Give half each person's `cap`-th best value: a point no worse than the own-best one."""
        return self._largest(self.worth, self.cap) / 2

    def sweep(self, y: np.ndarray) -> tuple[np.ndarray, float] | None:
        """Move every y_p toward its best given the others; give the new point and D, or None."""
        reduced = np.where(self.worth >= 0, np.maximum(0.0, self.worth - y[self.other]), -1.0)
        target = self._largest(reduced, self.cap + 1)
        now = self.value(y)
        for step in STEPS:
            moved = y + step * (target - y)
            value = self.value(moved)
            if value <= now:  # a move along a flat D may open a way down at the next sweep
                return moved, value
        return None

    def _largest(self, w: np.ndarray, k: int) -> np.ndarray:
        """Give each row's k-th largest value, 0 for a row with fewer pairs than k."""
        width = w.shape[1]
        if k > width:
            return np.zeros(len(w))
        return np.maximum(0.0, np.partition(w, width - k, axis=1)[:, width - k])
