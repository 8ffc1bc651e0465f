"""Fill the rounds of a layout: a relabelled design first, then greedy rounds and tabu search."""

from __future__ import annotations

import random

from app.domain.scheduler.company import relabel
from app.domain.scheduler.designs import round_cap
from app.domain.scheduler.designs.uneven import design_for
from app.domain.scheduler.search import Grid, Weights, greedy_round, improve

RELABEL_STEPS = 400
ROUND_STEPS = 150  # tabu steps to clean one new round when counting repeat-free rounds
POLISH_STEPS = 3000  # tabu steps over all rounds when a fixed count is asked for


def clean(grid: Grid, weights: Weights, rounds: range) -> bool:
    """Tell whether these rounds repeat no pair and seat no colleagues together."""
    base, met = weights.base, weights.met
    return not any(
        met[a][b] > 1 or base[a][b] >= 1
        for r in rounds
        for table in grid[r]
        for i, a in enumerate(table)
        for b in table[i + 1 :]
    )


def fill(
    sizes: list[int],
    weights: Weights,
    groups: list[list[int]],
    rounds: int | None,
    rng: random.Random,
) -> Grid:
    """Seat everyone for `rounds` rounds, or for as many repeat-free rounds as we can find."""
    n = len(weights.met)
    cap = (n - 1) // (max(sizes) - 1) if max(sizes) > 1 else 1
    if min(sizes) == max(sizes):
        cap = min(cap, round_cap(len(sizes), sizes[0]))
    grid = _seated_design(sizes, weights, groups, rounds, rng)
    target = rounds if rounds is not None else cap
    while len(grid) < target:
        rnd = greedy_round(sizes, weights, rng)
        weights.seat(rnd, 1)
        grid.append(rnd)
        if rounds is None:
            last = range(len(grid) - 1, len(grid))
            grid = improve(grid, weights, last, rng, ROUND_STEPS)
            if not clean(grid, weights, last):
                weights.seat(grid.pop(), -1)
                break
    if rounds is not None and not clean(grid, weights, range(len(grid))):
        grid = improve(grid, weights, range(len(grid)), rng, POLISH_STEPS)
    return grid or [greedy_round(sizes, weights, rng)]


def _seated_design(
    sizes: list[int],
    weights: Weights,
    groups: list[list[int]],
    rounds: int | None,
    rng: random.Random,
) -> Grid:
    """Seat people on the longest design prefix they fit without breaking a rule."""
    design = design_for(sizes, rng)
    length = len(design) if rounds is None else min(rounds, len(design))
    while length > 0:
        prefix = design[:length]
        label = relabel(prefix, weights, groups, rng, RELABEL_STEPS)
        grid = [[[label[p] for p in table] for table in rnd] for rnd in prefix]
        for rnd in grid:
            weights.seat(rnd, 1)
        if rounds is not None or clean(grid, weights, range(len(grid))):
            return grid
        for rnd in grid:
            weights.seat(rnd, -1)
        length -= 1
    return []
