"""The host's progress bar while members' texts are being read into vectors."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from app.services import reading
from app.web.deps import EventDep, SessionDep
from app.web.host.common import host_router, render_host

router = host_router("")


@router.get("/reading")
def show_reading(request: Request, event: EventDep, session: SessionDep) -> Response:
    """Count the phrases read; while some are not, see they are being read (after a restart)."""
    read, total = reading.progress(session, event.id)
    if read < total:
        reading.read_soon(session, event.id)
    context = {"event": event, "reading": {"read": read, "total": total}}
    return render_host(request, "host/reading.html", context, event)
