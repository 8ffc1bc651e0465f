"""A participant's phone: their table, whom they meet and the countdown, from a personal link."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from app.services import itinerary
from app.services.errors import NotFound
from app.web.deps import LiveDep, SessionDep
from app.web.i18n import choose_language, use_language
from app.web.public import event_page_data, not_found_page
from app.web.templating import render
from app.web.why import with_reasons_told

router = APIRouter(include_in_schema=False)
SERVICE_WORKER = Path(__file__).parent.parent / "static" / "js" / "phone_sw.js"


@router.get("/p/sw.js")
def phone_service_worker() -> FileResponse:
    """Serve the phones' service worker from /p/, so its scope covers every personal page."""
    return FileResponse(
        SERVICE_WORKER, media_type="text/javascript", headers={"Cache-Control": "no-cache"}
    )


@router.get("/p/{token}", response_class=HTMLResponse)
def phone(request: Request, token: str, session: SessionDep, live: LiveDep) -> Response:
    """Show a participant's page in `?lang=`, else their browser's, else the event's language."""
    try:
        me = itinerary.my_itinerary(session, token)
    except NotFound:
        return not_found_page(request)
    language = choose_language(
        request.headers.get("accept-language"),
        me["event"]["language"],
        request.query_params.get("lang"),
    )
    data = {**event_page_data(session, live, me["event"]["id"]), "token": token}
    use_language(language)
    context = {"me": with_reasons_told(me), "data": data}
    return render(request, "phone/page.html", context, language=language)
