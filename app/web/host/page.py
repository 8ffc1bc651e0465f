"""The host panel: the page itself, creating an event and editing its settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.services import clock, editing, events
from app.web.deps import EventDep, LiveDep, SessionDep
from app.web.host import views
from app.web.host.common import SERVICE_ERRORS, failure, render_host, require_host, sign_in_first
from app.web.host.forms import EventForm

router = APIRouter(include_in_schema=False)


@router.get("/events/new", response_class=HTMLResponse, dependencies=[Depends(sign_in_first)])
def new_event(request: Request) -> Response:
    """Show the form that creates an event."""
    return render_host(request, "host/new.html", {"form": EventForm(), "error": None}, None)


@router.post("/events", dependencies=[Depends(require_host)])
def create_event(
    request: Request, session: SessionDep, form: Annotated[EventForm, Form()]
) -> Response:
    """Create an event from the form, then open its host panel."""
    try:
        created = events.create_event(session, form.to_create())
    except SERVICE_ERRORS as error:
        code, detail = failure(error)
        return render_host(request, "host/new.html", {"form": form, "error": detail}, None, code)
    return RedirectResponse(f"/events/{created.id}/host", status_code=status.HTTP_303_SEE_OTHER)


@router.get(
    "/events/{event_id}/host", response_class=HTMLResponse, dependencies=[Depends(sign_in_first)]
)
def host_page(request: Request, event: EventDep, session: SessionDep, live: LiveDep) -> Response:
    """Show the whole host panel: settings, participants, plan, live controls and screens."""
    public = events.to_public(event)
    context = {
        "event": public,
        "form": EventForm.of(public),
        **views.people_context(session, event.id),
        **views.tally_context(session, live.hub, event.id),
        **views.plan_context(session, event),
        **views.live_context(session, event),
        **views.banner_context(session, event.id),
        **views.pairs_context(session, event.id),
    }
    return render_host(request, "host/page.html", context, event)


@router.post("/events/{event_id}/host/settings", dependencies=[Depends(require_host)])
def save_settings(
    request: Request,
    event: EventDep,
    session: SessionDep,
    live: LiveDep,
    form: Annotated[EventForm, Form()],
) -> Response:
    """Save the settings form and answer with it, saying whether to re-plan."""
    context: dict = {"event": events.to_public(event), "form": form, "saved": False}
    try:
        updated, stale_plan = editing.update_event(session, event.id, form.to_create())
    except SERVICE_ERRORS as error:
        code, context["settings_error"] = failure(error)
        return render_host(request, "host/settings.html", context, event, code)
    live.announce_from_thread(event.id, clock.public_state(session, event.id))
    context.update(event=updated, form=EventForm.of(updated), saved=True, stale_plan=stale_plan)
    return render_host(request, "host/settings.html", context, event)
