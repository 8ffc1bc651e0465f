"""Re-seat the rounds not yet played at tables after walk-ins and departures, moving few people.

Each remaining round keeps its tables and table numbers; people who left free their seats.
Someone new is seated across all remaining rounds at once, at tables where they meet nobody
twice and nobody else moves; whoever still needs a seat takes the cheapest one left, tables
are added or dissolved only when the count no longer fits, and tabu swaps then remove any
repeat the changes caused.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from app.domain.model import Person, Plan, Round, Rules, Table
from app.domain.scheduler.result import Replan
from app.domain.scheduler.tables.grid import Grid, Weights, clean, count_person
from app.domain.scheduler.tables.layout import Room, table_sizes, weights_for
from app.domain.scheduler.tables.search import improve
from app.domain.scheduler.tables.walk_ins import seat_newcomers_across

REPLAN_STEPS = 600


def retable(
    previous: Plan,
    frozen: int,
    people: Sequence[Person],
    rules: Rules,
    groups: list[list[int]],
    rng: random.Random,
) -> Replan:
    """Keep rounds 1..frozen and re-seat the others for `people` (colleagues in `groups`)."""
    played = [t.seats for rnd in previous.rounds[:frozen] for t in rnd.tables]
    weights = weights_for(people, rules, played, previous.table_size)
    ids = [p.id for p in people]
    before = {s for rnd in previous.rounds for t in rnd.tables for s in t.seats}
    before |= {s for rnd in previous.rounds for s in rnd.sitting_out}
    remaining = previous.rounds[frozen:]
    width = len(remaining[0].tables) if remaining else 0
    sizes = _sizes(len(ids), previous.table_size, width)
    grid, numbers, loose = _kept_tables(remaining, sizes, ids, weights)
    room = Room.of(sizes)
    seat_newcomers_across(grid, loose, weights, room, rng)
    _seat_cheapest(grid, loose, weights, room, rng)
    free = range(len(grid))
    if not clean(grid, weights, free):
        grid = improve(grid, weights, free, rng, REPLAN_STEPS)
    rounds = [
        _round(frozen + 1 + r, rnd, nums, ids)
        for r, (rnd, nums) in enumerate(zip(grid, numbers, strict=True))
    ]
    return Replan(
        plan=Plan(previous.table_size, (*previous.rounds[:frozen], *rounds)),
        churn=_churn(remaining, rounds, set(ids) & before),
        newcomers=tuple(sorted(set(ids) - before)),
        leavers=tuple(sorted(before - set(ids))),
    )


def _kept_tables(
    remaining: Sequence[Round], sizes: list[int], ids: list[int], weights: Weights
) -> tuple[list[list[list[int]]], list[list[int]], list[list[int]]]:
    """Keep each remaining round's tables (counted in `weights`); list who needs a seat."""
    index = {pid: i for i, pid in enumerate(ids)}
    grid, numbers, loose = [], [], []
    for rnd in remaining:
        tables, nums, spare = _keep(rnd, sizes, index, len(ids))
        weights.seat(tables, 1)
        grid.append(tables)
        numbers.append(nums)
        loose.append(spare)
    return grid, numbers, loose


def _seat_cheapest(
    grid: Grid, loose: list[list[int]], weights: Weights, room: Room, rng: random.Random
) -> None:
    """Seat whoever is still loose at the cheapest table with room, round by round."""
    for tables, spare in zip(grid, loose, strict=True):
        rng.shuffle(spare)
        for person in spare:
            full = room.full(tables)
            open_tables = [t for t in tables if room.takes(t, full)]
            table = min(open_tables, key=lambda t: weights.join_cost(person, t))
            count_person(weights.met, person, table, 1)
            table.append(person)


def _round(number: int, tables: list[list[int]], numbers: list[int], ids: list[int]) -> Round:
    """Name a re-seated round: tables keep their numbers, seats become person ids."""
    seated = (
        Table(num, tuple(sorted(ids[i] for i in t))) for t, num in zip(tables, numbers, strict=True)
    )
    return Round(number, tuple(sorted(seated, key=lambda t: t.number)))


def _sizes(n: int, size: int, width: int) -> list[int]:
    """Keep the previous number of tables when sizes stay within one of `size`, else re-split."""
    if width:
        kept = [n // width + (1 if i < n % width else 0) for i in range(width)]
        if max(3, size - 1) <= min(kept) and max(kept) <= size + 1:
            return kept
    return table_sizes(n, size)


def _keep(
    rnd: Round, sizes: list[int], index: dict[int, int], n: int
) -> tuple[list[list[int]], list[int], list[int]]:
    """Keep who still sits at each table and fit the tables to `sizes`; list who needs a seat."""
    tables = [[index[p] for p in t.seats if p in index] for t in rnd.tables]
    numbers = [t.number for t in rnd.tables]
    loose: list[int] = []
    while len(tables) > len(sizes):
        smallest = min(range(len(tables)), key=lambda t: len(tables[t]))
        loose += tables.pop(smallest)
        numbers.pop(smallest)
    while len(tables) < len(sizes):
        tables.append([])
        numbers.append(next(k for k in range(1, len(sizes) + 2) if k not in numbers))
    top, many = max(sizes), sizes.count(max(sizes))
    for table in tables:
        while len(table) > top:
            loose.append(table.pop())
    for table in [t for t in tables if len(t) == top][many:]:
        loose.append(table.pop())
    seated = {i for t in tables for i in t}
    loose += [i for i in range(n) if i not in seated and i not in loose]
    return tables, numbers, loose


def _churn(old: Sequence[Round], new: Sequence[Round], stayers: set[int]) -> int:
    """Count person-rounds where someone staying sits at another table than planned."""
    return sum(
        1
        for before, after in zip(old, new, strict=True)
        for pid in stayers
        if before.table_of(pid) != after.table_of(pid)
    )
