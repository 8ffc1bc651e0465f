"""Events: create, read, list."""

from typing import Annotated

from fastapi import APIRouter, Body, Depends, status

from app.services import editions, events
from app.services.schemas import EventCreate, EventPublic, NextEdition
from app.web.auth import require_admin
from app.web.deps import EventDep, PathId, SessionDep

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
def get_event(event: EventDep) -> EventPublic:
    """Show one event."""
    return events.to_public(event)


@router.post(
    "/{event_id}/next-edition",
    status_code=status.HTTP_201_CREATED,
    response_model=EventPublic,
    responses={404: {"description": "unknown event"}},
)
def next_edition(
    event_id: PathId, session: SessionDep, changes: Annotated[NextEdition | None, Body()] = None
) -> EventPublic:
    """Start the next edition: same settings and members (new links), a plan of new encounters.

    Without a `title`, the title gets the edition number (`… #2`). Its plan keeps apart the pairs
    who met at any edition of the series; see `new_encounters` in the plan's metrics.
    """
    return editions.next_edition(session, event_id, changes or NextEdition())
