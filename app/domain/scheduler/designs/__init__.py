"""Repeat-free table schedules from design theory: the best construction known for a layout."""

from __future__ import annotations

from functools import cache

from app.domain.scheduler.designs.affine import net
from app.domain.scheduler.designs.catalogue import BASES
from app.domain.scheduler.designs.cyclic import develop
from app.domain.scheduler.designs.mols import Rounds, resolvable_td

Design = tuple[tuple[tuple[int, ...], ...], ...]


@cache
def best_design(tables: int, size: int) -> Design:
    """Give the longest repeat-free schedule known for `tables` tables of `size` (maybe empty)."""
    candidates: list[Rounds] = [[[tuple(range(t * size, (t + 1) * size)) for t in range(tables)]]]
    if tables == size:
        candidates.append(net(size))
    td = resolvable_td(size, tables)
    if td is not None:
        candidates.append(_fill_groups(td, tables, size))
    if (tables, size) in BASES:
        orbits, _, base = BASES[(tables, size)]
        candidates.append(develop(orbits, base))
    best = max(candidates, key=len, default=[])
    return tuple(tuple(tuple(t) for t in rnd) for rnd in best)


def _fill_groups(td: Rounds, tables: int, size: int) -> Rounds:
    """Add rounds inside the TD's groups of `tables` people when `size` divides `tables`.

    Each group holds people who have not met yet, so a schedule on one group, copied to all
    groups at once, adds its rounds (the classical "filling in groups" step).
    """
    if tables % size or tables == size:
        return td
    inner = best_design(tables // size, size)
    extra = [
        [tuple(i * tables + p for p in table) for i in range(size) for table in rnd]
        for rnd in inner
    ]
    return [*td, *extra]
