"""Who may drive the event: a bearer token for the API, a signed cookie for host pages."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request, status
from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE_NAME = "tablehop_host"
COOKIE_MAX_AGE_S = 7 * 24 * 3600


def _serializer(admin_token: str) -> URLSafeTimedSerializer:
    # Signed with the admin token itself: changing the token signs every host out.
    return URLSafeTimedSerializer(admin_token, salt="tablehop-host-session")


def token_matches(given: str | None, admin_token: str) -> bool:
    """Compare in constant time so the token cannot be guessed byte by byte."""
    return given is not None and hmac.compare_digest(given.encode(), admin_token.encode())


def session_cookie(admin_token: str) -> str:
    """Make the value of the host's signed session cookie."""
    return _serializer(admin_token).dumps("host")


def cookie_is_valid(value: str | None, admin_token: str) -> bool:
    """Accept a host cookie we signed, younger than its maximum age."""
    if not value:
        return False
    try:
        return _serializer(admin_token).loads(value, max_age=COOKIE_MAX_AGE_S) == "host"
    except BadSignature:
        return False


def is_admin(request: Request) -> bool:
    """Tell whether the request carries the admin token or a valid host cookie."""
    admin_token = request.app.state.admin_token
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token_matches(credentials.strip(), admin_token):
        return True
    return cookie_is_valid(request.cookies.get(COOKIE_NAME), admin_token)


def require_admin(request: Request) -> None:
    """Stop any request that is not the organiser's with a 401."""
    if not is_admin(request):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="admin token required",
            headers={"WWW-Authenticate": "Bearer"},
        )
