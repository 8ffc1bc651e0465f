"""The live feed: a state snapshot on connect, every change after it, and ping/pong for offsets."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import urlsplit

import anyio
from fastapi import APIRouter, WebSocket, WebSocketDisconnect, status
from sqlmodel import Session

from app.services import banner, clock, presence
from app.services.errors import NotFound
from app.services.live import channel, state_message
from app.services.timekeeping import now_ms

router = APIRouter()

MAX_CLIENT_MESSAGE = 512
KINDS = {"screen", "phone", "host", "public"}


@router.websocket("/ws/events/{event_id}")
async def event_feed(
    websocket: WebSocket, event_id: int, kind: str = "phone", token: str | None = None
) -> None:
    """Feed one screen: the snapshot and banner, then each change; answer pings with the time.

    A phone passing `?token=` (its personal token) is counted as that participant's live phone.
    """
    app = websocket.app
    if not _origin_allowed(websocket.headers.get("origin"), app.state.settings.public_url):
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    kind = kind if kind in KINDS else "phone"
    phone_token = token if kind == "phone" else None
    try:
        snapshot, shown, owner = await anyio.to_thread.run_sync(
            _snapshot, app.state.engine, event_id, phone_token
        )
    except NotFound:
        await websocket.close(code=4404, reason="event not found")
        return
    await websocket.accept()
    live = app.state.live
    label = presence.phone_label(owner) if kind == "phone" else kind
    async with live.hub.subscribe(channel(event_id), label) as sub:
        live.watch(event_id)
        sending = asyncio.Lock()
        await websocket.send_text(state_message(snapshot))
        if shown is not None:
            await websocket.send_text(banner.banner_message(shown))
        async with anyio.create_task_group() as group:
            group.start_soon(_forward, websocket, sub, sending, group.cancel_scope)
            group.start_soon(_answer_pings, websocket, sending, group.cancel_scope)


def _snapshot(engine, event_id: int, token: str | None) -> tuple[dict, dict | None, int | None]:
    """Read the state, the banner on show and whose phone this is, in one session."""
    with Session(engine, expire_on_commit=False) as session:
        public = clock.catch_up(session, event_id).public
        shown = banner.current_banner(session, event_id)
        return public, shown, presence.phone_owner(session, event_id, token)


async def _forward(websocket: WebSocket, sub, sending: asyncio.Lock, scope) -> None:
    """Pass every published message on, as it was serialised."""
    try:
        async for message in sub:
            async with sending:
                await websocket.send_text(message)
    except (WebSocketDisconnect, RuntimeError):
        pass
    scope.cancel()


async def _answer_pings(websocket: WebSocket, sending: asyncio.Lock, scope) -> None:
    """Answer `{"type":"ping","t":…}` with the server time; end when the client leaves."""
    try:
        while True:
            text = await websocket.receive_text()
            reply = _pong(text)
            if reply is not None:
                async with sending:
                    await websocket.send_text(reply)
    except (WebSocketDisconnect, RuntimeError):
        pass
    scope.cancel()


def _pong(text: str) -> str | None:
    if len(text) > MAX_CLIENT_MESSAGE:
        return None
    try:
        message = json.loads(text)
    except ValueError:
        return None
    if not isinstance(message, dict) or message.get("type") != "ping":
        return None
    reply = {"type": "pong", "t": message.get("t"), "server_now_ms": now_ms()}
    return json.dumps(reply, separators=(",", ":"))


def _origin_allowed(origin: str | None, public_url: str) -> bool:
    """Accept clients without an Origin (scripts) and pages served from our public URL."""
    if origin is None:
        return True
    mine, theirs = urlsplit(public_url), urlsplit(origin)
    return (mine.scheme, mine.netloc) == (theirs.scheme, theirs.netloc)
