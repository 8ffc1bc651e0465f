"""Pub/sub for live updates: in memory for one process, through Redis for several workers."""

from app.adapters.hub.base import Hub, HubError, Subscription, SubscriptionClosed
from app.adapters.hub.memory import MemoryHub
from app.adapters.hub.redis import RedisHub

__all__ = [
    "Hub",
    "HubError",
    "MemoryHub",
    "RedisHub",
    "Subscription",
    "SubscriptionClosed",
    "make_hub",
]


def make_hub(redis_url: str | None, *, prefix: str = "tablehop:") -> Hub:
    """Choose Redis when a URL is configured, so several workers can serve one event."""
    return RedisHub(redis_url, prefix=prefix) if redis_url else MemoryHub()
