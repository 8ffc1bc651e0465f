"""One entry point per use: plan or re-plan any format, pairs or tables of k."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.model import Person, Plan, Rules
from app.domain.scheduler.pairs.plan import plan_pairs
from app.domain.scheduler.pairs.replan import replan_pairs
from app.domain.scheduler.result import Replan
from app.domain.scheduler.tables.plan import plan_tables, replan_tables


def make_plan(
    people: Sequence[Person],
    table_size: int,
    rules: Rules,
    *,
    rounds: int | None = None,
    seed: int = 0,
) -> Plan:
    """Plan an event for the people present, at tables of `table_size` (2 for pairs)."""
    if table_size == 2:
        return plan_pairs(people, rules, rounds=rounds, seed=seed)
    return plan_tables(people, table_size, rules, rounds=rounds, seed=seed)


def replan(
    previous: Plan, *, frozen: int, people: Sequence[Person], rules: Rules, seed: int = 0
) -> Replan:
    """Keep the rounds already held and re-plan the rest for who is present now."""
    if previous.table_size == 2:
        return replan_pairs(previous, frozen=frozen, people=people, rules=rules, seed=seed)
    return replan_tables(previous, frozen=frozen, people=people, rules=rules, seed=seed)
