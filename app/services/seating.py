"""The whole plan by name: every round's tables for the host's preview and the printed sheets."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from app.services.events import load_event
from app.services.planning import load_plan
from app.services.roster import registered


@dataclass(frozen=True)
class Name:
    """How a participant is written on the host's grid and on paper."""

    id: int
    first_name: str
    last_name: str
    company: str
    token: str = ""

    @property
    def short(self) -> str:
        """Write "Émilie L.", enough to find someone in a grid of fifty."""
        return f"{self.first_name} {self.last_name[:1]}."


@dataclass(frozen=True)
class ChartRound:
    """One round: each table's people in seat order, and who sits out."""

    number: int
    tables: dict[int, list[Name]]
    sitting_out: list[Name]


@dataclass(frozen=True)
class Stop:
    """One line of a personal schedule: the round, the table (None: sitting out), and whom."""

    round: int
    table: int | None
    with_: list[Name] = field(default_factory=list)


def names(session: Session, event_id: int) -> dict[int, Name]:
    """Map every participant of the event to their name, company and personal token."""
    return {
        p.id: Name(p.id, p.first_name, p.last_name, p.company, reg.token)
        for p, reg in registered(session, event_id)
    }


def chart(session: Session, event_id: int) -> tuple[list[ChartRound], list[int]]:
    """Give every round of the plan by name, and the table numbers in use."""
    plan = load_plan(session, load_event(session, event_id))
    if plan is None:
        return [], []
    who = names(session, event_id)
    rounds = [
        ChartRound(
            rnd.number,
            {t.number: [who[p] for p in t.seats] for t in rnd.tables},
            [who[p] for p in rnd.sitting_out],
        )
        for rnd in plan.rounds
    ]
    tables = sorted({number for rnd in rounds for number in rnd.tables})
    return rounds, tables


def schedules(rounds: list[ChartRound]) -> dict[int, list[Stop]]:
    """Turn the chart into one itinerary per participant, round by round."""
    found: dict[int, list[Stop]] = {}
    for rnd in rounds:
        for table, people in rnd.tables.items():
            for person in people:
                others = [other for other in people if other.id != person.id]
                found.setdefault(person.id, []).append(Stop(rnd.number, table, others))
        for person in rnd.sitting_out:
            found.setdefault(person.id, []).append(Stop(rnd.number, None))
    return found
