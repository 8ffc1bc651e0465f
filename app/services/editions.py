"""The next edition of an event: same settings, same members, new encounters."""

from __future__ import annotations

import re

from pydantic import ValidationError
from sqlmodel import Session, func, select

from app.adapters.database.tables import Event, Person, Registration
from app.services.errors import Unprocessable
from app.services.events import load_event, to_public
from app.services.participants import register
from app.services.schemas import TITLE_MAX, EventCreate, EventPublic, NextEdition
from app.services.timekeeping import now_ms

COPIED = (
    "format", "table_size", "talk_seconds", "switch_seconds", "rounds", "avoid_same_club",
    "hold_before_talk", "language", "series_id",
)  # fmt: skip
EDITION_SUFFIX = re.compile(r"\s+#\d+$")


def next_edition(session: Session, event_id: int, changes: NextEdition) -> EventPublic:
    """Copy an event's settings into a new edition of its series and register its members."""
    source = load_event(session, event_id)
    editions = session.exec(
        select(func.count()).select_from(Event).where(Event.series_id == source.series_id)
    ).one()
    settings = _checked(
        {name: getattr(source, name) for name in COPIED},
        title=changes.title or edition_title(source.title, editions + 1),
        date=changes.date,
        venue=changes.venue or source.venue,
    )
    event = Event(**settings.model_dump(), created_ms=now_ms())
    session.add(event)
    session.flush()
    for person in _members(session, source.id):
        register(session, event, person)
    session.commit()
    return to_public(event)


def edition_title(title: str, number: int) -> str:
    """Number an edition, shortening the base title so the whole stays within the limit."""
    suffix = f" #{number}"
    base = EDITION_SUFFIX.sub("", title)[: TITLE_MAX - len(suffix)].rstrip()
    return base + suffix


def _checked(copied: dict, **changed) -> EventCreate:
    """Validate the new edition as a new event would be, before anything is written."""
    try:
        return EventCreate.model_validate({**copied, **changed})
    except ValidationError as error:
        wrong = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise Unprocessable(f"the next edition would be invalid: {wrong}") from error


def _members(session: Session, event_id: int) -> list[Person]:
    """List everyone registered for an event, whether they came or not."""
    return session.exec(
        select(Person)
        .join(Registration, Registration.person_id == Person.id)
        .where(Registration.event_id == event_id)
        .order_by(Person.id)
    ).all()
