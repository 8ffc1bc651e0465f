"""The check-in desk: import, add, search, check in, walk-ins with their QR, and departures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import Form, Request, UploadFile
from fastapi.responses import Response
from sqlmodel import Session

from app.services import clock, importing, participants
from app.services.live import Live
from app.services.schemas import ParticipantPublic
from app.web.deps import EventDep, LiveDep, PathId, SessionDep, SettingsDep
from app.web.host import views
from app.web.host.common import SERVICE_ERRORS, failure, host_router, render_host
from app.web.host.forms import PersonForm
from app.web.host.qr import personal_link, qr_svg

router = host_router("/people")
PEOPLE_CHANGED = {"HX-Trigger": "people-changed"}
PRESENCE_CHANGES: dict[str, Callable[[Session, int, int], ParticipantPublic]] = {
    "checkin": participants.check_in,
    "checkout": participants.check_out,
    "leave": participants.leave,
}


@router.get("")
def search(request: Request, event: EventDep, session: SessionDep, q: str = "") -> Response:
    """List the participants matching the search box, as you type."""
    context = views.people_context(session, event.id, q)
    return render_host(request, "host/people_list.html", context, event)


@router.post("/import")
def import_file(
    request: Request, event: EventDep, file: UploadFile, session: SessionDep
) -> Response:
    """Import a spreadsheet export and report each line that was skipped."""
    data = file.file.read(importing.MAX_BYTES + 1)
    try:
        report = importing.import_people(session, event.id, data)
    except SERVICE_ERRORS as error:
        code, detail = failure(error)
        return render_host(request, "host/import.html", {"import_error": detail}, event, code)
    response = render_host(request, "host/import.html", {"report": report}, event)
    response.headers.update(PEOPLE_CHANGED)
    return response


@router.post("")
def add(
    request: Request,
    event: EventDep,
    session: SessionDep,
    live: LiveDep,
    settings: SettingsDep,
    form: Annotated[PersonForm, Form()],
) -> Response:
    """Register one person; the walk-in button also checks them in and shows their QR."""
    try:
        person = participants.add_participant(session, event.id, form.to_create())
        if form.check_in:
            person = _checked_in(session, live, event.id, person.id)
    except SERVICE_ERRORS as error:
        code, detail = failure(error)
        context = {"form": form, "add_error": detail}
        return render_host(request, "host/add.html", context, event, code)
    link = personal_link(settings.public_url, person.token)
    context = {"form": PersonForm(), "added": person, "link": link, "qr": qr_svg(link)}
    response = render_host(request, "host/add.html", context, event)
    response.headers.update(PEOPLE_CHANGED)
    return response


@router.post("/{person_id}/{change}")
def change_presence(
    request: Request,
    event: EventDep,
    person_id: PathId,
    change: Literal["checkin", "checkout", "leave"],
    session: SessionDep,
    live: LiveDep,
) -> Response:
    """Check someone in, undo a mistaken check-in or mark them gone; answer with their row."""
    error, code = None, 200
    try:
        PRESENCE_CHANGES[change](session, event.id, person_id)
    except SERVICE_ERRORS as failed:
        code, error = failure(failed)
    else:
        live.announce_from_thread(event.id, clock.public_state(session, event.id))
    person = participants.to_public(
        *participants.load_participant(session, event.id, person_id), session
    )
    tally = views.tally_context(session, live.hub, event.id)
    context = {"person": person, "row_error": error, **tally}
    response = render_host(request, "host/person_swap.html", context, event, code)
    if code == 200 and event.plan_version > 0:
        response.headers["HX-Trigger"] = "plan-changed"
    return response


@router.get("/{person_id}/qr")
def show_qr(
    request: Request,
    event: EventDep,
    person_id: PathId,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    """Show someone's personal link as a QR code on the laptop screen."""
    person, registration = participants.load_participant(session, event.id, person_id)
    link = personal_link(settings.public_url, registration.token)
    context = {"person": person, "link": link, "qr": qr_svg(link)}
    return render_host(request, "host/qr.html", context, event)


def _checked_in(session: Session, live: Live, event_id: int, person_id: int) -> ParticipantPublic:
    person = participants.check_in(session, event_id, person_id)
    live.announce_from_thread(event_id, clock.public_state(session, event_id))
    return person
