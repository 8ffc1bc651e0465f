"""The front door: sign in with the admin token, then the list of events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.services import events
from app.web.auth import COOKIE_MAX_AGE_S, COOKIE_NAME, is_admin, session_cookie, token_matches
from app.web.deps import SessionDep, SettingsDep
from app.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def index(request: Request, session: SessionDep) -> Response:
    """Show the events to a signed-in host, the sign-in form to anyone else."""
    if not is_admin(request):
        return render(request, "index/signin.html", {"error": None})
    context = {"events": events.list_events(session)}
    return render(request, "index/events.html", context)


@router.post("/login")
def login(request: Request, token: Annotated[str, Form()], settings: SettingsDep) -> Response:
    """Exchange the admin token for a signed, HttpOnly, SameSite session cookie."""
    admin_token = request.app.state.admin_token
    if not token_matches(token.strip(), admin_token):
        return render(
            request,
            "index/signin.html",
            {"error": "wrong_token"},
            status_code=status.HTTP_401_UNAUTHORIZED,
        )
    response = RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        COOKIE_NAME,
        session_cookie(admin_token),
        max_age=COOKIE_MAX_AGE_S,
        httponly=True,
        samesite="lax",
        secure=settings.public_url.startswith("https://"),
    )
    return response


@router.post("/logout")
def logout() -> Response:
    """Forget the host session."""
    response = RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(COOKIE_NAME)
    return response
