"""Re-plan the rounds not yet played when people leave or arrive, moving as few as possible.

Every table of the previous plan between two people still present stays as it is. Each newcomer
takes over the seats of someone who left, so meets that person's remaining partners; only the
seats this leaves empty (a partner who left with nobody to replace them, a forbidden or repeated
pair) are matched again, among themselves, with pairs nobody has met yet.

Speed: a round where nothing changed is kept as the very same `Round` object (frozen, so sharing
is safe); in a changed round only the touched tables are rebuilt. The tables holding someone who
left are found by following each leaver from round to round (people move one table at most in
most plans), not by testing every table.
"""

from __future__ import annotations

import random
from bisect import bisect_left, insort
from collections.abc import Iterator, Sequence
from operator import attrgetter

from app.domain.model import Person, Plan, PlanError, Round, Rules, Table
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.stand_ins import Cast, cast_for, key_of
from app.domain.scheduler.result import Replan

_SEATS = attrgetter("seats")
_NUMBER = attrgetter("number")
_NEXT_DOOR = 3  # how far from the free table a table is split between two newcomers
_REACH = 24  # how far from their last table a newcomer looks for a seat to take


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
    rest = previous.rounds[frozen:]
    tables = max(len(constraints.ids) // 2, *(len(r.tables) for r in previous.rounds))
    rounds = list(previous.rounds[:frozen])
    churn = 0
    changes = _stand_in_tables(rest, cast, constraints)
    again = _met_before(rest, cast)
    for rnd, change, met in zip(rest, changes, again, strict=True):
        new, moved = _reseat(rnd, change, met, cast, constraints, tables)
        rounds.append(new)
        churn += moved
    return Replan(
        plan=Plan(2, tuple(rounds)),
        churn=churn,
        newcomers=tuple(sorted(cast.newcomers)),
        leavers=tuple(sorted(cast.leavers)),
    )


def _stand_in_tables(rounds: Sequence[Round], cast: Cast, constraints: Constraints) -> list[dict]:
    """Follow each leaver through the rounds and rebuild their table for their stand-in.

    Gives, round by round, table index -> the new table, or None when the seats are freed (no
    stand-in, a forbidden or repeated pair); freed seats go to `Change.free`.
    In most plans people move a table at most between rounds, on along the row or back, so
    each leaver is found at the next table their way in one look-up.
    """
    changes: list[dict] = []
    last = {p: (0, 1) for p in cast.swap}  # leaver -> (table index, last step) in the round before
    for rnd in rounds:  # round by round, so each round's tables are read while in cache
        change: dict = {}
        changes.append(change)
        for leaver, (before, step) in last.items():
            i = _table_index(rnd, leaver, before, step)
            if i < 0:
                continue
            if i != before:
                last[leaver] = (i, i - before if -1 <= i - before <= 1 else 1)
            _stand_in(change, i, rnd.tables[i], leaver, cast, constraints)
    return changes


def _table_index(rnd: Round, leaver: int, before: int, step: int) -> int:
    """Find where a leaver sits this round: on the way they were going, else still there, else
    back, else anywhere (a jump); -1 when they sit out."""
    tables = rnd.tables
    size = len(tables)
    i = before + step
    if 0 <= i < size and leaver in tables[i].seats:
        return i
    if before < size and leaver in tables[before].seats:
        return before
    if 0 <= (i := before - step) < size and leaver in tables[i].seats:
        return i
    if leaver in rnd.sitting_out:
        return -1
    return next((j for j, t in enumerate(tables) if leaver in t.seats), -1)


def _stand_in(
    change: dict, i: int, table: Table, leaver: int, cast: Cast, constraints: Constraints
) -> None:
    """Seat the leaver's stand-in at table `i` with the partner, or free both seats."""
    swap, company, never = cast.swap, constraints.company, constraints.never
    a, b = table.seats
    first = a == leaver
    partner = b if first else a
    if partner in swap:
        if i in change:
            return  # two leavers at one table: done with the first
        partner = swap[partner]
    newcomer = swap[leaver]
    if (
        newcomer is not None
        and partner is not None
        and (not company or (company.get(newcomer) or 0) != (company.get(partner) or 1))
        and not (never and key_of(newcomer, partner) in never)
    ):
        key = (newcomer << 32) | partner if newcomer < partner else (partner << 32) | newcomer
        if key not in cast.met and key not in (cast.history or ()):
            cast.met.add(key)
            change[i] = Table(table.number, (newcomer, partner) if first else (partner, newcomer))
            return
    change[i] = None
    freed = change.setdefault(-1, {})
    if newcomer is not None:
        freed[newcomer] = table.number
    if partner is not None:
        freed[partner] = table.number


def _met_before(rounds: Sequence[Round], cast: Cast) -> list[list[int]]:
    """Give, round by round, the indices of tables of two people who met before (`history`)."""
    again: list[list[int]] = [[] for _ in rounds]
    if cast.history_seats:
        seen = cast.history_seats
        for rnd, hit in zip(rounds, again, strict=True):
            if not seen.isdisjoint(map(_SEATS, rnd.tables)):  # C speed: seats are tuples
                hit.extend(i for i, t in enumerate(rnd.tables) if t.seats in seen)
    return again


def _reseat(
    rnd: Round, change: dict, again: list[int], cast: Cast, constraints: Constraints, tables: int
) -> tuple[Round, int]:
    """Re-seat one round: keep what still holds, match the people left free."""
    free: dict[int, int | None] = dict.fromkeys(cast.unplaced)
    swap = cast.swap
    resting = []  # newcomers sitting out in their leaver's place
    for pid in rnd.sitting_out:
        if pid in swap:
            pid = swap[pid]
            if pid is not None:
                resting.append(pid)
        if pid is not None:
            free[pid] = None
    if not free and not change and not again:
        return (Round(rnd.number, rnd.tables) if rnd.sitting_out else rnd), 0
    kept: list[Table | None] = list(rnd.tables)
    freed = change.pop(-1, None)  # set when a table was dropped
    for i, table in change.items():
        kept[i] = table
    if freed:
        free.update(freed)
    for i in again:
        table = kept[i]
        if table is not None and table is rnd.tables[i]:
            free.update(dict.fromkeys(table.seats, table.number))
            kept[i] = None
            freed = freed or {}
    if freed is not None:
        kept = [t for t in kept if t is not None]
    if not free:
        return Round(rnd.number, tuple(kept), ()), 0  # type: ignore[arg-type]
    return _fill(kept, free, resting, cast, constraints, tables, rnd.number)  # type: ignore[arg-type]


def _fill(
    kept: list[Table],
    free: dict[int, int | None],
    resting: list[int],
    cast: Cast,
    constraints: Constraints,
    tables: int,
    number: int,
) -> tuple[Round, int]:
    """Match free people on new pairs at free tables; seat newcomers still waiting by splitting
    a table; count stayers whose table changed."""
    used = set(map(_NUMBER, kept))
    placed: dict[int, int] = {}
    for a, b in cast.matches(free, constraints):
        table = _table_for(free.get(a), free.get(b), used, tables)
        used.add(table)
        cast.met.add(key_of(a, b))
        insort(kept, Table(table, (a, b)), key=_NUMBER)
        placed[a] = placed[b] = table
    newcomers = cast.newcomers
    waiting = [p for p in free if p in newcomers and p not in placed and p not in resting]
    benched: list[int] = []
    churn = 0
    if waiting:
        split = _Split(kept, used, cast, constraints, tables)
        churn += split.seat(waiting, free, placed, benched)
    out = tuple(sorted([p for p in free if p not in placed] + benched))
    churn += sum(
        1
        for p, before in free.items()
        if before is not None and p not in newcomers and placed.get(p) != before
    )
    for p, table in placed.items():
        if p in newcomers:
            cast.where[p] = table
    return Round(number, tuple(kept), out), churn


class _Split:
    """Seat newcomers who found no partner among the free by splitting tables of stayers.

    Two waiting newcomers split one table: one of its pair stays and meets the first, the
    other moves to a free table to meet the second; nobody sits out and one person moves.
    This is tried only beside the free table (at the end of the row), so the one who moves
    walks a few tables at most. Otherwise a newcomer takes one seat of a table and its other
    person sits out this round, chosen among those who gave up a round the fewest times.
    Newcomers start mid-row, where people passing on either side of the row are the most
    varied (near the ends they come back soon after turning), and keep to the table they
    sat at, so they walk a table or two at most.
    """

    def __init__(
        self, kept: list[Table], used: set[int], cast: Cast, constraints: Constraints, tables: int
    ) -> None:
        self.kept, self.used, self.cast, self.constraints = kept, used, cast, constraints
        self.tables = tables

    def seat(
        self, waiting: list[int], free: dict, placed: dict[int, int], benched: list[int]
    ) -> int:
        """Seat whom we can of `waiting`; give how many stayers moved or sat out."""
        moved = 0
        home = {p: self.cast.where.get(p) or free.get(p) or (self.tables + 1) // 2 for p in waiting}
        while waiting:
            first = waiting.pop(0)
            if waiting and self._pair_off(first, waiting[0], home, placed):
                waiting.pop(0)
                moved += 1
            elif self._take_seat(first, home[first], placed, benched):
                moved += 1
        return moved

    def _may_meet(self, newcomer: int, other: int) -> bool:
        """Tell whether a newcomer may meet someone: another company and not met yet."""
        return not self.constraints.forbidden(newcomer, other) and self.cast.fresh(newcomer, other)

    def _stayers_near(self, number: int) -> Iterator[tuple[int, int, Table]]:
        """Give (distance, index, table) of tables of two stayers, nearest `number` first."""
        kept, newcomers = self.kept, self.cast.newcomers
        start = bisect_left(kept, number, key=_NUMBER)
        below, above = start - 1, start
        while below >= 0 or above < len(kept):
            nearer_above = above < len(kept) and (
                below < 0 or kept[above].number - number <= number - kept[below].number
            )
            i = above if nearer_above else below
            if nearer_above:
                above += 1
            else:
                below -= 1
            table = kept[i]
            if newcomers.isdisjoint(table.seats):
                yield abs(table.number - number), i, table

    def _take_seat(self, newcomer: int, anchor: int, placed: dict, benched: list[int]) -> bool:
        """Seat a newcomer in place of one of a pair, who sits out; tell whether it worked.

        The seat goes to whoever gave up a round the fewest times, then (with pair values)
        beside the most valuable partner within reach, then nearest.
        """
        best = None
        valued = bool(self.constraints.values)  # then the whole reach is looked at
        for distance, i, table in self._stayers_near(anchor):
            near_enough = valued or best is None or distance <= best[0][-1] + 2
            if distance > _REACH or not near_enough:
                break
            for stay, leave in (table.seats, table.seats[::-1]):
                if self._may_meet(newcomer, stay):
                    gave_up = self.cast.benched.get(leave, 0)
                    worth = -self.constraints.value(newcomer, stay)
                    score = (gave_up, worth, distance) if valued else (gave_up, distance)
                    if best is None or score < best[0]:
                        best = (score, i, stay, leave)
            if not valued and best is not None and best[0][0] == 0:
                break
        if best is None:
            return False
        _, i, stay, leave = best
        number = self.kept[i].number
        self.kept[i] = Table(number, (stay, newcomer))
        self.cast.met.add(key_of(stay, newcomer))
        self.cast.benched[leave] = self.cast.benched.get(leave, 0) + 1
        benched.append(leave)
        placed[newcomer] = number
        return True

    def _pair_off(self, first: int, second: int, home: dict[int, int], placed: dict) -> bool:
        """Split a table between two newcomers: one of the pair moves to a free table."""
        spare = _nearest_unused(self.used, home[first])
        if max(abs(spare - home[first]), abs(spare - home[second])) > _NEXT_DOOR:
            return False
        for distance, i, table in self._stayers_near(spare):
            if distance > _NEXT_DOOR:
                break
            x, y = table.seats
            for stay, move, here, there in (
                (x, y, first, second),
                (y, x, first, second),
                (x, y, second, first),
                (y, x, second, first),
            ):
                if self._may_meet(here, stay) and self._may_meet(there, move):
                    self.kept[i] = Table(table.number, (stay, here))
                    insort(self.kept, Table(spare, (move, there)), key=_NUMBER)
                    self.used.add(spare)
                    self.cast.met.update((key_of(stay, here), key_of(move, there)))
                    placed[here], placed[there] = table.number, spare
                    return True
        return False


def _nearest_unused(used: set[int], number: int) -> int:
    """Give the table number nearest `number` that nobody uses (the lower one on ties)."""
    for distance in range(len(used) + 2):
        for candidate in (number - distance, number + distance):
            if candidate >= 1 and candidate not in used:
                return candidate
    raise AssertionError("unreachable: some number up to len(used) + 1 is free")


def _table_for(first: int | None, second: int | None, used: set[int], tables: int) -> int:
    """Prefer a table one of the two just left; else the lowest free one."""
    for wanted in (first, second):
        if wanted is not None and wanted not in used:
            return wanted
    return next(t for t in range(1, tables + len(used) + 2) if t not in used)
