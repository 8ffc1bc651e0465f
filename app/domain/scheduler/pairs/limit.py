"""Choose R rounds out of a full plan when time does not allow all of them."""

from __future__ import annotations

from app.domain.scheduler.constraints import NEW, Constraints
from app.domain.scheduler.pairs.matching import refill
from app.domain.scheduler.pairs.seating import Seating


def keep_rounds(seatings: list[Seating], count: int, constraints: Constraints) -> list[Seating]:
    """Keep `count` consecutive rounds (walks stay short), the fairest ones.

    Every full round is a (near) perfect matching, so any run of rounds is already fair; among
    runs, prefer even meeting counts, then fewer club or repeat meetings.
    Club and repeat meetings are then traded for new ones among the people they free.
    """
    start = _best_start(seatings, count, constraints)
    window = [list(seatings[(start + i) % len(seatings)]) for i in range(count)]
    tier = constraints.tier
    kept = [[m for m in seating if tier(m[1], m[2]) == NEW] for seating in window]
    return refill(kept, constraints, len(constraints.ids) // 2)


def _best_start(seatings: list[Seating], count: int, constraints: Constraints) -> int:
    """Slide a window of `count` rounds round the cycle and give the best start."""
    if not (constraints.company or constraints.club or constraints.history):
        return 0
    total = len(seatings)
    soft = [sum(constraints.tier(a, b) != NEW for _, a, b in s) for s in seatings]
    meetings = dict.fromkeys(constraints.ids, 0)
    for i in range(count):
        _add(meetings, seatings[i], 1)
    best, best_score = 0, None
    for start in range(total):
        window = [(start + i) % total for i in range(count)]
        score = (
            min(meetings.values()) - max(meetings.values()),
            -sum(soft[i] for i in window),
        )
        if best_score is None or score > best_score:
            best, best_score = start, score
        _add(meetings, seatings[start], -1)
        _add(meetings, seatings[(start + count) % total], 1)
    return best


def _add(meetings: dict[int, int], seating: Seating, step: int) -> None:
    """Count a round's meetings in (or out of) a window."""
    for _, a, b in seating:
        meetings[a] += step
        meetings[b] += step
