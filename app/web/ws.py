"""The live feed: a state snapshot on connect, every change after it, and ping/pong for offsets."""

from __future__ import annotations

import json
from collections.abc import Coroutine
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, WebSocket, WebSocketDisconnect, status
from starlette.types import Send

from app.adapters.hub import base as hub
from app.services import presence
from app.services.channels import channel
from app.services.errors import NotFound
from app.services.timekeeping import now_ms
from app.web.deps import PathId
from app.web.server_send import SERVER_SEND

router = APIRouter()

MAX_CLIENT_MESSAGE = 512
KINDS = {"screen", "phone", "host", "public"}


@router.websocket("/ws/events/{event_id}")
async def event_feed(
    websocket: WebSocket, event_id: PathId, kind: str = "phone", token: str | None = None
) -> None:
    """Feed one screen: the snapshot and banner, then each change; answer pings with the time.

    A phone passing `?token=` (its personal token) is counted as that participant's live phone.
    """
    app = websocket.app
    if not _origin_allowed(websocket.headers.get("origin"), app.state.settings.public_url):
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    live = app.state.live
    kind = kind if kind in KINDS else "phone"
    owner = await live.phone_owner(event_id, token) if kind == "phone" and token else None
    label = presence.phone_label(owner) if kind == "phone" else kind
    # Subscribe before reading the snapshot, so no change can fall between the two.
    async with live.hub.subscribe(channel(event_id), label) as sub:
        try:
            snapshot = await live.snapshot_messages(event_id)
        except NotFound:
            await websocket.close(code=4404, reason="event not found")
            return
        await websocket.accept()
        live.watch(event_id)
        for message in snapshot:
            await websocket.send_text(message)
        sub.push_to(_text_sender(websocket.scope[SERVER_SEND]))
        await _answer_pings(websocket)


async def _answer_pings(websocket: WebSocket) -> None:
    """Answer `{"type":"ping","t":…}` with the server time until the client leaves."""
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
            if message.get("text") is None:
                # The protocol is text only; a binary frame gets the standard refusal.
                await websocket.close(code=status.WS_1003_UNSUPPORTED_DATA)
                return
            reply = _pong(message["text"])
            if reply is not None:
                await websocket.send_text(reply)
    except (WebSocketDisconnect, RuntimeError):
        pass


def _text_sender(send: Send) -> hub.Send:
    """Send text frames through the server's own `send`, the cheapest path per client."""

    def send_text(text: str) -> Coroutine[Any, Any, None]:
        return send({"type": "websocket.send", "text": text})

    return send_text


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
    try:
        # A `t` of NaN or 1e400 would be echoed as JSON that browsers cannot parse.
        return json.dumps(reply, separators=(",", ":"), allow_nan=False)
    except ValueError:
        return None


def _origin_allowed(origin: str | None, public_url: str) -> bool:
    """Accept clients without an Origin (scripts) and pages served from our public URL."""
    if origin is None:
        return True
    mine, theirs = urlsplit(public_url), urlsplit(origin)
    return (mine.scheme, mine.netloc) == (theirs.scheme, theirs.netloc)
