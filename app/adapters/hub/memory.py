"""The default hub: one process, messages handed straight to local subscribers."""

from app.adapters.hub.base import Hub


class MemoryHub(Hub):
    """Fan out within this process; enough for one worker serving the whole event."""

    async def connect(self) -> None:
        """Nothing to connect to."""

    async def publish(self, channel: str, message: str) -> None:
        """Queue the message for every local subscriber without waiting for any of them."""
        self._deliver(channel, message)
