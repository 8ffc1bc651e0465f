"""Mutual matches: two people who both tapped each other, revealed once the event is over."""

from __future__ import annotations

from sqlmodel import Session, select

from app.adapters.database.tables import Event, Interest, Person
from app.services.errors import Conflict
from app.services.follow_up import SHARED_DETAILS
from app.services.personal_link import registration_by_token
from app.services.schemas import PersonPublic


def revealed(event: Event) -> bool:
    """Tell whether matches may be shown: only once the event is finished."""
    return event.status == "finished"


def mutual_pairs(session: Session, event_id: int) -> list[tuple[int, int]]:
    """List every mutual match of an event once, as (lower id, higher id)."""
    taps = set(
        session.exec(
            select(Interest.from_person, Interest.to_person).where(Interest.event_id == event_id)
        ).all()
    )
    return sorted({(min(a, b), max(a, b)) for a, b in taps if (b, a) in taps})


def my_matches(session: Session, token: str) -> dict:
    """Show my mutual matches after the event; before it, nothing (not even one-sided taps)."""
    registration = registration_by_token(session, token)
    event = session.get(Event, registration.event_id)
    if not revealed(event):
        return {"revealed": False, "matches": []}
    return {"revealed": True, "matches": matches_of(session, event.id, registration.person_id)}


def my_contacts(session: Session, token: str) -> tuple[Event, list[dict]]:
    """Give the event and my matches' shared details, for a vCard; refuse before the end."""
    registration = registration_by_token(session, token)
    event = session.get(Event, registration.event_id)
    if not revealed(event):
        raise Conflict("contacts are shared once the event is finished")
    return event, matches_of(session, event.id, registration.person_id)


def matches_of(session: Session, event_id: int, person_id: int) -> list[dict]:
    """List one person's mutual matches with what each chose to share."""
    pairs = mutual_pairs(session, event_id)
    ids = {b if a == person_id else a for a, b in pairs if person_id in (a, b)}
    if not ids:
        return []
    people = session.exec(
        select(Person).where(Person.id.in_(ids)).order_by(Person.last_name, Person.first_name)
    ).all()
    return [shared_contact(person) for person in people]


def shared_contact(person: Person) -> dict:
    """Show a match: who they are, and only the contact details they chose to share."""
    contact = PersonPublic.model_validate(person).model_dump()
    for detail in SHARED_DETAILS:
        value = getattr(person, detail)
        if value and getattr(person, f"share_{detail}"):
            contact[detail] = value
    return contact
