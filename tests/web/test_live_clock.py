"""The clock task of `Live`: a failed catch-up is retried, not dropped."""

from __future__ import annotations

import asyncio
import json

from app.adapters.hub import MemoryHub
from app.domain.clock import ClockState
from app.services.channels import channel
from app.services.clock import ClockChange
from app.services.live import Live


class FailingOnce:
    """Stand in for the catch-up transaction: fail the first time, then make a change."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, event_id: int) -> ClockChange:
        self.calls += 1
        if self.calls == 1:
            raise OSError("database unreachable")
        return ClockChange(ClockState(rounds=3, talk_ms=60_000, switch_ms=15_000), True, {"v": 2})


def test_a_database_hiccup_is_retried_and_the_change_still_published() -> None:
    async def scenario() -> None:
        hub = MemoryHub()
        live, reads = Live(hub, engine=None), FailingOnce()
        live._catch_up_in_db = reads
        async with hub.subscribe(channel(1)) as watcher:
            await live.start()
            live.watch(1)
            try:
                message = await asyncio.wait_for(watcher.get(), timeout=10)
            finally:
                await live.stop()
        assert reads.calls == 2
        assert json.loads(message) == {"type": "state", "v": 2}

    asyncio.run(scenario())
