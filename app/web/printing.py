"""Printed sheets for the day: badges with personal QR codes, schedules and table cards."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from app.services import schedules
from app.services.events import to_public
from app.web.deps import EventDep, SessionDep, SettingsDep
from app.web.host.common import render_host, sign_in_first
from app.web.host.qr import personal_link, qr_svg

router = APIRouter(include_in_schema=False)

Section = Literal["badges", "schedules", "tables"]
SECTIONS: tuple[Section, ...] = ("badges", "schedules", "tables")
BADGES_PER_PAGE = 8


@router.get(
    "/events/{event_id}/print", response_class=HTMLResponse, dependencies=[Depends(sign_in_first)]
)
def print_sheets(
    request: Request,
    event: EventDep,
    session: SessionDep,
    settings: SettingsDep,
    what: Annotated[list[Section] | None, Query()] = None,
) -> Response:
    """Lay out A4 sheets; `?what=badges|schedules|tables` (repeatable) picks the sections."""
    chosen = [section for section in SECTIONS if section in (what or SECTIONS)]
    sheets = schedules.printout(session, event.id)
    badges = [
        (person, qr_svg(personal_link(settings.public_url, token), scale=4))
        for person, token in sheets.people
    ]
    context = {
        "event": to_public(event),
        "chosen": chosen,
        "sections": SECTIONS,
        "badge_pages": [
            badges[i : i + BADGES_PER_PAGE] for i in range(0, len(badges), BADGES_PER_PAGE)
        ],
        "people": [person for person, _ in sheets.people if person.id in sheets.schedules],
        "schedules": sheets.schedules,
        "tables": sheets.tables,
    }
    return render_host(request, "print/page.html", context, event)
