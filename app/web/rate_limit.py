"""Slow down guessing: too many failed sign-ins or unknown tokens from one address get a 429.

Only failures count, so a room full of phones behind one venue address, loading their pages
and reconnecting after a Wi-Fi drop, is never limited. Once an address has failed too often,
its attempts of that kind are refused until the window moves on, so guessing gains nothing.
Counts live in memory, or in Redis when the app runs several workers (`REDIS_URL`).
"""

from __future__ import annotations

import json
import math
import time

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

FAILURES_ALLOWED: dict[str, RateLimitItem] = {
    "sign-in": parse("10/minute"),  # the sign-in form's wrong admin tokens
    "bearer": parse("10/minute"),  # API calls with a wrong admin token
    "token": parse("30/minute"),  # phone pages and personal API calls with an unknown token
}
FAILED_STATUS = {"sign-in": 401, "bearer": 401, "token": 404}
PERSONAL_PREFIXES = ("/p/", "/api/me/")


def make_storage(redis_url: str | None) -> Storage:
    """Keep the counts where every worker sees them: in Redis if there is one."""
    if redis_url:
        return RedisStorage(f"async+{redis_url}", implementation="redispy", key_prefix="tablehop")
    return MemoryStorage()


class RateLimits:
    """ASGI middleware: count failed attempts per client address and refuse past the limit."""

    def __init__(self, app: ASGIApp, redis_url: str | None = None) -> None:
        self.app = app
        self.limiter = MovingWindowRateLimiter(make_storage(redis_url))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = attempt_kind(scope) if scope["type"] == "http" else None
        if kind is None:
            await self.app(scope, receive, send)
            return
        limit, address = FAILURES_ALLOWED[kind], (scope.get("client") or ("?",))[0]
        if not await self.limiter.test(limit, kind, address):
            stats = await self.limiter.get_window_stats(limit, kind, address)
            await _too_many(send, max(1, math.ceil(stats.reset_time - time.time())))
            return
        status = 0

        async def watch_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, watch_status)
        if status == FAILED_STATUS[kind]:
            await self.limiter.hit(limit, kind, address)


def attempt_kind(scope: Scope) -> str | None:
    """Name the kind of credential a request tries, if any."""
    path = scope["path"]
    if path == "/login" and scope["method"] == "POST":
        return "sign-in"
    if path.startswith(PERSONAL_PREFIXES):
        return "token"
    authorization = dict(scope["headers"]).get(b"authorization", b"")
    return "bearer" if authorization[:7].lower() == b"bearer " else None


async def _too_many(send: Send, retry_after_s: int) -> None:
    """Answer 429 in the API's usual `{"detail"}` shape, saying when to try again."""
    body = json.dumps({"detail": f"too many failed attempts: retry in {retry_after_s} s"})
    headers = [
        (b"content-type", b"application/json"),
        (b"retry-after", str(retry_after_s).encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body.encode()})
