"""Create, read and list events."""

from __future__ import annotations

from sqlmodel import Session, select

from app.adapters.database.tables import Event, Series
from app.services.errors import NotFound
from app.services.schemas import EventCreate, EventPublic
from app.services.timekeeping import now_ms


def create_event(session: Session, data: EventCreate) -> EventPublic:
    """Store a new event, starting a series of its own unless it continues one."""
    if data.series_id is not None and session.get(Series, data.series_id) is None:
        raise NotFound(f"series {data.series_id} not found")
    event = Event(**data.model_dump(), created_ms=now_ms())
    if event.series_id is None:
        series = Series(name=data.title)
        session.add(series)
        session.flush()
        event.series_id = series.id
    session.add(event)
    session.commit()
    return to_public(event)


def load_event(session: Session, event_id: int) -> Event:
    """Fetch an event or say plainly that it does not exist."""
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound(f"event {event_id} not found")
    return event


def list_events(session: Session) -> list[EventPublic]:
    """List every event, newest first."""
    events = session.exec(select(Event).order_by(Event.id.desc())).all()
    return [to_public(event) for event in events]


def to_public(event: Event) -> EventPublic:
    """Show an event through the API's shape."""
    return EventPublic.model_validate(event, from_attributes=True)
