"""Events: create, read, list."""

from fastapi import APIRouter, Depends, status

from app.services import events
from app.services.schemas import EventCreate, EventPublic
from app.web.auth import require_admin
from app.web.deps import SessionDep

router = APIRouter(prefix="/api/events", tags=["events"], dependencies=[Depends(require_admin)])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=EventPublic)
def create_event(data: EventCreate, session: SessionDep) -> EventPublic:
    """Create an event; its plan and clock come later."""
    return events.create_event(session, data)


@router.get("", response_model=list[EventPublic])
def list_events(session: SessionDep) -> list[EventPublic]:
    """List every event, newest first."""
    return events.list_events(session)


@router.get("/{event_id}", response_model=EventPublic)
def get_event(event_id: int, session: SessionDep) -> EventPublic:
    """Show one event."""
    return events.to_public(events.load_event(session, event_id))
