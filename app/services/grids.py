"""What the room may see: who sits at which table in a round, by name and company only."""

from __future__ import annotations

from sqlmodel import Session, func, select

from app.adapters.database.tables import Person, Registration, Seat
from app.services.events import load_event


def round_grid(session: Session, event_id: int, number: int) -> dict:
    """Give a round's tables and sit-outs as names and companies, tables in order."""
    event = load_event(session, event_id)
    rows = session.exec(
        select(Seat, Person)
        .join(Person, Person.id == Seat.person_id)
        .where(Seat.event_id == event.id, Seat.round == number)
        .order_by(Seat.table, Seat.id)
    ).all()
    tables: dict[int, list[dict]] = {}
    sitting_out = []
    for seat, person in rows:
        if seat.table is None:
            sitting_out.append(_public_name(person))
        else:
            tables.setdefault(seat.table, []).append(_public_name(person))
    return {
        "round": number,
        "plan_version": event.plan_version,
        "tables": [{"table": t, "people": people} for t, people in sorted(tables.items())],
        "sitting_out": sitting_out,
    }


def checked_in_count(session: Session, event_id: int) -> int:
    """Count the people present at the event."""
    load_event(session, event_id)
    return session.exec(
        select(func.count())
        .select_from(Registration)
        .where(Registration.event_id == event_id, Registration.status == "present")
    ).one()


def _public_name(person: Person) -> dict:
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "company": person.company,
    }
