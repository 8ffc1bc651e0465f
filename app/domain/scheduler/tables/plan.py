"""Plan and re-plan events at tables of 3 to 10: everyone at a table meets everyone there."""

from __future__ import annotations

import random
from collections.abc import Sequence

from app.domain.model import Person, Plan, PlanError, Round, Rules, Table
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.result import Replan
from app.domain.scheduler.tables.fill import fill
from app.domain.scheduler.tables.grid import Grid
from app.domain.scheduler.tables.layout import company_groups, table_sizes, weights_for
from app.domain.scheduler.tables.replan import retable

MIN_SIZE, MAX_SIZE = 3, 10


def plan_tables(
    people: Sequence[Person],
    table_size: int,
    rules: Rules,
    *,
    rounds: int | None = None,
    seed: int = 0,
) -> Plan:
    """Seat everyone present at balanced tables, `rounds` rounds or as many as repeat-free."""
    if not MIN_SIZE <= table_size <= MAX_SIZE:
        raise PlanError(f"Tables seat {MIN_SIZE} to {MAX_SIZE} people, not {table_size}.")
    if rounds is not None and rounds < 1:
        raise PlanError(f"A plan needs at least one round, not {rounds}.")
    people = list(people)
    Constraints(people, rules).check()
    sizes = table_sizes(len(people), table_size)
    groups = company_groups(people, rules)
    _check_companies(groups, people, len(sizes))
    weights = weights_for(people, rules, size=table_size)
    grid = fill(sizes, weights, groups, rounds, random.Random(seed))
    return Plan(table_size, to_rounds(grid, people))


def replan_tables(
    previous: Plan, *, frozen: int, people: Sequence[Person], rules: Rules, seed: int = 0
) -> Replan:
    """Keep rounds 1..frozen, re-seat the rest for the people present now, moving few people."""
    if previous.table_size < MIN_SIZE:
        raise PlanError("Only a plan at tables can be re-planned as tables.")
    if not 0 <= frozen <= len(previous.rounds):
        raise PlanError(f"Round {frozen} is not in the plan ({len(previous.rounds)} rounds).")
    people = list(people)
    Constraints(people, rules).check()
    groups = company_groups(people, rules)
    return retable(previous, frozen, people, rules, groups, random.Random(seed))


def to_rounds(grid: Grid, people: Sequence[Person], first: int = 1) -> tuple[Round, ...]:
    """Turn index tables into numbered rounds of person ids, tables numbered along the row."""
    ids = [p.id for p in people]
    return tuple(
        Round(
            first + r,
            tuple(
                Table(t + 1, tuple(sorted(ids[i] for i in table))) for t, table in enumerate(rnd)
            ),
        )
        for r, rnd in enumerate(grid)
    )


def _check_companies(groups: list[list[int]], people: Sequence[Person], tables: int) -> None:
    """Refuse a company with more people present than there are tables: two would have to meet."""
    for group in groups:
        if len(group) > tables:
            name = people[group[0]].company
            raise PlanError(
                f"{name} has {len(group)} people present but there are only {tables} tables."
            )
