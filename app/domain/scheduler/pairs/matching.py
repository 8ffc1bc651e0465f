"""Pair up people left idle in a round with partners they have not met, best pairs first."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from app.domain.model import pair
from app.domain.scheduler.constraints import HISTORY, Constraints
from app.domain.scheduler.pairs.seating import Seating, nearest_free


def refill(seatings: list[Seating], constraints: Constraints, tables: int) -> list[Seating]:
    """Seat idle people with unmet, allowed partners in every round (never a repeat)."""
    met = {pair(a, b) for seating in seatings for _, a, b in seating}
    everyone = constraints.ids
    for r, seating in enumerate(seatings):
        seated = {p for _, a, b in seating for p in (a, b)}
        idle = [p for p in everyone if p not in seated]
        if len(idle) < 2:
            continue
        before = _positions(seatings[r - 1]) if r else {}
        used = {t for t, _, _ in seating}
        for a, b in best_pairs(idle, constraints, lambda x, y: pair(x, y) not in met):
            table = nearest_free(used, tables, [before[p] for p in (a, b) if p in before])
            used.add(table)
            seating.append((table, a, b))
            met.add(pair(a, b))
    return seatings


def best_pairs(
    idle: Iterable[int], constraints: Constraints, fresh: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """Match idle people greedily: new pairs before club mates, the most valuable first."""
    people = sorted(idle)
    options = []
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            if constraints.forbidden(a, b) or not fresh(a, b):
                continue
            tier = constraints.tier(a, b)
            if tier != HISTORY:
                options.append((tier, -constraints.value(a, b), a, b))
    return take_in_order(options)


def take_in_order(options: list[tuple[int, float, int, int]]) -> list[tuple[int, int]]:
    """Take (tier, -value, a, b) options best first, each person once: a greedy matching."""
    taken: set[int] = set()
    chosen = []
    for _, _, a, b in sorted(options):
        if a not in taken and b not in taken:
            taken.update((a, b))
            chosen.append((a, b))
    return chosen


def _positions(seating: Seating) -> dict[int, int]:
    """Map each seated person to their table."""
    return {p: t for t, a, b in seating for p in (a, b)}
