"""The host's progress bar while members' texts are being read into vectors."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.services import reading
from app.services.events import load_event
from app.web.deps import PathId, SessionDep
from app.web.host.common import render_host, require_host

router = APIRouter(
    prefix="/events/{event_id}/host",
    dependencies=[Depends(require_host)],
    include_in_schema=False,
)


@router.get("/reading")
def show_reading(request: Request, event_id: PathId, session: SessionDep) -> Response:
    """Count the phrases read; while some are not, see they are being read (after a restart)."""
    event = load_event(session, event_id)
    read, total = reading.progress(session, event_id)
    if read < total:
        reading.read_soon(session, event_id)
    context = {"event": event, "reading": {"read": read, "total": total}}
    return render_host(request, "host/reading.html", context, event)
