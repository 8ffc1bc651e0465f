"""Re-plan the rounds not yet played when people leave or arrive, moving as few as possible.

Every table of the previous plan between two people still present stays as it is. Each newcomer
takes over the seats of someone who left, so meets that person's remaining partners; only the
seats this leaves empty (a partner who left with nobody to replace them, a forbidden or repeated
pair) are matched again, among themselves, with pairs nobody has met yet.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, count
from operator import attrgetter, not_

from app.domain.model import Person, Plan, PlanError, Round, Rules, Table
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.stand_ins import Cast, cast_for, key_of

_SEATS = attrgetter("seats")
_NUMBER = attrgetter("number")


@dataclass(frozen=True)
class Replan:
    """A new plan and how much it disturbs the old one."""

    plan: Plan
    churn: int  # person-rounds where someone staying loses or changes the table they had
    newcomers: tuple[int, ...]
    leavers: tuple[int, ...]


def replan_pairs(
    previous: Plan, *, frozen: int, people: Sequence[Person], rules: Rules, seed: int = 0
) -> Replan:
    """Keep rounds 1..frozen, re-plan the rest for the people present now."""
    constraints = Constraints(people, rules)
    constraints.check()
    if previous.table_size != 2:
        raise PlanError("Only a 1:1 plan can be re-planned as pairs.")
    if not 0 <= frozen <= len(previous.rounds):
        raise PlanError(f"Round {frozen} is not in the plan ({len(previous.rounds)} rounds).")
    cast = cast_for(previous, frozen, constraints, random.Random(seed))
    tables = max(len(constraints.ids) // 2, *(len(r.tables) for r in previous.rounds))
    rounds = list(previous.rounds[:frozen])
    churn = 0
    for rnd in previous.rounds[frozen:]:
        new, moved = _reseat(rnd, cast, constraints, tables)
        rounds.append(new)
        churn += moved
    return Replan(
        plan=Plan(2, tuple(rounds)),
        churn=churn,
        newcomers=tuple(sorted(cast.newcomers)),
        leavers=tuple(sorted(cast.leavers)),
    )


def _reseat(rnd: Round, cast: Cast, constraints: Constraints, tables: int) -> tuple[Round, int]:
    """Re-seat one round: keep what still holds, match the people left free."""
    free: dict[int, int | None] = dict.fromkeys(cast.unplaced)
    for pid in rnd.sitting_out:
        pid = cast.stand_in.get(pid, pid)
        if pid in cast.present:
            free[pid] = None
    touched = _touched(rnd, cast)
    if not free and not touched:
        return (Round(rnd.number, rnd.tables) if rnd.sitting_out else rnd), 0
    kept = list(rnd.tables)
    for i in reversed(touched):
        table = _recast(kept[i], cast, constraints.company, free)
        if table is None:
            del kept[i]
        else:
            kept[i] = table
    if not free:
        return Round(rnd.number, tuple(kept), ()), 0
    return _fill(kept, free, cast, constraints, tables, rnd.number)


def _touched(rnd: Round, cast: Cast) -> list[int]:
    """Find the tables where someone left (or a pair met before), scanning at C speed."""
    if cast.history:
        return [i for i, t in enumerate(rnd.tables) if not _untouched(t, cast)]
    clear = map(cast.leavers.isdisjoint, map(_SEATS, rnd.tables))
    return list(compress(count(), map(not_, clear)))


def _untouched(table: Table, cast: Cast) -> bool:
    """Tell whether a table holds nobody who left and no pair who met before."""
    return cast.leavers.isdisjoint(table.seats) and key_of(*table.seats) not in cast.history


def _recast(table: Table, cast: Cast, company: dict[int, str], free: dict) -> Table | None:
    """Keep a table with its stand-ins when the pair may meet and is new; else free its seats.

    Hot path (a few tables in every round): plain look-ups, no helper calls.
    """
    a, b = table.seats
    a, b = cast.stand_in.get(a, a), cast.stand_in.get(b, b)
    present = cast.present
    if a in present and b in present and (company.get(a) or a) != (company.get(b) or b):
        key = (a << 32) | b if a < b else (b << 32) | a
        if cast.fresh_key(a, b, key):
            cast.met.add(key)
            return Table(table.number, (a, b))
    for pid in (a, b):
        if pid in present:
            free[pid] = table.number
    return None


def _fill(
    kept: list[Table],
    free: dict[int, int | None],
    cast: Cast,
    constraints: Constraints,
    tables: int,
    number: int,
) -> tuple[Round, int]:
    """Match free people on new pairs at free tables; count stayers whose table changed."""
    used = set(map(_NUMBER, kept))
    seated: list[Table] = []
    for a, b in cast.matches(free, constraints):
        table = _table_for(free.get(a), free.get(b), used, tables)
        used.add(table)
        cast.met.add(key_of(a, b))
        seated.append(Table(table, (a, b)))
    placed = {p: t.number for t in seated for p in t.seats}
    out = tuple(sorted(p for p in free if p not in placed))
    churn = sum(
        1
        for p, before in free.items()
        if before is not None and p not in cast.newcomers and placed.get(p) != before
    )
    return Round(number, tuple(sorted(kept + seated, key=_NUMBER)), out), churn


def _table_for(first: int | None, second: int | None, used: set[int], tables: int) -> int:
    """Prefer a table one of the two just left; else the lowest free one."""
    for wanted in (first, second):
        if wanted is not None and wanted not in used:
            return wanted
    return next(t for t in range(1, tables + len(used) + 2) if t not in used)
