"""Who is registered, who is present, and the clubs' names: the reads many use cases start from."""

from __future__ import annotations

from collections.abc import Iterable

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


def present(session: Session, event_id: int) -> list[Person]:
    """List the people checked in at an event and not gone, by id."""
    return session.exec(
        select(Person)
        .join(Registration, Registration.person_id == Person.id)
        .where(Registration.event_id == event_id, Registration.status == "present")
        .order_by(Person.id)
    ).all()


def people_by_id(session: Session, ids: Iterable[int]) -> dict[int, Person]:
    """Fetch the people with these ids in one query."""
    wanted = set(ids)
    if not wanted:
        return {}
    return {p.id: p for p in session.exec(select(Person).where(Person.id.in_(wanted))).all()}


def club_names(session: Session) -> dict[int, str]:
    """Name every club by its id."""
    return {club.id: club.name for club in session.exec(select(Club)).all()}
