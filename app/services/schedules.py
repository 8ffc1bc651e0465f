"""The whole plan by name: every round's tables for the host's grid, and the printed sheets."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from app.adapters.database.plans import read_plan
from app.adapters.database.roster import registered
from app.domain.model import Plan
from app.services.events import load_event
from app.services.schemas import PersonPublic


@dataclass(frozen=True)
class ChartRound:
    """One round: each table's people in seat order, and who sits out."""

    number: int
    tables: dict[int, list[PersonPublic]]
    sitting_out: list[PersonPublic]


@dataclass(frozen=True)
class ScheduleLine:
    """One line of a printed schedule: the round, the table (None: sitting out), and whom."""

    round: int
    table: int | None
    with_: list[PersonPublic]


@dataclass(frozen=True)
class Printout:
    """What the sheets print: everyone by name with their token, each schedule, the tables."""

    people: list[tuple[PersonPublic, str]]
    schedules: dict[int, list[ScheduleLine]]
    tables: list[int]


def chart(session: Session, event_id: int) -> tuple[list[ChartRound], list[int]]:
    """Give every round of the plan by name, and the table numbers in use."""
    plan = _plan(session, event_id)
    who = {person.id: person for person, _ in _roll(session, event_id)}
    rounds = [
        ChartRound(
            rnd.number,
            {t.number: [who[p] for p in t.seats] for t in rnd.tables},
            [who[p] for p in rnd.sitting_out],
        )
        for rnd in plan.rounds
    ]
    return rounds, _table_numbers(plan)


def printout(session: Session, event_id: int) -> Printout:
    """Gather the badges, the personal schedules and the table cards of an event."""
    plan = _plan(session, event_id)
    people = sorted(_roll(session, event_id), key=lambda entry: _by_name(entry[0]))
    who = {person.id: person for person, _ in people}
    schedules = {}
    for person_id in who:
        stops = plan.itinerary(person_id)
        if stops:
            schedules[person_id] = [
                ScheduleLine(stop.round, stop.table, [who[p] for p in stop.others])
                for stop in stops
            ]
    return Printout(people, schedules, _table_numbers(plan))


def _plan(session: Session, event_id: int) -> Plan:
    event = load_event(session, event_id)
    return read_plan(session, event.id, event.table_size)


def _roll(session: Session, event_id: int) -> list[tuple[PersonPublic, str]]:
    """List everyone registered, as the public shape, with their personal token."""
    return [
        (PersonPublic.model_validate(person), registration.token)
        for person, registration in registered(session, event_id)
    ]


def _table_numbers(plan: Plan) -> list[int]:
    return sorted({table.number for rnd in plan.rounds for table in rnd.tables})


def _by_name(person: PersonPublic) -> tuple[str, str]:
    return person.last_name.casefold(), person.first_name.casefold()
