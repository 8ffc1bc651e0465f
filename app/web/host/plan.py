"""The plan panel: generate (or re-plan) and preview the grid with its metrics."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.services import clock, planning
from app.services.events import load_event
from app.web.deps import LiveDep, PathId, SessionDep
from app.web.host import views
from app.web.host.common import SERVICE_ERRORS, failure, render_host, require_host

router = APIRouter(
    prefix="/events/{event_id}/host/plan",
    dependencies=[Depends(require_host)],
    include_in_schema=False,
)


@router.get("")
def show(request: Request, event_id: PathId, session: SessionDep) -> Response:
    """Show the current plan with its metrics and grid."""
    event = load_event(session, event_id)
    context = {"event": event, **views.plan_context(session, event_id)}
    return render_host(request, "host/plan.html", context, event)


@router.post("")
def generate(request: Request, event_id: PathId, session: SessionDep, live: LiveDep) -> Response:
    """Generate the plan from who is present (rounds already held stay) and show it."""
    error, code = None, 200
    try:
        planning.generate_plan(session, event_id)
    except SERVICE_ERRORS as failed:
        code, error = failure(failed)
    else:
        live.announce_from_thread(event_id, clock.public_state(session, event_id))
    event = load_event(session, event_id)
    context = {"event": event, "plan_error": error, **views.plan_context(session, event_id)}
    return render_host(request, "host/plan.html", context, event, code)
