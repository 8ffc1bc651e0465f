"""Keep this process's screens current: publish every change once, wake at each deadline."""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress

import anyio
from sqlalchemy import Engine
from sqlmodel import Session

from app.adapters.hub.base import Hub, HubError
from app.domain import clock
from app.services import banner, presence
from app.services import clock as clock_service
from app.services.channels import channel, state_message
from app.services.timekeeping import now_ms

log = logging.getLogger("tablehop.live")


class Live:
    """Publish state changes and run the automatic transitions this process's clients await."""

    def __init__(self, hub: Hub, engine: Engine) -> None:
        self.hub = hub
        self.engine = engine
        self._wakeups: dict[int, int] = {}
        self._poked = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._snapshot_waiters: dict[int, list[asyncio.Future[list[str]]]] = {}
        self._phone_owners: dict[int, dict[str, int]] = {}
        self._snapshot_readers: dict[int, asyncio.Task[None]] = {}

    async def start(self) -> None:
        """Start waking at deadlines (application start-up)."""
        self._task = asyncio.create_task(self._run(), name="tablehop-clock")

    async def stop(self) -> None:
        """Stop waking (application shutdown)."""
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task

    async def announce(self, event_id: int, public: dict) -> None:
        """Publish a new state and wake at its deadline; the change is already stored.

        The state says when it next changes, so no read follows to learn it: a read would
        compete with the fan-out for the processor while the phones are still receiving.
        """
        self._wake_at(event_id, public["deadline_ms"])
        await self._publish(event_id, public)

    async def _publish(self, event_id: int, public: dict) -> None:
        """Publish, logging a hub failure: screens resynchronise from the stored state."""
        try:
            await self.hub.publish(channel(event_id), state_message(public))
        except HubError:
            log.exception("could not publish the state of event %s", event_id)

    async def snapshot_messages(self, event_id: int) -> list[str]:
        """Give the serialised current state (and banner) to a client that has subscribed.

        Clients connecting together share database reads: a caller waits for the next read
        that starts after it asked (never one already under way, which could predate its
        subscription), so each read serves everyone who arrived while the previous one ran.
        A reconnecting crowd costs a handful of reads instead of one per client.
        """
        future: asyncio.Future[list[str]] = asyncio.get_running_loop().create_future()
        self._snapshot_waiters.setdefault(event_id, []).append(future)
        if event_id not in self._snapshot_readers:
            reader = asyncio.create_task(self._read_snapshots(event_id), name="tablehop-snapshot")
            self._snapshot_readers[event_id] = reader
        return await future

    async def _read_snapshots(self, event_id: int) -> None:
        """Read the state once per batch of waiters until nobody waits; share each result."""
        waiters: list[asyncio.Future[list[str]]] = []
        try:
            while waiters := self._snapshot_waiters.pop(event_id, []):
                try:
                    change, shown = await anyio.to_thread.run_sync(self._snapshot_in_db, event_id)
                except Exception as error:  # NotFound, or the database: each waiter decides
                    for waiter in waiters:
                        if not waiter.done():
                            waiter.set_exception(error)
                    continue
                if change.changed:  # this read made an automatic transition: tell everyone
                    await self._publish(event_id, change.public)
                messages = [state_message(change.public)]
                if shown is not None:
                    messages.append(banner.banner_message(shown))
                for waiter in waiters:
                    if not waiter.done():
                        waiter.set_result(messages)
        finally:
            del self._snapshot_readers[event_id]
            for waiter in waiters + self._snapshot_waiters.pop(event_id, []):
                waiter.cancel()

    def announce_from_thread(self, event_id: int, public: dict) -> None:
        """Publish from a plain `def` route running in the thread pool."""
        anyio.from_thread.run(self.announce, event_id, public)

    def watch(self, event_id: int) -> None:
        """Make sure this process wakes at the event's next deadline: read it at once."""
        self._wake_at(event_id, 0)

    async def _run(self) -> None:
        while True:
            due = [e for e, at in self._wakeups.items() if at <= now_ms()]
            for event_id in due:
                await self._catch_up(event_id)
            await self._sleep_until_next()

    async def _catch_up(self, event_id: int) -> None:
        """Advance one event to now; publish if this process made the change."""
        try:
            change = await anyio.to_thread.run_sync(self._catch_up_in_db, event_id)
        except Exception:  # a database hiccup must not stop the clock of every event
            log.exception("catching up event %s failed; retrying in 1 s", event_id)
            self._wake_at(event_id, now_ms() + 1000)
            return
        if change.changed:
            await self._publish(event_id, change.public)
        self._wake_at(event_id, clock.next_wakeup_ms(change.state))

    def _wake_at(self, event_id: int, wake: int | None) -> None:
        """Wake for the event at `wake` (epoch ms), or not at all when its clock is stopped."""
        if wake is None:
            self._wakeups.pop(event_id, None)
        else:
            self._wakeups[event_id] = wake
        self._poked.set()

    async def phone_owner(self, event_id: int, token: str) -> int | None:
        """Tell whose phone a token is; the event's tokens are read once, again on a miss."""
        owners = self._phone_owners.get(event_id, {})
        if token not in owners:
            owners = await anyio.to_thread.run_sync(self._tokens_in_db, event_id)
            self._phone_owners[event_id] = owners
        return owners.get(token)

    def _tokens_in_db(self, event_id: int) -> dict[str, int]:
        with Session(self.engine) as session:
            return presence.phone_owners(session, event_id)

    def _snapshot_in_db(self, event_id: int) -> tuple[clock_service.ClockChange, dict | None]:
        with Session(self.engine, expire_on_commit=False) as session:
            change = clock_service.catch_up(session, event_id)
            return change, banner.current_banner(session, event_id)

    def _catch_up_in_db(self, event_id: int) -> clock_service.ClockChange:
        with Session(self.engine, expire_on_commit=False) as session:
            return clock_service.catch_up(session, event_id)

    async def _sleep_until_next(self) -> None:
        self._poked.clear()
        delay = (min(self._wakeups.values()) - now_ms()) / 1000 if self._wakeups else 3600
        with suppress(TimeoutError):
            await asyncio.wait_for(self._poked.wait(), timeout=max(0.0, delay))
