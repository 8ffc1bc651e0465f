"""Shorten the longest walks of a plan by swapping which table hosts which meeting in a round.

Compaction moves meetings between rounds and seats them at the free table nearest to where
both people sit around that round, which can still leave someone three tables to walk. Here
each meeting with a long walk on either side is offered a nearby table number in its own round
(swapping with the meeting there, or moving if that table is free), kept when it shortens the
longest walk of the people concerned. Who meets whom, and when, never changes.
"""

from __future__ import annotations

from app.domain.scheduler.pairs.seating import Seating

_TRIES = (-1, 1, -2, 2)


def seat_along(seatings: list[Seating]) -> list[Seating]:
    """Renumber each round's tables in the order of where its pairs' two people sat before.

    For rounds put in a new order (by value), whose tables no longer follow one another. A
    meeting's longer walk is its distance to the midpoint of its two people's last tables plus
    half the distance between those, so giving the round's tables in order to the meetings in
    order of midpoint makes the sum of the longer walks the least possible. Round 1 keeps its
    numbers; who meets whom, and when, never changes.
    """
    last: dict[int, int] = {p: t for t, a, b in seatings[0] for p in (a, b)} if seatings else {}
    for r in range(1, len(seatings)):
        tables = sorted(t for t, _, _ in seatings[r])
        meetings = sorted(
            seatings[r], key=lambda m: (last.get(m[1], m[0]) + last.get(m[2], m[0]), m)
        )
        seatings[r] = [(t, a, b) for t, (_, a, b) in zip(tables, meetings, strict=True)]
        last.update({p: t for t, a, b in seatings[r] for p in (a, b)})
    return seatings


def shorten_walks(seatings: list[Seating], tables: int) -> list[Seating]:
    """Renumber tables within rounds where that shortens someone's walk of two or more."""
    where = [{p: t for t, a, b in s for p in (a, b)} for s in seatings]
    for r, seating in enumerate(seatings):
        if not _has_long_walk(where, r):
            continue
        at = {t: i for i, (t, _, _) in enumerate(seating)}
        for i in range(len(seating)):
            table, a, b = seating[i]
            if _walk(where, r, (a, b))[0] < 2:
                continue
            for step in _TRIES:
                other = table + step
                if not 1 <= other <= tables:
                    continue
                j = at.get(other)
                people = (a, b) if j is None else (a, b, seating[j][1], seating[j][2])
                before = _walk(where, r, people)
                _move(seating, where[r], at, i, other, j, table)
                if _walk(where, r, people) < before:
                    break
                _move(seating, where[r], at, i, table, j, other)  # undo
    return seatings


def _has_long_walk(where: list[dict[int, int]], r: int) -> bool:
    """Tell whether anyone walks two tables or more into round r or out of it."""
    here = where[r]
    for near in (r - 1, r + 1):
        if 0 <= near < len(where):
            there = where[near]
            if any(abs(there[p] - t) > 1 for p, t in here.items() if p in there):
                return True
    return False


def _move(seating: Seating, here: dict, at: dict, i: int, to: int, j: int | None, fro: int) -> None:
    """Seat meeting i at table `to`; the meeting j there, if any, takes table `fro`."""
    _, a, b = seating[i]
    seating[i] = (to, a, b)
    here[a] = here[b] = to
    at[to] = i
    if j is None:
        at.pop(fro, None)
    else:
        _, c, d = seating[j]
        seating[j] = (fro, c, d)
        here[c] = here[d] = fro
        at[fro] = j


def _walk(where: list[dict[int, int]], r: int, people: tuple[int, ...]) -> tuple[int, int]:
    """Give the longest walk of these people into round r and out of it, and how many of
    their walks there are longer than a table."""
    longest = long = 0
    here = where[r]
    for near in (r - 1, r + 1):
        if 0 <= near < len(where):
            there = where[near]
            for p in people:
                if p in there and p in here:
                    step = abs(there[p] - here[p])
                    longest = max(longest, step)
                    long += step > 1
    return longest, long
