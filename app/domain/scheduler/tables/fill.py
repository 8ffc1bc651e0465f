"""Fill the rounds of a layout: a design, a stored schedule, greedy rounds and tabu searches."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from app.domain.scheduler.designs import round_cap
from app.domain.scheduler.designs.uneven import design_for
from app.domain.scheduler.tables.company import relabel, room_for
from app.domain.scheduler.tables.grid import (
    Grid,
    Weights,
    clean,
    discounted,
    fresh,
    pure,
    repeat_floor,
    total_cost,
)
from app.domain.scheduler.tables.over_horizon import stored
from app.domain.scheduler.tables.repeats import STEPS, minimise_repeats, repeats_of
from app.domain.scheduler.tables.search import greedy_round, improve
from app.domain.scheduler.tables.valued import seat_by_value

RELABEL_STEPS = 400
ROUND_STEPS = 150  # tabu steps to clean one new round when counting repeat-free rounds
POLISH_STEPS = 2000  # tabu steps over all rounds when a fixed count is asked for
EXTRA_STEPS = 1000  # tabu steps over the rounds added past a design, before the polish
# Starts of the search by value: people × rounds × starts within the work, 5 for 60 × 5, one
# from about 100 people × 8 rounds (bench/README.md, "Matchmaking").
VALUED_TRY_WORK = 1500
MAX_VALUED_TRIES = 5


def fill(
    sizes: list[int],
    weights: Weights,
    groups: list[list[int]],
    rounds: int | None,
    rng: random.Random,
    steps: int = STEPS,
) -> Grid:
    """Seat everyone for `rounds` rounds, or for as many repeat-free rounds as we can find.

    One of five strategies runs, the first that fits:
    - `repeat_free`, when no count of rounds is asked: design rounds, then greedy rounds kept
      while each can be searched clean of repeats and colleagues (then seats swapped by value
      when pairs have values);
    - `stored_schedule`, when a count past every design's horizon is asked at even tables,
      nothing is priced but repeats, nobody has met yet, and a schedule is stored for the
      layout (10 tables of 5, 11 or 12 rounds);
    - `fixed_repeats`, for any other count with nothing priced but repeats (no company, club
      or history): design rounds, greedy rounds up to the count, the flat-count repeat search;
    - `fixed_valued`, for a count when pairs have values (`Rules.values`): the design, rounds
      seated by price, then the search by value (`valued.py`);
    - `fixed_priced`, for a count with companies, clubs or history priced: the same start as
      `fixed_repeats`, then the weighted tabu search.
    """
    if rounds is None:
        grid = repeat_free(sizes, weights, groups, rng)
        if discounted(weights):
            seat_by_value(grid, weights, sizes, len(grid), rng)
    elif (start := _stored_start(sizes, weights, rounds)) is not None:
        grid = stored_schedule(start, sizes[0], weights, rng, steps)
    elif pure(weights):
        grid = fixed_repeats(sizes, weights, groups, rounds, rng, steps)
    elif discounted(weights):
        grid = fixed_valued(sizes, weights, groups, rounds, rng)
    else:
        grid = fixed_priced(sizes, weights, groups, rounds, rng)
    return grid or [greedy_round(sizes, weights, rng)]


def repeat_free(
    sizes: list[int], weights: Weights, groups: list[list[int]], rng: random.Random
) -> Grid:
    """Add rounds while each new one can be made repeat-free, up to the bound worth trying."""
    n = len(weights.met)
    cap = (n - 1) // (max(sizes) - 1) if max(sizes) > 1 else 1
    if min(sizes) == max(sizes):
        cap = min(cap, round_cap(len(sizes), sizes[0]))
    grid = _seated_design(sizes, weights, groups, None, rng)
    while len(grid) < cap:
        _add_greedy_round(grid, sizes, weights, rng)
        last = range(len(grid) - 1, len(grid))
        grid = improve(grid, weights, last, rng, ROUND_STEPS)
        if not clean(grid, weights, last):
            weights.seat(grid.pop(), -1)
            break
    return grid


def stored_schedule(
    start: Grid, size: int, weights: Weights, rng: random.Random, steps: int
) -> Grid:
    """Search a stored schedule of every round jointly (its rounds need not be repeat-free)."""
    for rnd in start:
        weights.seat(rnd, 1)
    floor = repeat_floor(len(weights.met), size, len(start))
    return minimise_repeats(start, weights.met, range(len(start)), rng, steps, floor)


def fixed_repeats(
    sizes: list[int],
    weights: Weights,
    groups: list[list[int]],
    rounds: int,
    rng: random.Random,
    steps: int,
) -> Grid:
    """Seat `rounds` rounds when only repeats are priced: the flat-count tabu search."""

    def search(grid: Grid, free: range, budget: int, floor: float) -> Grid:
        return minimise_repeats(grid, weights.met, free, rng, budget, floor)

    return _fixed_count(sizes, weights, groups, rounds, rng, search, (steps, steps // 4))


def fixed_priced(
    sizes: list[int], weights: Weights, groups: list[list[int]], rounds: int, rng: random.Random
) -> Grid:
    """Seat `rounds` rounds with companies, clubs or history priced: the weighted tabu search."""

    def search(grid: Grid, free: range, budget: int, floor: float) -> Grid:
        return improve(grid, weights, free, rng, budget, floor)

    return _fixed_count(sizes, weights, groups, rounds, rng, search, (EXTRA_STEPS, POLISH_STEPS))


def fixed_valued(
    sizes: list[int], weights: Weights, groups: list[list[int]], rounds: int, rng: random.Random
) -> Grid:
    """Seat `rounds` rounds by value, from a few starts where the work budget allows (the
    search ends in a local optimum that depends on where it starts): the cheapest is kept.
    A start that needed the tabu search to mend repeats is not tried again: that search costs
    seconds at small sizes, where starts are meant to be cheap."""
    tries = max(1, min(MAX_VALUED_TRIES, VALUED_TRY_WORK // (len(weights.met) * max(1, rounds))))
    best: tuple[float, Grid, list[list[int]]] | None = None
    for _ in range(tries):
        trial = Weights(weights.base, [row[:] for row in weights.met])
        grid, mended = _valued_once(sizes, trial, groups, rounds, rng)
        cost = total_cost(trial)
        if best is None or cost < best[0] - 1e-9:
            best = (cost, grid, trial.met)
        if mended:
            break
    assert best is not None
    for row, kept in zip(weights.met, best[2], strict=True):
        row[:] = kept
    return best[1]


def _valued_once(
    sizes: list[int], weights: Weights, groups: list[list[int]], rounds: int, rng: random.Random
) -> tuple[Grid, bool]:
    """Seat `rounds` rounds by value once: the search by value also mends repeats and colleagues
    (they cost more than any value), so the tabu search runs only if some are left that could
    go: colleagues together, or more repeats than any grid of that many rounds must have. Also
    tells whether it ran."""
    grid = _seated_design(sizes, weights, groups, rounds, rng)
    seat_by_value(grid, weights, sizes, rounds, rng)
    if not _mendable(grid, weights, sizes):
        return grid, False
    grid = improve(grid, weights, range(len(grid)), rng, POLISH_STEPS, -math.inf)
    seat_by_value(grid, weights, sizes, rounds, rng)
    return grid, True


def _mendable(grid: Grid, weights: Weights, sizes: list[int]) -> bool:
    """Tell whether colleagues sit together or repeats exceed the floor for these rounds."""
    base = weights.base
    together = any(
        base[a][b] >= 1 for rnd in grid for table in rnd for i, a in enumerate(table)
        for b in table[i + 1 :]
    )  # fmt: skip
    return together or repeats_of(weights.met) > _repeat_floor(weights, sizes, len(grid))


def _repeat_floor(weights: Weights, sizes: list[int], rounds: int) -> int:
    """Give the repeats any grid of these rounds must have: known at even tables, else 0."""
    return repeat_floor(len(weights.met), max(sizes), rounds) if min(sizes) == max(sizes) else 0


Search = Callable[[Grid, range, int, float], Grid]  # (grid, free rounds, steps, floor) -> grid


def _fixed_count(
    sizes: list[int],
    weights: Weights,
    groups: list[list[int]],
    rounds: int,
    rng: random.Random,
    search: Search,
    budgets: tuple[int, int],
) -> Grid:
    """Seat design rounds, greedy ones up to `rounds`, then search the added, then all rounds.

    Past the design, only the added rounds are searched first, so the repeat-free rounds stay
    as built and the added ones spend the pairs the design left unmet. Most of the budget goes
    there: on a design base (10-5-12) the search over every round rarely finds more.
    """
    grid = _seated_design(sizes, weights, groups, rounds, rng)
    designed = len(grid)
    while len(grid) < rounds:
        _add_greedy_round(grid, sizes, weights, rng)
    # Repeats are a floor on the cost (a pair met m times costs at least m - 1).
    floor = _repeat_floor(weights, sizes, len(grid))
    if discounted(weights):
        floor = -math.inf  # valuable pairs price below zero: no cost is known to be the least
    added, polish = budgets
    if designed < len(grid):
        grid = search(grid, range(designed, len(grid)), added, floor)
    if not clean(grid, weights, range(len(grid))) and total_cost(weights) > floor + 1e-9:
        grid = search(grid, range(len(grid)), polish, floor)
    return grid


def _add_greedy_round(grid: Grid, sizes: list[int], weights: Weights, rng: random.Random) -> None:
    """Append a greedy round to the grid and count its meetings."""
    rnd = greedy_round(sizes, weights, rng)
    weights.seat(rnd, 1)
    grid.append(rnd)


def _stored_start(sizes: list[int], weights: Weights, rounds: int) -> Grid | None:
    """Give the stored schedule for this count, if tables are even and nobody has met yet."""
    if min(sizes) == max(sizes) and fresh(weights):
        return stored(len(sizes), sizes[0], rounds)
    return None


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
