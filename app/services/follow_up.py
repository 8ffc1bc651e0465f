"""Follow-up taps on people met, and which contact details a participant shares."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, or_, select

from app.adapters.database.tables import Interest, Meeting, Person, Registration
from app.services.errors import Conflict, Unprocessable
from app.services.personal_link import registration_by_token
from app.services.schemas import PersonPublic
from app.services.timekeeping import now_ms

SHARED_DETAILS = ("email", "phone", "website")


def follow_up(session: Session, token: str, person_id: int) -> dict:
    """Record that I want to follow up with someone I met; tapping twice counts once."""
    me = registration_by_token(session, token)
    _check_met(session, me, person_id)
    if _interest(session, me, person_id) is None:
        session.add(
            Interest(
                event_id=me.event_id,
                from_person=me.person_id,
                to_person=person_id,
                created_ms=now_ms(),
            )
        )
        try:
            session.commit()
        except IntegrityError:  # the same tap from a second request won the race: same result
            session.rollback()
    return {"person_id": person_id, "interested": True}


def drop_follow_up(session: Session, token: str, person_id: int) -> dict:
    """Take back a follow-up tap; taking back one never made is fine."""
    me = registration_by_token(session, token)
    session.exec(
        delete(Interest).where(
            Interest.event_id == me.event_id,
            Interest.from_person == me.person_id,
            Interest.to_person == person_id,
        )
    )
    session.commit()
    return {"person_id": person_id, "interested": False}


def my_follow_ups(session: Session, token: str) -> list[dict]:
    """List the people I tapped, as anyone who met them sees them."""
    me = registration_by_token(session, token)
    people = session.exec(
        select(Person)
        .join(Interest, Interest.to_person == Person.id)
        .where(Interest.event_id == me.event_id, Interest.from_person == me.person_id)
        .order_by(Person.last_name, Person.first_name)
    ).all()
    return [PersonPublic.model_validate(person).model_dump() for person in people]


def met_ids(session: Session, event_id: int, person_id: int) -> set[int]:
    """List whom a person met in the rounds held so far."""
    rows = session.exec(
        select(Meeting.person_a, Meeting.person_b).where(
            Meeting.event_id == event_id,
            or_(Meeting.person_a == person_id, Meeting.person_b == person_id),
        )
    ).all()
    return {b if a == person_id else a for a, b in rows}


def my_sharing(session: Session, token: str) -> dict[str, bool]:
    """Tell which details I share with my mutual matches."""
    me = registration_by_token(session, token)
    return _sharing(session.get(Person, me.person_id))


def set_sharing(session: Session, token: str, choices: dict[str, bool | None]) -> dict[str, bool]:
    """Choose which details my mutual matches get; a detail left out keeps its setting."""
    me = registration_by_token(session, token)
    person = session.get(Person, me.person_id)
    for detail in SHARED_DETAILS:
        if choices.get(detail) is not None:
            setattr(person, f"share_{detail}", choices[detail])
    session.add(person)
    session.commit()
    return _sharing(person)


def _sharing(person: Person) -> dict[str, bool]:
    return {detail: getattr(person, f"share_{detail}") for detail in SHARED_DETAILS}


def _check_met(session: Session, me: Registration, person_id: int) -> None:
    """Refuse a tap on myself, or on anyone I have not sat with in a held round."""
    if person_id == me.person_id:
        raise Unprocessable("you cannot follow up with yourself")
    if person_id not in met_ids(session, me.event_id, me.person_id):
        raise Conflict(f"you have not met participant {person_id} at this event yet")


def _interest(session: Session, me: Registration, person_id: int) -> Interest | None:
    return session.exec(
        select(Interest).where(
            Interest.event_id == me.event_id,
            Interest.from_person == me.person_id,
            Interest.to_person == person_id,
        )
    ).first()
