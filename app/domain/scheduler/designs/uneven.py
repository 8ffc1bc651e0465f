"""Designs for layouts with some tables one seat short: delete people who never meet.

Removing d points that pairwise never meet from a design of g tables of k leaves, in every
round, d tables of k - 1 and the rest of k, still with no repeated pair. A TD's groups are
such sets; for other designs we look for one, dropping rounds until it exists.
"""

from __future__ import annotations

import random

from app.domain.scheduler.designs import Design, best_design

_TRIES = 200  # randomised greedy attempts per prefix length


def design_for(sizes: list[int], rng: random.Random) -> Design:
    """Give a repeat-free schedule whose rounds seat tables of exactly these sizes (any order)."""
    k, g = max(sizes), len(sizes)
    short = g * k - sum(sizes)
    full = best_design(g, k)
    if short == 0:
        return full
    for w in range(len(full), 0, -1):
        gone = _apart(full[:w], g * k, short, rng)
        if gone is not None:
            return _without(full[:w], gone)
    return ()


def _apart(rounds: Design, n: int, count: int, rng: random.Random) -> set[int] | None:
    """Find `count` points no two of which meet in these rounds, or None."""
    met: list[set[int]] = [set() for _ in range(n)]
    for rnd in rounds:
        for table in rnd:
            for p in table:
                met[p].update(table)
    points = list(range(n))
    for _ in range(_TRIES):
        rng.shuffle(points)
        chosen: set[int] = set()
        for p in points:
            if not met[p] & chosen:
                chosen.add(p)
                if len(chosen) == count:
                    return chosen
    return None


def _without(rounds: Design, gone: set[int]) -> Design:
    """Delete the points in `gone` and renumber the others from 0."""
    index = {p: i for i, p in enumerate(sorted({p for table in rounds[0] for p in table} - gone))}
    return tuple(
        tuple(tuple(index[p] for p in table if p not in gone) for table in rnd) for rnd in rounds
    )
