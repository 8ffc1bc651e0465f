"""Dependency aliases shared by every router."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from sqlmodel import Session

from app.adapters.database.engine import session_scope
from app.adapters.database.tables import Event
from app.config import Settings
from app.services.events import load_event
from app.services.live import Live


def get_session(request: Request) -> Iterator[Session]:
    """Open one database session for the request."""
    yield from session_scope(request.app.state.engine)


def get_settings(request: Request) -> Settings:
    """Hand out the settings the app was created with."""
    return request.app.state.settings


# Ids are 64-bit in every database: a larger one is refused here, before a driver overflows on it.
PathId = Annotated[int, Path(ge=1, le=2**63 - 1)]
SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_live(request: Request) -> Live:
    """Hand out this process's live publisher."""
    return request.app.state.live


LiveDep = Annotated[Live, Depends(get_live)]


def get_event(event_id: PathId, session: SessionDep) -> Event:
    """Load the event the path names, or answer 404 before the route runs."""
    return load_event(session, event_id)


EventDep = Annotated[Event, Depends(get_event)]
