"""Who is registered for an event, and the clubs' names: the reads many use cases start from."""

from __future__ import annotations

from sqlmodel import Session, select

from app.adapters.database.tables import Club, Person, Registration


def registered(session: Session, event_id: int) -> list[tuple[Person, Registration]]:
    """List everyone registered for an event with their registration, by last then first name."""
    return session.exec(
        select(Person, Registration)
        .join(Registration, Registration.person_id == Person.id)
        .where(Registration.event_id == event_id)
        .order_by(Person.last_name, Person.first_name, Person.id)
    ).all()


def club_names(session: Session) -> dict[int, str]:
    """Name every club by its id."""
    return {club.id: club.name for club in session.exec(select(Club)).all()}
