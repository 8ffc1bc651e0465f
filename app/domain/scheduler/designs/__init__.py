"""Repeat-free table schedules from design theory: the best construction known for a layout."""

from __future__ import annotations

from functools import cache

from app.domain.scheduler.designs.affine import net
from app.domain.scheduler.designs.catalogue import BASES
from app.domain.scheduler.designs.cyclic import develop
from app.domain.scheduler.designs.matrix import MATRICES
from app.domain.scheduler.designs.matrix import develop as develop_matrix
from app.domain.scheduler.designs.mols import Rounds, resolvable_td
from app.domain.scheduler.designs.published import PUBLISHED

Design = tuple[tuple[tuple[int, ...], ...], ...]

# Layouts (tables, size) for which no schedule reaching the counting bound (n - 1) // (size - 1)
# is known, with the most rounds known (Miller, Valkov & Abel, "Combinatorial solutions to the
# social golfer problem", Symmetry 18 (2026) 269, Appendix B). Searching past these is futile.
BEST_KNOWN: dict[tuple[int, int], int] = {
    (4, 3): 4,
    (5, 4): 5,
    (6, 5): 6,
    (6, 6): 3,
    (7, 5): 7,
    (7, 6): 7,
    (8, 5): 8,
    (8, 6): 8,
    (8, 7): 8,
    (9, 5): 9,
    (9, 6): 9,
    (9, 7): 9,
    (9, 8): 9,
    (10, 5): 9,
    (10, 6): 7,
    (10, 7): 7,
    (10, 8): 5,
    (10, 9): 5,
    (10, 10): 4,
}


def round_cap(tables: int, size: int) -> int:
    """Bound the repeat-free rounds worth looking for: counting bound or the best known."""
    bound = (tables * size - 1) // (size - 1) if size > 1 else 1
    return min(bound, BEST_KNOWN.get((tables, size), bound))


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
        orbits, _, base, whole = BASES[(tables, size)]
        candidates.append(develop(orbits, base, whole))
    if (tables, size) in MATRICES:
        candidates.append(develop_matrix(tables, MATRICES[(tables, size)]))
    if (tables, size) in PUBLISHED:
        candidates.append(PUBLISHED[(tables, size)])
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
