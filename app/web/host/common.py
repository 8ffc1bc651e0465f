"""What every host screen shares: the sign-in guard, the language, and errors shown inline."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from app.adapters.database.tables import Event
from app.services.errors import Conflict, NotFound, TooLarge, Unprocessable
from app.web import i18n
from app.web.auth import is_admin
from app.web.errors import STATUS_OF
from app.web.templating import render

SERVICE_ERRORS = (NotFound, Conflict, TooLarge, Unprocessable, ValidationError)


def require_host(request: Request) -> None:
    """Answer 401 to strangers; an htmx request is also sent back to the sign-in page."""
    if not is_admin(request):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="admin token required",
            headers={"WWW-Authenticate": "Bearer", "HX-Redirect": "/"},
        )


def host_router(prefix: str) -> APIRouter:
    """A router of host-only htmx swaps under an event's host page, kept out of the API schema."""
    return APIRouter(
        prefix=f"/events/{{event_id}}/host{prefix}",
        dependencies=[Depends(require_host)],
        include_in_schema=False,
    )


def sign_in_first(request: Request) -> None:
    """Send a stranger to the sign-in page, before anything of the page is looked up."""
    if not is_admin(request):
        raise HTTPException(status.HTTP_303_SEE_OTHER, headers={"Location": "/"})


def language_for(request: Request, event: Event | None) -> str:
    """Pick `?lang=`, else the browser's language, else the event's."""
    return i18n.choose_language(
        request.headers.get("accept-language"),
        event.language if event is not None else None,
        request.query_params.get("lang"),
    )


def render_host(
    request: Request,
    template: str,
    context: dict[str, Any],
    event: Event | None,
    status_code: int = 200,
) -> HTMLResponse:
    """Render a host page or partial in the host's language, with the event unless given."""
    language = language_for(request, event)
    context = {"event": event, **context}
    return render(request, template, context, language=language, status_code=status_code)


def failure(error: Exception) -> tuple[int, str]:
    """Give the status and the one-line detail the API would answer for this error."""
    if isinstance(error, ValidationError):
        detail = "; ".join(_field_error(e) for e in error.errors())
        return status.HTTP_422_UNPROCESSABLE_CONTENT, detail
    code = next(code for kind, code in STATUS_OF.items() if isinstance(error, kind))
    return code, str(error)


def _field_error(error: Any) -> str:
    where = ".".join(str(part) for part in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message
