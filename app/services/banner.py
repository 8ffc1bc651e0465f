"""The message the host posts to every screen: stored on the event, published on its channel."""

from __future__ import annotations

import json
import logging

import anyio
from sqlmodel import Session

from app.adapters.hub.base import Hub, HubError
from app.services.events import load_event
from app.services.live import channel
from app.services.timekeeping import now_ms

MAX_LENGTH = 280
log = logging.getLogger("tablehop.banner")


def set_banner(session: Session, event_id: int, text: str) -> dict:
    """Store the banner (blank clears it) and return the message every screen receives."""
    event = load_event(session, event_id)
    event.banner = text.strip() or None
    event.banner_ms = now_ms()
    session.add(event)
    session.commit()
    return banner_of(event.banner, event.banner_ms)


def current_banner(session: Session, event_id: int) -> dict | None:
    """Give the banner on show, or None when there is none."""
    event = load_event(session, event_id)
    return banner_of(event.banner, event.banner_ms) if event.banner else None


def banner_of(text: str | None, at_ms: int | None) -> dict:
    """Shape a banner as the websocket carries it."""
    return {"type": "banner", "text": text or "", "at_ms": at_ms}


def banner_message(banner: dict) -> str:
    """Serialise a banner once, for every subscriber alike."""
    return json.dumps(banner, separators=(",", ":"))


def publish_from_thread(hub: Hub, event_id: int, banner: dict) -> None:
    """Publish a stored banner from a plain `def` route; a hub failure is logged, not raised."""
    anyio.from_thread.run(_publish, hub, event_id, banner_message(banner))


async def _publish(hub: Hub, event_id: int, message: str) -> None:
    try:
        await hub.publish(channel(event_id), message)
    except HubError:
        log.exception("could not publish the banner of event %s", event_id)
