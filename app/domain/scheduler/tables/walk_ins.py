"""Seat people new to a plan across all its remaining rounds at once, moving nobody else.

A newcomer takes, in every round, a free seat at a table where they meet nobody already met
(earlier rounds, history, colleagues, or their own other tables); whoever cannot be seated
so is left to the cheapest seats (`replan`).
"""

from __future__ import annotations

import random

from app.domain.scheduler.tables.grid import Grid, Weights, count_person
from app.domain.scheduler.tables.layout import Room

_NODES = 2000  # tables tried when seating one newcomer across all remaining rounds
_ATTEMPTS = 8  # random table orders tried before newcomers fall back to the cheapest seats


def seat_newcomers_across(
    grid: Grid, loose: list[list[int]], weights: Weights, room: Room, rng: random.Random
) -> None:
    """Seat those loose in every round across all rounds at once, all of them or none."""
    everywhere = sorted(set.intersection(*map(set, loose))) if loose else []
    for _ in range(_ATTEMPTS if everywhere else 0):
        seated = []
        for person in everywhere:
            tables = _seat_across(person, grid, weights, room, rng)
            if tables is None:
                break
            seated.append((person, tables))
        if len(seated) == len(everywhere):
            for spare in loose:
                spare[:] = [p for p in spare if p not in everywhere]
            return
        for person, tables in seated:
            for table in tables:
                table.remove(person)
                count_person(weights.met, person, table, -1)


def _seat_across(
    person: int,
    grid: Grid,
    weights: Weights,
    room: Room,
    rng: random.Random,
) -> list[list[int]] | None:
    """Seat someone new in every round at once, each time among people they never meet again.

    Depth-first over the rounds, a table per round with a free seat where the person meets
    nobody already met (earlier rounds, history, colleagues, or this person's other tables);
    nobody else moves. Returns the tables taken, or None (nothing changed) past a node budget.
    """
    chosen: list[list[int]] = []
    budget = [_NODES]

    def place(r: int) -> bool:
        if r == len(grid):
            return True
        tables = grid[r]
        full = room.full(tables)
        order = tables[:]
        rng.shuffle(order)
        for table in sorted(order, key=len):
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if not room.takes(table, full):
                continue
            if weights.join_cost(person, table) > 0:
                continue
            count_person(weights.met, person, table, 1)
            table.append(person)
            chosen.append(table)
            if place(r + 1):
                return True
            chosen.pop()
            table.remove(person)
            count_person(weights.met, person, table, -1)
        return False

    return chosen if place(0) else None
