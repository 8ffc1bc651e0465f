"""The hub's interface: publish a serialised message once, fan it out to local subscribers."""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any

from app.adapters.hub import eager

Send = Callable[[str], Coroutine[Any, Any, None]]


class HubError(Exception):
    """Report that a message could not be published (e.g. Redis is unreachable)."""


class SubscriptionClosed(Exception):
    """Tell a reader that its hub has disconnected and no message will follow."""


class Subscription:
    """One subscriber's bounded mailbox: a full mailbox drops its oldest message, never blocks.

    Read it (`async for message in sub`), or have each message pushed (`push_to`).
    """

    def __init__(self, channel: str, kind: str, size: int) -> None:
        self.channel = channel
        self.kind = kind
        self.dropped = 0
        self._messages: deque[str] = deque(maxlen=size)
        self._ready = asyncio.Event()
        self._closed = False
        self._send: Send | None = None
        self._sending: asyncio.Future[None] | None = None

    def put(self, message: str) -> None:
        """Queue a message without waiting; the newest state supersedes the oldest."""
        if self._closed:
            return
        if len(self._messages) == self._messages.maxlen:
            self.dropped += 1
        self._messages.append(message)
        if self._send is None:
            self._ready.set()
        elif self._sending is None:
            self._push()

    def push_to(self, send: Send) -> None:
        """Send every message from now on by calling `send` at once, in the publisher's frame.

        No reader task wakes per message, which is most of the cost of a fan-out; a send that
        has to wait (a slow client) holds back only this subscriber's later messages, which
        wait in the mailbox, newest kept. A failing send ends the subscription.
        """
        self._send = send
        self._push()

    def close(self) -> None:
        """End the subscription once the queued messages are read."""
        self._closed = True
        self._ready.set()

    async def get(self) -> str:
        """Wait for the next message; raise SubscriptionClosed when the hub has gone."""
        while not self._messages:
            if self._closed:
                raise SubscriptionClosed(self.channel)
            self._ready.clear()
            await self._ready.wait()
        return self._messages.popleft()

    def __aiter__(self) -> AsyncIterator[str]:
        return self

    async def __anext__(self) -> str:
        try:
            return await self.get()
        except SubscriptionClosed:
            raise StopAsyncIteration from None

    def _push(self) -> None:
        """Send queued messages in order until one has to wait or none is left."""
        assert self._send is not None
        while self._sending is None and self._messages and not self._closed:
            try:
                self._sending = eager.start(self._send(self._messages.popleft()))
            except Exception:  # the client has gone: nothing more can reach it
                self.close()
                return
            if self._sending is not None:
                self._sending.add_done_callback(self._sent)

    def _sent(self, sending: asyncio.Future[None]) -> None:
        self._sending = None
        if sending.cancelled() or sending.exception() is not None:
            self.close()
        else:
            self._push()


class Hub(ABC):
    """Publish to channels and keep this process's subscribers; backends carry messages across.

    `publish` takes a message already serialised once by the caller; every local subscriber
    receives that same string. Use `async with hub.subscribe(channel, kind) as sub` and
    `async for message in sub`; leaving the block unsubscribes, even on cancellation.
    """

    def __init__(self, queue_size: int = 8) -> None:
        self.queue_size = queue_size
        self._local: dict[str, set[Subscription]] = {}

    @abstractmethod
    async def connect(self) -> None:
        """Get ready to publish and receive (called once, at application start-up)."""

    @abstractmethod
    async def publish(self, channel: str, message: str) -> None:
        """Send one serialised message to every subscriber of the channel, on every worker."""

    async def disconnect(self) -> None:
        """Close every local subscription so their readers stop (at application shutdown)."""
        for subscriptions in self._local.values():
            for subscription in subscriptions:
                subscription.close()
        self._local.clear()

    @asynccontextmanager
    async def subscribe(self, channel: str, kind: str = "client") -> AsyncIterator[Subscription]:
        """Receive the channel's messages for the duration of the block, labelled by `kind`."""
        subscription = Subscription(channel, kind, self.queue_size)
        self._local.setdefault(channel, set()).add(subscription)
        self._presence_changed(channel)
        try:
            yield subscription
        finally:
            self._remove(subscription)

    def counts(self, channel: str) -> dict[str, int]:
        """Count this process's subscribers of a channel by kind."""
        return dict(Counter(sub.kind for sub in self._local.get(channel, ())))

    async def presence(self, channel: str) -> dict[str, int]:
        """Count a channel's subscribers by kind across every worker sharing this hub."""
        return self.counts(channel)

    def _deliver(self, channel: str, message: str) -> None:
        for subscription in self._local.get(channel, ()):
            subscription.put(message)

    def _remove(self, subscription: Subscription) -> None:
        subscriptions = self._local.get(subscription.channel, set())
        subscriptions.discard(subscription)
        if not subscriptions:
            self._local.pop(subscription.channel, None)
        self._presence_changed(subscription.channel)

    def _presence_changed(self, channel: str) -> None:  # noqa: B027 (an optional hook)
        """Let a backend share the new local counts; a single process has nothing to share."""
