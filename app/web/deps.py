"""Dependency aliases shared by every router."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.adapters.database.engine import session_scope
from app.config import Settings
from app.services.live import Live


def get_session(request: Request) -> Iterator[Session]:
    """Open one database session for the request."""
    yield from session_scope(request.app.state.engine)


def get_settings(request: Request) -> Settings:
    """Hand out the settings the app was created with."""
    return request.app.state.settings


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_live(request: Request) -> Live:
    """Hand out this process's live publisher."""
    return request.app.state.live


LiveDep = Annotated[Live, Depends(get_live)]
