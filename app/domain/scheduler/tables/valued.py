"""Seat valuable pairs together once the tables are filled: seat swaps that lower the price.

Runs in `plan_tables` when the rules give pair values (their discounts are in the weights,
`layout.weights_for`). The searches before it only mend conflicts (repeats, colleagues); here
each round in turn is searched with the other rounds held still, so what a pair costs when it
sits together in that round is fixed: its base price plus its meetings elsewhere. Every swap of
two people at different tables is priced in one n × n array (numpy), kept up to date row by row
as people move; the best swaps on tables no better swap touches are made together, while any
lowers the total price: never at the cost of a repeat or a colleague, which cost more than any
value gains.
"""

from __future__ import annotations

import random

import numpy as np

from app.domain.scheduler.tables.grid import Grid, Weights, count_round

PASSES = 3  # sweeps over the rounds: a round's seats change what the others' pairs cost
_EPSILON = 1e-9


def seat_by_value(
    grid: Grid, weights: Weights, sizes: list[int], rounds: int, rng: random.Random
) -> None:
    """Add rounds up to `rounds`, each at its cheapest seats, then swap seats in every round
    while a swap lowers the price; keep `weights` matching."""
    base = np.array(weights.base, dtype=float)
    met = np.array(weights.met, dtype=float)
    before = [[t[:] for t in rnd] for rnd in grid]
    while len(grid) < rounds:
        grid.append(_cheapest_round(sizes, base, met, rng))
    for _ in range(PASSES):
        if not sum(_search_round(rnd, base, met) for rnd in grid):
            break
    for rnd in before:
        count_round(weights.met, rnd, -1)
    for rnd in grid:
        count_round(weights.met, rnd, 1)


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
    where = np.empty(len(met), dtype=np.intp)
    for t, table in enumerate(tables):
        where[table] = t
    met += _together(where)
    return tables


def _search_round(rnd: list[list[int]], base: np.ndarray, met: np.ndarray) -> int:
    """Make the best swaps of one round (everyone seated) until none pays; count them."""
    where = np.empty(len(met), dtype=np.intp)
    for t, table in enumerate(rnd):
        where[table] = t
    met -= _together(where)
    price = base + met
    order = np.argsort(where, kind="stable")
    starts = np.searchsorted(where[order], np.arange(len(rnd)))
    cost = np.add.reduceat(price[:, order], starts, axis=1)  # cost[p, t]: p's price at t
    gain = _gains(cost, price, where, np.arange(len(where)))
    moved = 0
    while swaps := _pick(gain, where):
        for i, j in swaps:
            t, u = where[i], where[j]
            change = price[:, j] - price[:, i]
            cost[:, t] += change
            cost[:, u] -= change
            where[i], where[j] = u, t
        moved += len(swaps)
        touched = np.flatnonzero(np.isin(where, [where[p] for s in swaps for p in s]))
        rows = _gains(cost, price, where, touched)
        gain[touched] = rows
        gain[:, touched] = rows.T
    met += _together(where)
    if moved:
        rnd[:] = [np.flatnonzero(where == t).tolist() for t in range(len(rnd))]
    return moved


def _together(where: np.ndarray) -> np.ndarray:
    """Give the 0/1 matrix of who sits with whom (nobody with themselves)."""
    together = (where[:, None] == where[None, :]).astype(float)
    np.fill_diagonal(together, 0.0)
    return together


def _gains(cost: np.ndarray, price: np.ndarray, where: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Price swapping each of `rows` with everyone: negative lowers the total, inf is no swap."""
    own = cost[np.arange(len(where)), where]
    gain = cost[rows][:, where] + cost[:, where[rows]].T
    gain -= own[rows, None] + own[None, :] + 2 * price[rows]
    gain[where[rows, None] == where[None, :]] = np.inf
    return gain


def _pick(gain: np.ndarray, where: np.ndarray) -> list[tuple[int, int]]:
    """Give each seat's best swap that lowers the price, best first, no two on one table."""
    best = gain.argmin(axis=1)
    worth = gain[np.arange(len(best)), best]
    paying = np.flatnonzero(worth < -_EPSILON)
    taken: set[int] = set()
    swaps = []
    for i in paying[np.argsort(worth[paying], kind="stable")]:
        j = int(best[i])
        t, u = int(where[i]), int(where[j])
        if t not in taken and u not in taken:
            taken.update((t, u))
            swaps.append((int(i), j))
    return swaps
