"""The room's public view: who sits where, by name and company, and the tables page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from app.services import clock, events, grids
from app.services.errors import NotFound
from app.services.live import Live
from app.web.deps import LiveDep, PathId, SessionDep
from app.web.i18n import choose_language
from app.web.templating import render

router = APIRouter(tags=["screens"])

GRID_EXAMPLE = {
    "round": 7,
    "plan_version": 2,
    "tables": [
        {
            "table": 1,
            "people": [
                {"first_name": "Émilie", "last_name": "Lefèvre", "company": "SARL Artois Bâtiment"},
                {"first_name": "Julien", "last_name": "Caron", "company": "Caron Transport SAS"},
            ],
        }
    ],
    "sitting_out": [],
}


@router.get(
    "/events/{event_id}/grid",
    responses={200: {"content": {"application/json": {"example": GRID_EXAMPLE}}}},
)
def grid(
    event_id: PathId, session: SessionDep, round: Annotated[int, Query(ge=1, le=2000)] = 1
) -> dict:
    """Show who sits at which table in a round: names and companies only."""
    return grids.round_grid(session, event_id, round)


@router.get("/events/{event_id}/tables", response_class=HTMLResponse, include_in_schema=False)
def tables(request: Request, event_id: PathId, session: SessionDep, live: LiveDep) -> Response:
    """Let anyone in the room find their table for this round and the next by name."""
    try:
        event = events.load_event(session, event_id)
    except NotFound:
        return not_found_page(request)
    language = choose_language(
        request.headers.get("accept-language"), event.language, request.query_params.get("lang")
    )
    context = {"event": event, "data": event_page_data(session, live, event_id)}
    return render(request, "public/tables.html", context, language=language)


def event_page_data(session: Session, live: Live, event_id: int) -> dict:
    """Give a page what its script needs to run the clock: the event's timing and state."""
    event = events.load_event(session, event_id)
    change = clock.catch_up(session, event.id)
    if change.changed:
        live.announce_from_thread(event.id, change.public)
    return {
        "event_id": event.id,
        "talk_ms": event.talk_seconds * 1000,
        "switch_ms": event.switch_seconds * 1000,
        "hold_before_talk": event.hold_before_talk,
        "state": change.public,
    }


def not_found_page(request: Request, language: str | None = None) -> HTMLResponse:
    """Answer an unknown link with a friendly page, not a bare error."""
    return render(
        request,
        "public/not_found.html",
        language=language,
        status_code=status.HTTP_404_NOT_FOUND,
    )
