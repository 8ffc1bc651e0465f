"""Plain values the scheduler works on: who is present, which rules hold, what a plan is."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

Pair = frozenset[int]


def pair(a: int, b: int) -> Pair:
    """Name an unordered meeting between two people."""
    return frozenset((a, b))


@dataclass(frozen=True)
class Person:
    """Someone present, as far as the scheduler cares: an id and what keeps people apart."""

    id: int
    company: str | None = None
    club: str | None = None


@dataclass(frozen=True)
class Rules:
    """What a plan must respect (company, never) and what it should prefer (club, history, value).

    `values` gives what a meeting is worth (0 or more; a pair not listed is worth 0). With no
    values every pair is worth the same and plans are the plain ones. `never` holds the pairs
    that must not meet (a "rather not" or a host's forbid); `must` those the host pinned.
    """

    avoid_same_club: bool = False
    history: frozenset[Pair] = frozenset()
    values: Mapping[Pair, float] = field(default_factory=dict)
    must: frozenset[Pair] = frozenset()
    never: frozenset[Pair] = frozenset()

    def forbidden(self, a: Person, b: Person) -> bool:
        """Tell whether two people may never meet: same company (case and spaces ignored)."""
        return _same(a.company, b.company) or pair(a.id, b.id) in self.never

    def value(self, a: int, b: int) -> float:
        """Give what a meeting between two people is worth (0 when nothing is known)."""
        return self.values.get(pair(a, b), 0.0) if self.values else 0.0


def _same(x: str | None, y: str | None) -> bool:
    return bool(x and y and x.strip().casefold() == y.strip().casefold())


@dataclass(frozen=True)
class Table:
    """One table in one round: its number (1-based, along the row) and who sits there."""

    number: int
    seats: tuple[int, ...]


@dataclass(frozen=True)
class Round:
    """One round: every table, and who sits this one out."""

    number: int
    tables: tuple[Table, ...]
    sitting_out: tuple[int, ...] = ()

    def table_of(self, person_id: int) -> int | None:
        """Find the table number someone sits at, or None when they sit out."""
        for table in self.tables:
            if person_id in table.seats:
                return table.number
        return None


@dataclass(frozen=True)
class Stop:
    """One round of someone's itinerary: their table (None: sitting out) and whom they meet."""

    round: int
    table: int | None
    others: tuple[int, ...] = ()


@dataclass(frozen=True)
class Plan:
    """A whole schedule: rounds numbered from 1, tables of `table_size` (2 for pairs)."""

    table_size: int
    rounds: tuple[Round, ...]

    def round(self, number: int) -> Round | None:
        """Find a round by its number, or None when the plan has no such round."""
        return next((rnd for rnd in self.rounds if rnd.number == number), None)

    def itinerary(self, person_id: int) -> tuple[Stop, ...]:
        """Follow one person round by round; rounds planned before they came are left out."""
        stops = []
        for rnd in self.rounds:
            table = next((t for t in rnd.tables if person_id in t.seats), None)
            if table is not None:
                others = tuple(seat for seat in table.seats if seat != person_id)
                stops.append(Stop(rnd.number, table.number, others))
            elif person_id in rnd.sitting_out:
                stops.append(Stop(rnd.number, None))
        return tuple(stops)

    def meetings(self) -> Iterable[Pair]:
        """Yield every meeting the plan holds, one per pair per table per round."""
        for rnd in self.rounds:
            for table in rnd.tables:
                seats = table.seats
                for i, a in enumerate(seats):
                    for b in seats[i + 1 :]:
                        yield pair(a, b)


class PlanError(ValueError):
    """A plan cannot be made; the message is meant for the host."""
