"""Turn seatings (table, a, b) into the plan's rounds, and back."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.model import Plan, Round, Table

Meeting = tuple[int, int, int]  # (table, a, b)
Seating = list[Meeting]


def to_round(number: int, seating: Seating, everyone: Sequence[int]) -> Round:
    """Make one round: tables along the row, and whoever is not seated sits out."""
    ordered = sorted(seating)
    out: tuple[int, ...] = ()
    if 2 * len(ordered) < len(everyone):
        seated = {a for _, a, _ in ordered}.union(b for _, _, b in ordered)
        out = tuple(p for p in everyone if p not in seated)
    return Round(number, tuple([Table(t, (a, b)) for t, a, b in ordered]), out)


def to_plan(seatings: Sequence[Seating], everyone: Sequence[int]) -> Plan:
    """Make a pairs plan from seatings, rounds numbered from 1."""
    ids = sorted(everyone)
    return Plan(2, tuple(to_round(r, s, ids) for r, s in enumerate(seatings, start=1)))


def nearest_free(used: set[int], tables: int, near: Sequence[int]) -> int:
    """Pick the free table closest to where the people sat nearby (the lowest one on ties)."""
    free = (t for t in range(1, tables + 1) if t not in used)
    return min(free, key=lambda t: (max((abs(t - x) for x in near), default=0), t))
