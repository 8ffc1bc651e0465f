"""The next edition of an event: same settings, same members, new encounters."""

from __future__ import annotations

import re

from sqlmodel import Session, func, select

from app.adapters.database.tables import Event, Person, Registration
from app.services.events import load_event, to_public
from app.services.participants import register
from app.services.schemas import EventPublic, NextEdition
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
    event = Event(
        **{name: getattr(source, name) for name in COPIED},
        title=changes.title or f"{EDITION_SUFFIX.sub('', source.title)} #{editions + 1}",
        date=changes.date,
        venue=changes.venue or source.venue,
        created_ms=now_ms(),
    )
    session.add(event)
    session.flush()
    for person in _members(session, source.id):
        register(session, event, person)
    session.commit()
    return to_public(event)


def _members(session: Session, event_id: int) -> list[Person]:
    """List everyone registered for an event, whether they came or not."""
    return session.exec(
        select(Person)
        .join(Registration, Registration.person_id == Person.id)
        .where(Registration.event_id == event_id)
        .order_by(Person.id)
    ).all()
