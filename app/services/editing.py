"""Change an event's settings while that is still safe for the rounds already run."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session

from app.services import clock as clock_service
from app.services.errors import Conflict
from app.services.events import load_event, to_public
from app.services.schemas import EventCreate, EventPublic

ALWAYS_EDITABLE = ("title", "date", "venue", "language")
PLAN_SETTINGS = ("format", "table_size", "rounds", "avoid_same_club")
TIMING = ("talk_seconds", "switch_seconds", "hold_before_talk")


def update_event(session: Session, event_id: int, data: EventCreate) -> tuple[EventPublic, bool]:
    """Save new settings; tell whether the existing plan no longer follows them."""
    event = load_event(session, event_id)
    changed = {
        name
        for name in ALWAYS_EDITABLE + PLAN_SETTINGS + TIMING
        if getattr(data, name) != getattr(event, name)
    }
    if event.status != "draft" and changed - set(ALWAYS_EDITABLE):
        raise Conflict("the event has started: only its title, date, venue and language can change")
    for name in changed:
        setattr(event, name, getattr(data, name))
    session.add(event)
    if changed & set(TIMING):
        _retime_lobby_clock(session, event)
    session.commit()
    return to_public(event), event.plan_version > 0 and bool(changed & set(PLAN_SETTINGS))


def _retime_lobby_clock(session: Session, event) -> None:
    """Give a stored lobby clock the new talk and change-over times."""
    state, row_version = clock_service.load_state(session, event)
    if row_version is None:
        return
    retimed = replace(
        state,
        talk_ms=event.talk_seconds * 1000,
        switch_ms=event.switch_seconds * 1000,
        hold_before_talk=event.hold_before_talk,
        version=state.version + 1,
    )
    clock_service.replace_state(session, event, retimed, row_version)
