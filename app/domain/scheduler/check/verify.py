"""Check a plan against the rules and measure what a host cares about, for any table size."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from app.domain.model import Person, Plan, Round, Rules
from app.domain.scheduler.check.report import PlanReport
from app.domain.scheduler.check.tally import Tally
from app.domain.scheduler.check.value import never_met, value_figures


def verify(plan: Plan, people: Sequence[Person], rules: Rules, *, frozen: int = 0) -> PlanReport:
    """Report every broken rule and the figures of a plan for the people present now.

    With pair values or pins, the report adds what the meetings are worth (`check/value.py`).

    Rounds 1..`frozen` were already played: people who left may appear there and people who
    arrived later may be absent, so only their table sizes and duplicates are checked.
    """
    present = {p.id: p for p in people}
    problems: list[str] = []
    _check_numbering(plan, problems)
    for rnd in plan.rounds:
        _check_round(rnd, plan.table_size, present, rnd.number > frozen, problems)
    if kept_apart := never_met(plan, rules):
        problems.append(f"{len(kept_apart)} meetings between people who must never meet")
    tally = Tally(present, rules, frozen)
    for rnd in plan.rounds:
        tally.add_round(rnd)
    report = tally.report(plan, problems)
    if rules.values or rules.must:
        report = replace(report, value=value_figures(plan, present, rules))
    return report


def _check_numbering(plan: Plan, problems: list[str]) -> None:
    """Insist on rounds numbered 1, 2, 3… in order, as screens and phones count them."""
    numbers = [rnd.number for rnd in plan.rounds]
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"rounds are numbered {numbers[:5]}…, not 1, 2, 3…")


def _check_round(
    rnd: Round, size: int, present: Mapping[int, Person], live: bool, problems: list[str]
) -> None:
    """Check one round is a partition into tables of acceptable sizes."""
    seated = [s for table in rnd.tables for s in table.seats]
    everyone = seated + list(rnd.sitting_out)
    unique = set(everyone)
    if len(unique) != len(everyone):
        twice = sorted(pid for pid, times in Counter(everyone).items() if times > 1)
        problems.append(f"round {rnd.number}: {_names(twice)} placed more than once")
    if live and (unknown := unique - present.keys()):
        problems.append(f"round {rnd.number}: {_names(sorted(unknown))} not present")
    if live and (missing := present.keys() - unique):
        problems.append(f"round {rnd.number}: {_names(sorted(missing))} neither seated nor out")
    _check_tables(rnd, size, problems)


def _check_tables(rnd: Round, size: int, problems: list[str]) -> None:
    """Check table numbers are distinct and sizes fit the format and differ by at most one."""
    numbers = [t.number for t in rnd.tables]
    if len(set(numbers)) != len(numbers) or any(n < 1 for n in numbers):
        problems.append(f"round {rnd.number}: table numbers {sorted(numbers)} clash")
    sizes = [len(t.seats) for t in rnd.tables]
    largest = size if size == 2 else size + 1
    for table in rnd.tables:
        if not 2 <= len(table.seats) <= largest:
            problems.append(
                f"round {rnd.number}: table {table.number} seats {len(table.seats)} people"
            )
    if sizes and max(sizes) - min(sizes) > 1:
        problems.append(f"round {rnd.number}: table sizes range from {min(sizes)} to {max(sizes)}")


def _names(ids: Sequence[int]) -> str:
    """Name a few people by id for a message."""
    shown = ", ".join(str(i) for i in ids[:5])
    more = f" and {len(ids) - 5} more" if len(ids) > 5 else ""
    return f"{'person' if len(ids) == 1 else 'people'} {shown}{more}"
