"""The clock: host commands, and the state anyone may read."""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, status
from fastapi.responses import JSONResponse

from app.services import clock
from app.web.auth import require_admin
from app.web.deps import LiveDep, PathId, SessionDep

router = APIRouter(tags=["clock"])

STATE_EXAMPLE = {
    "round": 7,
    "rounds": 49,
    "phase": "talk",
    "deadline_ms": 1795000000000,
    "remaining_ms": 64000,
    "server_now_ms": 1794999936000,
    "version": 15,
    "plan_version": 2,
}
Action = Literal["start", "pause", "resume", "next", "undo", "adjust", "finish"]


@router.get(
    "/api/events/{event_id}/state",
    responses={200: {"content": {"application/json": {"example": STATE_EXAMPLE}}}},
)
def get_state(event_id: PathId, session: SessionDep, live: LiveDep) -> dict:
    """Read the countdown, caught up to now; `phase` is lobby, talk, switch, paused or finished."""
    change = clock.catch_up(session, event_id)
    if change.changed:
        live.announce_from_thread(event_id, change.public)
    return change.public


@router.post(
    "/api/events/{event_id}/clock/{action}",
    dependencies=[Depends(require_admin)],
    responses={
        200: {"content": {"application/json": {"example": STATE_EXAMPLE}}},
        409: {"description": "the command does not apply now, or `version` is stale"},
    },
)
def command(
    event_id: PathId,
    action: Action,
    session: SessionDep,
    live: LiveDep,
    version: Annotated[int | None, Query(description="the state version you saw")] = None,
    seconds: Annotated[int | None, Query(ge=-3600, le=3600, description="for adjust")] = None,
) -> dict:
    """Start, pause, resume, next, undo, adjust ±seconds or finish; a doubled command acts once."""
    try:
        change = clock.command(session, event_id, action, version=version, seconds=seconds)
    except clock.StaleCommand as stale:
        return JSONResponse(
            {"detail": str(stale), "state": stale.public}, status_code=status.HTTP_409_CONFLICT
        )
    live.announce_from_thread(event_id, change.public)
    return change.public
