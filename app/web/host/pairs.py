"""The host's pinned and forbidden pairs: listed, set and removed from the host page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import Form, Request
from fastapi.responses import Response
from sqlmodel import Session

from app.adapters.database.tables import Event
from app.services import pair_rules
from app.web.deps import EventDep, PathId, SessionDep
from app.web.host import views
from app.web.host.common import SERVICE_ERRORS, failure, host_router, render_host

router = host_router("/pairs")


@router.get("")
def show(request: Request, event: EventDep, session: SessionDep) -> Response:
    """Show the pairs the host pinned or forbade, and the form that adds one."""
    return render_host(request, "host/pairs.html", views.pairs_context(session, event.id), event)


@router.post("")
def set_pair(
    request: Request,
    event: EventDep,
    session: SessionDep,
    person_id: Annotated[int, Form()],
    other_id: Annotated[int, Form()],
    kind: Annotated[Literal["must", "never"], Form()],
) -> Response:
    """Pin a pair or forbid it; it applies from the next plan."""
    return _changed(request, event, session, pair_rules.set_rule, person_id, other_id, kind)


@router.post("/{person_id}/{other_id}/remove")
def remove_pair(
    request: Request, event: EventDep, session: SessionDep, person_id: PathId, other_id: PathId
) -> Response:
    """Drop the host's rule on a pair."""
    return _changed(request, event, session, pair_rules.drop_rule, person_id, other_id)


def _changed(
    request: Request, event: Event, session: Session, change: Callable[..., dict], *args: object
) -> Response:
    """Apply a change to the pairs and answer with the panel, its error inline."""
    error, code = None, 200
    try:
        change(session, event.id, *args)
    except SERVICE_ERRORS as failed:
        code, error = failure(failed)
    context = views.pairs_context(session, event.id, error)
    return render_host(request, "host/pairs.html", context, event, code)
