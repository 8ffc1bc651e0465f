"""Security headers on every HTTP response: a strict CSP, no framing, no sniffing, no referrer.

Every page loads its scripts and styles from files (`/static`), so the policy allows no inline
script or style; data for scripts travels in `<script type="application/json">` blocks, which
browsers never run. Responses hold tokens and contacts, so only static files may be cached.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = "; ".join(
    (
        "default-src 'self'",
        "img-src 'self' data:",  # the blank favicon is a data: URL
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
# FastAPI's API explorer is an inline script loading its bundle from a CDN; it shows no data.
EXPLORER_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net",
        "style-src 'self' https://cdn.jsdelivr.net",
        "img-src 'self' data: https://fastapi.tiangolo.com",
        "frame-ancestors 'none'",
    )
)
EXPLORER_PATHS = ("/docs", "/redoc")
ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",  # the phone page's address carries its owner's token
}


class SecurityHeaders:
    """ASGI middleware: add the headers to each HTTP response that does not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = headers_for(scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def headers_for(path: str) -> dict[str, str]:
    """Choose the headers of one path: static files may be cached, nothing else."""
    explorer = path in EXPLORER_PATHS or path.startswith("/docs/")
    headers = {"Content-Security-Policy": EXPLORER_POLICY if explorer else POLICY, **ALWAYS}
    if not path.startswith("/static/"):
        headers["Cache-Control"] = "no-store"
    return headers
