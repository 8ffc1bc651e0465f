"""What the room may see: who sits at which table in a round, by name and company only."""

from __future__ import annotations

from sqlmodel import Session, func, select

from app.adapters.database.plans import read_plan
from app.adapters.database.roster import people_by_id
from app.adapters.database.tables import Person, Registration
from app.domain.model import Round
from app.services.events import load_event
from app.services.schemas import ROOM_FIELDS, PersonPublic


def round_grid(session: Session, event_id: int, number: int) -> dict:
    """Give a round's tables and sit-outs as names and companies, tables in order."""
    event = load_event(session, event_id)
    plan = read_plan(session, event.id, event.table_size)
    rnd = plan.round(number) or Round(number, ())
    seated = [seat for table in rnd.tables for seat in table.seats]
    people = people_by_id(session, [*seated, *rnd.sitting_out])
    return {
        "round": number,
        "plan_version": event.plan_version,
        "tables": [
            {"table": t.number, "people": [_room_view(people[p]) for p in t.seats]}
            for t in rnd.tables
        ],
        "sitting_out": [_room_view(people[p]) for p in rnd.sitting_out],
    }


def checked_in_count(session: Session, event_id: int) -> int:
    """Count the people present at the event."""
    load_event(session, event_id)
    return session.exec(
        select(func.count())
        .select_from(Registration)
        .where(Registration.event_id == event_id, Registration.status == "present")
    ).one()


def _room_view(person: Person) -> dict:
    return PersonPublic.model_validate(person).model_dump(include=ROOM_FIELDS)
