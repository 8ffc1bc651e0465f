"""The projector: a public, read-only page that follows the event by itself."""

from __future__ import annotations

import segno
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from app.services import events, grids
from app.services.errors import NotFound
from app.web.deps import LiveDep, PathId, SessionDep, SettingsDep
from app.web.public import event_page_data, not_found_page
from app.web.templating import render

router = APIRouter(tags=["screens"])


@router.get("/events/{event_id}/screen", response_class=HTMLResponse, include_in_schema=False)
def screen(
    request: Request, event_id: PathId, session: SessionDep, live: LiveDep, settings: SettingsDep
) -> Response:
    """Show the projector page in the event's language: lobby, countdown and table grid."""
    try:
        event = events.load_event(session, event_id)
    except NotFound:
        return not_found_page(request)
    join_url = f"{settings.public_url.rstrip('/')}/events/{event_id}/tables"
    context = {
        "event": event,
        "join_url": join_url,
        "join_qr": segno.make(join_url, error="m").svg_inline(border=2, omitsize=True),
        "checked_in": grids.checked_in_count(session, event_id),
        "data": event_page_data(session, live, event_id),
    }
    return render(request, "screen/page.html", context, language=event.language)


@router.get("/events/{event_id}/screen/lobby", tags=["screens"])
def lobby(event_id: PathId, session: SessionDep) -> dict:
    """Count who is checked in, for the projector's lobby."""
    return {"checked_in": grids.checked_in_count(session, event_id)}
