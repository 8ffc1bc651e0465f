"""The live panel: clock commands, the countdown, connected screens and the banner."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Form, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError

from app.services import banner, clock
from app.web.api.banner import BannerIn
from app.web.deps import EventDep, LiveDep, SessionDep
from app.web.host import views
from app.web.host.common import SERVICE_ERRORS, failure, host_router, render_host

router = host_router("")
Action = Literal["start", "pause", "resume", "next", "undo", "adjust", "finish"]


@router.get("/live")
def show_live(request: Request, event: EventDep, session: SessionDep) -> Response:
    """Show the round, the phase, the countdown and the buttons that apply now."""
    return render_host(request, "host/live.html", views.live_context(session, event), event)


@router.post("/clock/{action}")
def command(
    request: Request,
    event: EventDep,
    action: Action,
    session: SessionDep,
    live: LiveDep,
    version: Annotated[int | None, Query()] = None,
    seconds: Annotated[int | None, Query(ge=-3600, le=3600)] = None,
) -> Response:
    """Apply a clock command issued against `version`, so a double click acts once."""
    state, error, code = None, None, 200
    try:
        change = clock.command(session, event.id, action, version=version, seconds=seconds)
    except clock.StaleCommand as stale:
        state, code, error = stale.public, 409, "stale"
    except SERVICE_ERRORS as failed:
        code, error = failure(failed)
    else:
        state = change.public
        live.announce_from_thread(event.id, state)
    context = {"clock_error": error, **views.live_context(session, event, state)}
    return render_host(request, "host/live.html", context, event, code)


@router.get("/presence")
def show_presence(
    request: Request, event: EventDep, session: SessionDep, live: LiveDep
) -> Response:
    """Count the screens and phones connected, who has no live phone, and the header's counts."""
    context = {"oob": True, **views.tally_context(session, live.hub, event.id)}
    return render_host(request, "host/presence.html", context, event)


@router.get("/banner")
def show_banner(request: Request, event: EventDep, session: SessionDep) -> Response:
    """Show the message box with the banner on screens now."""
    return render_host(request, "host/banner.html", views.banner_context(session, event.id), event)


@router.post("/banner")
def post_banner(
    request: Request,
    event: EventDep,
    session: SessionDep,
    live: LiveDep,
    text: Annotated[str, Form()] = "",
) -> Response:
    """Show the message box's text on every screen; an empty text clears it."""
    try:
        shown = banner.set_banner(session, event.id, BannerIn(text=text).text)
    except ValidationError as failed:
        code, detail = failure(failed)
        context = {"draft": text, **views.banner_context(session, event.id, detail)}
        return render_host(request, "host/banner.html", context, event, code)
    banner.publish_from_thread(live.hub, event.id, shown)
    return render_host(request, "host/banner.html", views.banner_context(session, event.id), event)
