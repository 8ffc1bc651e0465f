"""Fill the rounds of a layout: a relabelled design first, then greedy rounds and tabu search."""

from __future__ import annotations

import random

from app.domain.scheduler.designs import round_cap
from app.domain.scheduler.designs.uneven import design_for
from app.domain.scheduler.tables.company import relabel, room_for
from app.domain.scheduler.tables.grid import Grid, Weights, total_cost
from app.domain.scheduler.tables.over_horizon import stored
from app.domain.scheduler.tables.repeats import STEPS, minimise_repeats
from app.domain.scheduler.tables.search import greedy_round, improve

RELABEL_STEPS = 400
ROUND_STEPS = 150  # tabu steps to clean one new round when counting repeat-free rounds
POLISH_STEPS = 2000  # tabu steps over all rounds when a fixed count is asked for
EXTRA_STEPS = 1000  # tabu steps over the rounds added past a design, before the polish


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
    steps: int = STEPS,
) -> Grid:
    """Seat everyone for `rounds` rounds, or for as many repeat-free rounds as we can find."""
    n = len(weights.met)
    cap = (n - 1) // (max(sizes) - 1) if max(sizes) > 1 else 1
    if min(sizes) == max(sizes):
        cap = min(cap, round_cap(len(sizes), sizes[0]))
    if rounds is not None and min(sizes) == max(sizes) and fresh(weights):
        start = stored(len(sizes), sizes[0], rounds)
        if start is not None:
            # Over the horizon with no rule but repeats: a stored schedule of every round,
            # searched jointly (its rounds need not be repeat-free).
            for rnd in start:
                weights.seat(rnd, 1)
            floor = repeat_floor(n, sizes[0], rounds)
            return minimise_repeats(start, weights.met, range(rounds), rng, steps, floor)
    grid = _seated_design(sizes, weights, groups, rounds, rng)
    designed = len(grid)
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
    # Repeats are a floor on the cost (a pair met m times costs at least m - 1).
    floor = repeat_floor(n, max(sizes), len(grid)) if min(sizes) == max(sizes) else 0
    if rounds is not None and designed < len(grid):
        # Past the design: search only the added rounds first, so the repeat-free rounds stay
        # as built and the added ones spend the pairs the design left unmet. Most of the budget
        # goes here: on a design base (10-5-12) the search over every round rarely finds more.
        added = range(designed, len(grid))
        if pure(weights):
            grid = minimise_repeats(grid, weights.met, added, rng, steps, floor)
        else:
            grid = improve(grid, weights, added, rng, EXTRA_STEPS, floor)
    if (
        rounds is not None
        and not clean(grid, weights, range(len(grid)))
        and total_cost(weights) > floor + 1e-9
    ):
        if pure(weights):
            # Nothing but repeats is priced: the flat-count tabu search over every round.
            grid = minimise_repeats(grid, weights.met, range(len(grid)), rng, steps // 4, floor)
        else:
            grid = improve(grid, weights, range(len(grid)), rng, POLISH_STEPS, floor)
    return grid or [greedy_round(sizes, weights, rng)]


def pure(weights: Weights) -> bool:
    """Tell whether only repeats are priced: no company, club or history weight anywhere."""
    return not any(any(row) for row in weights.base)


def fresh(weights: Weights) -> bool:
    """Tell whether nothing is priced but repeats and nobody has met yet (no history)."""
    return pure(weights) and not any(any(row) for row in weights.met)


def repeat_floor(n: int, size: int, rounds: int) -> int:
    """Bound from below the repeated meetings of any `rounds` rounds at full tables of `size`.

    Each person meets rounds * (size - 1) others but only n - 1 are there, so at least the
    excess are repeats; every repeated meeting involves two people (a counting argument).
    """
    excess = max(0, rounds * (size - 1) - (n - 1))
    return -(-n * excess // 2)


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
        if rounds is None and groups and not room_for(prefix, len(weights.met), len(groups[0])):
            length -= 1
            continue
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
