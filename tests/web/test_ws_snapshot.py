"""Snapshots for connecting clients: shared reads, never older than the caller's subscription."""

from __future__ import annotations

import asyncio
import json
import threading

import pytest

from app.adapters.hub import MemoryHub
from app.domain.clock import ClockState
from app.services.channels import channel
from app.services.clock import ClockChange
from app.services.errors import NotFound
from app.services.live import Live

STATE = ClockState(rounds=3, talk_ms=60_000, switch_ms=15_000)


class SlowReads:
    """Stand in for the database read: count reads, hold the first until released."""

    def __init__(self, changed: bool = False) -> None:
        self.reads = 0
        self.changed = changed
        self.release = threading.Event()

    def __call__(self, event_id: int) -> tuple[ClockChange, None]:
        self.reads += 1
        version = self.reads
        self.release.wait(10)
        return ClockChange(STATE, self.changed, {"round": 0, "version": version}), None


async def until_reading(reads: SlowReads, count: int) -> None:
    """Yield to the loop until `count` reads have started."""
    while reads.reads < count:
        await asyncio.sleep(0.001)


def test_clients_arriving_during_a_read_share_the_next_one() -> None:
    async def scenario() -> None:
        live, reads = Live(MemoryHub(), engine=None), SlowReads()
        live._snapshot_in_db = reads
        first = asyncio.create_task(live.snapshot_messages(1))
        await until_reading(reads, 1)
        # This read may predate their subscriptions: they must wait for one that starts later.
        crowd = [asyncio.create_task(live.snapshot_messages(1)) for _ in range(50)]
        await asyncio.sleep(0.01)
        reads.release.set()
        assert json.loads((await first)[0])["version"] == 1
        versions = {json.loads(messages[0])["version"] for messages in await asyncio.gather(*crowd)}
        assert versions == {2}
        assert reads.reads == 2
        assert live._snapshot_readers == {} and live._snapshot_waiters == {}

    asyncio.run(scenario())


def test_a_transition_made_by_a_snapshot_read_is_published() -> None:
    async def scenario() -> None:
        hub = MemoryHub()
        live, reads = Live(hub, engine=None), SlowReads(changed=True)
        reads.release.set()
        live._snapshot_in_db = reads
        async with hub.subscribe(channel(1)) as watcher:
            [snapshot] = await live.snapshot_messages(1)
            assert json.loads(await watcher.get()) == json.loads(snapshot)

    asyncio.run(scenario())


def test_an_unknown_event_fails_every_waiter() -> None:
    async def scenario() -> None:
        live = Live(MemoryHub(), engine=None)

        def missing(event_id: int) -> tuple[ClockChange, None]:
            raise NotFound("no such event")

        live._snapshot_in_db = missing
        results = await asyncio.gather(
            *(live.snapshot_messages(9) for _ in range(3)), return_exceptions=True
        )
        assert all(isinstance(result, NotFound) for result in results)

    asyncio.run(scenario())


@pytest.mark.parametrize("clients", [1, 20])
def test_a_client_that_leaves_while_waiting_does_not_disturb_the_others(clients: int) -> None:
    async def scenario() -> None:
        live, reads = Live(MemoryHub(), engine=None), SlowReads()
        live._snapshot_in_db = reads
        leaving = asyncio.create_task(live.snapshot_messages(1))
        staying = [asyncio.create_task(live.snapshot_messages(1)) for _ in range(clients)]
        await until_reading(reads, 1)
        leaving.cancel()
        reads.release.set()
        assert len(await asyncio.gather(*staying)) == clients

    asyncio.run(scenario())
