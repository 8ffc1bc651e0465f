"""Seat valuable pairs together once the tables are filled: seat swaps that lower the price.

Runs in `plan_tables` when the rules give pair values (their discounts
are in the weights, `layout.weights_for`). The searches before it only mend conflicts (repeats,
colleagues); here each person, round by round, tries to join the table of one of their most
valuable partners by swapping seats with someone there. The best such swap is made when it
lowers the total price, so never at the cost of a repeat or a colleague: those cost more than
any value gains.
"""

from __future__ import annotations

from collections.abc import Sequence
from heapq import nlargest

from app.domain.model import Person, Rules
from app.domain.scheduler.tables.grid import Grid, Weights
from app.domain.scheduler.tables.search import apply_swap, swap_gain

PARTNERS = 3  # valuable partners each person tries to join, per round
PASSES = 2
_EPSILON = 1e-9


def best_partners(people: Sequence[Person], rules: Rules) -> list[list[int]]:
    """Give each person's most valuable partners, by index, best first."""
    index = {p.id: i for i, p in enumerate(people)}
    options: list[list[tuple[float, int]]] = [[] for _ in people]
    for key, worth in rules.values.items():
        a, b = (index.get(pid) for pid in key) if len(key) == 2 else (None, None)
        if a is not None and b is not None and worth > 0:
            options[a].append((worth, b))
            options[b].append((worth, a))
    return [[j for _, j in nlargest(PARTNERS, row)] for row in options]


def seat_by_value(grid: Grid, weights: Weights, partners: list[list[int]], free: range) -> None:
    """Swap seats in the free rounds while a swap brings valuable partners together."""
    for _ in range(PASSES):
        if not sum(_pass(grid[r], weights, partners, r) for r in free):
            break


def _pass(rnd: list[list[int]], weights: Weights, partners: list[list[int]], r: int) -> int:
    """Try, for everyone in one round, to join a valuable partner's table; count swaps made."""
    where = {p: t for t, table in enumerate(rnd) for p in table}
    moved = 0
    for a, wanted in enumerate(partners):
        t = where.get(a)
        for q in wanted:
            u = where.get(q)
            if t is None or u is None or u == t:
                continue
            delta, b = min((swap_gain(weights, a, rnd[t], b, rnd[u]), b) for b in rnd[u])
            if delta < -_EPSILON and b != q:
                apply_swap(rnd, weights, t, a, u, b)
                where[a], where[b] = u, t
                t = u
                moved += 1
    return moved
