"""One entry point per use: plan or re-plan any format, pairs or tables of k."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.model import Person, Plan, PlanError, Rules
from app.domain.scheduler.pairs import plan_pairs
from app.domain.scheduler.replan import Replan, replan_pairs


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
    raise PlanError(f"Tables of {table_size} cannot be planned yet.")


def replan(
    previous: Plan, *, frozen: int, people: Sequence[Person], rules: Rules, seed: int = 0
) -> Replan:
    """Keep the rounds already held and re-plan the rest for who is present now."""
    if previous.table_size == 2:
        return replan_pairs(previous, frozen=frozen, people=people, rules=rules, seed=seed)
    raise PlanError(f"Tables of {previous.table_size} cannot be re-planned yet.")
