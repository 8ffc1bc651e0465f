"""Register, import, check in and let go the participants of an event."""

from __future__ import annotations

import secrets

from sqlmodel import Session, select

from app.adapters.database.roster import club_names, registered
from app.adapters.database.tables import Event, Person, Registration
from app.services import planning, reading
from app.services.errors import Conflict, NotFound
from app.services.events import load_event
from app.services.people import upsert_people
from app.services.schemas import ParticipantCreate, ParticipantPublic
from app.services.timekeeping import now_ms


def new_token() -> str:
    """Mint a personal link token: 192 random bits, URL-safe."""
    return secrets.token_urlsafe(24)


def add_participant(session: Session, event_id: int, data: ParticipantCreate) -> ParticipantPublic:
    """Register one person (found by e-mail or created) for the event."""
    event = load_event(session, event_id)
    [(person, _)] = upsert_people(session, [data.model_dump()])
    if _registration(session, event.id, person.id) is not None:
        session.rollback()
        raise Conflict(f"{data.email} is already registered for this event")
    registration = register(session, event, person)
    session.commit()
    reading.read_soon(session, event.id)
    return to_public(person, registration, session)


def register(session: Session, event: Event, person: Person) -> Registration:
    """Give a person a registration and personal token for the event."""
    registration = Registration(event_id=event.id, person_id=person.id, token=new_token())
    session.add(registration)
    return registration


def list_participants(session: Session, event_id: int) -> list[ParticipantPublic]:
    """List an event's participants by last then first name."""
    load_event(session, event_id)
    clubs = club_names(session)
    return [to_public(person, reg, session, clubs) for person, reg in registered(session, event_id)]


def check_in(session: Session, event_id: int, person_id: int) -> ParticipantPublic:
    """Mark someone present; arriving after the plan exists makes them a walk-in."""
    event = load_event(session, event_id)
    person, registration = load_participant(session, event_id, person_id)
    if registration.status != "present":
        _change(
            session,
            event,
            registration,
            status="present",
            checked_in_ms=now_ms(),
            left_ms=None,
            walk_in=registration.walk_in or event.plan_version > 0,
        )
    return to_public(person, registration, session)


def check_out(session: Session, event_id: int, person_id: int) -> ParticipantPublic:
    """Undo a check-in made by mistake, while no round has started."""
    event = load_event(session, event_id)
    person, registration = load_participant(session, event_id, person_id)
    if registration.status != "present":
        raise Conflict(f"{person.first_name} {person.last_name} is not checked in")
    if event.status != "draft":
        raise Conflict("the event has started: mark them gone instead")
    _change(session, event, registration, status="registered", checked_in_ms=None)
    return to_public(person, registration, session)


def leave(session: Session, event_id: int, person_id: int) -> ParticipantPublic:
    """Mark someone gone: they keep their history but get no more meetings."""
    event = load_event(session, event_id)
    person, registration = load_participant(session, event_id, person_id)
    if registration.status == "gone":
        raise Conflict(f"{person.first_name} {person.last_name} has already left")
    _change(session, event, registration, status="gone", left_ms=now_ms())
    return to_public(person, registration, session)


def _change(session: Session, event: Event, registration: Registration, **changes) -> None:
    """Store a presence change and re-plan the rounds not started; if no plan fits, undo it."""
    previous = {name: getattr(registration, name) for name in changes}
    _set(session, registration, changes)
    if event.plan_version == 0:
        return
    try:
        planning.replan_if_planned(session, event)
    except Conflict:
        _set(session, registration, previous)
        raise


def _set(session: Session, registration: Registration, values: dict) -> None:
    for name, value in values.items():
        setattr(registration, name, value)
    session.add(registration)
    session.commit()


def load_participant(
    session: Session, event_id: int, person_id: int
) -> tuple[Person, Registration]:
    """Fetch a participant of this event or say plainly that there is none."""
    registration = _registration(session, event_id, person_id)
    if registration is None:
        raise NotFound(f"participant {person_id} not found in event {event_id}")
    return session.get(Person, person_id), registration


def _registration(session: Session, event_id: int, person_id: int) -> Registration | None:
    return session.exec(
        select(Registration).where(
            Registration.event_id == event_id, Registration.person_id == person_id
        )
    ).first()


def to_public(
    person: Person,
    registration: Registration,
    session: Session,
    clubs: dict[int, str] | None = None,
) -> ParticipantPublic:
    """Show a participant through the API's shape."""
    clubs = clubs if clubs is not None else club_names(session)
    return ParticipantPublic(
        id=person.id,
        token=registration.token,
        first_name=person.first_name,
        last_name=person.last_name,
        company=person.company,
        club=clubs.get(person.club_id),
        sector=person.sector,
        email=person.email,
        phone=person.phone,
        website=person.website,
        pitch=person.pitch,
        offers=person.offers,
        needs=person.needs,
        status=registration.status,
        walk_in=registration.walk_in,
        checked_in_ms=registration.checked_in_ms,
    )
