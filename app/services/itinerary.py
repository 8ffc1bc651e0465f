"""A participant's own view: who they are, the event, and where they sit each round."""

from __future__ import annotations

from sqlmodel import Session, select

from app.adapters.database.tables import Event, Person, Registration, Seat
from app.services.errors import NotFound

PUBLIC_PERSON_FIELDS = ("id", "first_name", "last_name", "company", "sector", "pitch")
EVENT_FIELDS = (
    "id", "title", "date", "venue", "format", "table_size", "talk_seconds", "switch_seconds",
    "language", "status", "plan_version",
)  # fmt: skip


def registration_by_token(session: Session, token: str) -> Registration:
    """Find the registration behind a personal link, or answer 404 without a hint."""
    registration = session.exec(select(Registration).where(Registration.token == token)).first()
    if registration is None:
        raise NotFound("this personal link is not valid")
    return registration


def my_itinerary(session: Session, token: str) -> dict:
    """Give a participant their rounds: table, whom they meet, or that they sit out."""
    registration = registration_by_token(session, token)
    event = session.get(Event, registration.event_id)
    me = session.get(Person, registration.person_id)
    my_seats = session.exec(
        select(Seat).where(Seat.event_id == event.id, Seat.person_id == me.id).order_by(Seat.round)
    ).all()
    companions = _companions(session, event.id, my_seats)
    itinerary = [
        {
            "round": seat.round,
            "table": seat.table,
            "with": companions.get(seat.round, []),
            "sitting_out": seat.table is None,
        }
        for seat in my_seats
    ]
    return {
        "person": {**public_person(me), "status": registration.status},
        "event": {name: getattr(event, name) for name in EVENT_FIELDS},
        "itinerary": itinerary,
    }


def public_person(person: Person) -> dict:
    """Show what anyone met may see of a person: no token, no contact details."""
    return {name: getattr(person, name) for name in PUBLIC_PERSON_FIELDS}


def _companions(session: Session, event_id: int, my_seats: list[Seat]) -> dict[int, list[dict]]:
    """Find everyone at my table in each round, in one query."""
    mine = {(seat.round, seat.table) for seat in my_seats if seat.table is not None}
    if not mine:
        return {}
    me = my_seats[0].person_id
    rows = session.exec(
        select(Seat, Person)
        .join(Person, Person.id == Seat.person_id)
        .where(Seat.event_id == event_id, Seat.table.is_not(None), Seat.person_id != me)
        .order_by(Seat.round, Seat.id)
    ).all()
    found: dict[int, list[dict]] = {}
    for seat, person in rows:
        if (seat.round, seat.table) in mine:
            found.setdefault(seat.round, []).append(public_person(person))
    return found
