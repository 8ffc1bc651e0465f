"""The plan panel: generate (or re-plan) and preview the grid with its metrics."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from app.services import clock, planning
from app.web.deps import EventDep, LiveDep, SessionDep
from app.web.host import views
from app.web.host.common import SERVICE_ERRORS, failure, host_router, render_host

router = host_router("/plan")


@router.get("")
def show(request: Request, event: EventDep, session: SessionDep) -> Response:
    """Show the current plan with its metrics and grid."""
    return render_host(request, "host/plan.html", views.plan_context(session, event), event)


@router.post("")
def generate(request: Request, event: EventDep, session: SessionDep, live: LiveDep) -> Response:
    """Generate the plan from who is present (rounds already held stay) and show it."""
    error, code = None, 200
    try:
        planning.generate_plan(session, event.id)
    except SERVICE_ERRORS as failed:
        code, error = failure(failed)
    else:
        live.announce_from_thread(event.id, clock.public_state(session, event.id))
    context = {"plan_error": error, **views.plan_context(session, event)}
    return render_host(request, "host/plan.html", context, event, code)
