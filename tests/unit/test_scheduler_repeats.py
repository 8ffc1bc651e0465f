"""The flat-count tabu search keeps its counts right and never makes a schedule worse."""

import random

from app.domain.scheduler.tables.repeats import minimise_repeats, repeats_of


def _met(grid, n):
    met = [[0] * n for _ in range(n)]
    for rnd in grid:
        for table in rnd:
            for a in table:
                for b in table:
                    if a != b:
                        met[a][b] += 1
    return met


def _random_grid(n, size, rounds, seed):
    rng, grid = random.Random(seed), []
    for _ in range(rounds):
        people = list(range(n))
        rng.shuffle(people)
        grid.append([people[i : i + size] for i in range(0, n, size)])
    return grid


def test_search_cuts_repeats_and_leaves_counts_matching():
    grid = _random_grid(20, 4, 6, seed=3)
    met = _met(grid, 20)
    before = repeats_of(met)
    out = minimise_repeats(grid, met, range(6), random.Random(0), steps=300)
    assert met == _met(out, 20)
    assert repeats_of(met) < before
    assert all(sorted(p for t in rnd for p in t) == list(range(20)) for rnd in out)


def test_search_is_deterministic_per_seed():
    runs = []
    for _ in range(2):
        grid = _random_grid(24, 4, 8, seed=5)
        runs.append(minimise_repeats(grid, _met(grid, 24), range(8), random.Random(7), 200))
    assert runs[0] == runs[1]
