"""A hub shared by several workers through Redis: one pub/sub connection each, local fan-out."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import uuid
from collections import Counter
from contextlib import suppress

from redis import asyncio as aioredis
from redis.asyncio.client import PubSub
from redis.exceptions import RedisError

from app.adapters.hub.base import Hub, HubError

log = logging.getLogger(__name__)


class RedisHub(Hub):
    """Carry every channel over one pattern subscription per process; share presence in Redis.

    Channels are `prefix + channel` in Redis. Each worker keeps a hash field
    `prefix + "presence:" + channel` → {worker: counts by kind}, valid while the worker's
    `prefix + "worker:" + id` key lives (refreshed every third of `presence_ttl`), so a crashed
    worker stops counting within `presence_ttl` seconds. A lost Redis connection is re-established
    with backoff; messages published meanwhile are lost (clients resync from the next state).
    """

    def __init__(
        self,
        url: str,
        *,
        prefix: str = "tablehop:",
        queue_size: int = 8,
        presence_ttl: float = 15.0,
    ) -> None:
        super().__init__(queue_size)
        self.url = url
        self.prefix = prefix
        self.worker = uuid.uuid4().hex
        self._ttl_ms = int(presence_ttl * 1000)
        self._redis: aioredis.Redis | None = None
        self._pubsub: PubSub | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._dirty: set[str] = set()
        self._wake = asyncio.Event()
        self._running = False

    async def connect(self) -> None:
        """Subscribe before returning, so nothing published afterwards is missed."""
        self._redis = aioredis.Redis.from_url(
            self.url, decode_responses=True, client_name=f"tablehop-hub-{self.worker}"
        )
        try:
            self._pubsub = await self._subscribe()
        except (RedisError, OSError) as error:
            raise HubError(f"cannot subscribe to Redis: {error}") from error
        self._running = True
        self._tasks = [
            asyncio.create_task(self._receive(), name="hub-receive"),
            asyncio.create_task(self._share_presence(), name="hub-presence"),
        ]

    async def disconnect(self) -> None:
        """Stop receiving, withdraw this worker's presence and end local subscriptions."""
        # redis-py can swallow a cancellation mid-command: the loops also watch `_running`
        self._running = False
        self._wake.set()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        channels = set(self._local) | self._dirty
        await super().disconnect()
        if self._redis is None:
            return
        with suppress(RedisError, OSError):
            await self._write_presence(channels)
            await self._redis.delete(self._worker_key(self.worker))
        if self._pubsub is not None:
            await self._pubsub.aclose()
        await self._redis.aclose()
        self._redis = self._pubsub = None

    async def publish(self, channel: str, message: str) -> None:
        """Publish through Redis; every worker, this one included, fans it out locally."""
        if self._redis is None:
            raise HubError("the hub is not connected")
        try:
            await self._redis.publish(self.prefix + channel, message)
        except (RedisError, OSError) as error:
            raise HubError(f"cannot publish to Redis: {error}") from error

    async def presence(self, channel: str) -> dict[str, int]:
        """Add up live workers' counts; this worker's own come straight from memory."""
        if self._redis is None:
            return self.counts(channel)
        key = self._presence_key(channel)
        total = Counter(self.counts(channel))
        try:
            shared = {w: c for w, c in (await self._redis.hgetall(key)).items() if w != self.worker}
            alive = await self._redis.mget([self._worker_key(w) for w in shared]) if shared else []
            dead = [worker for worker, flag in zip(shared, alive, strict=True) if not flag]
            if dead:
                await self._redis.hdel(key, *dead)
        except (RedisError, OSError) as error:
            raise HubError(f"cannot read presence from Redis: {error}") from error
        for worker in shared.keys() - dead:
            total.update(json.loads(shared[worker]))
        return dict(total)

    def _presence_changed(self, channel: str) -> None:
        self._dirty.add(channel)
        self._wake.set()

    async def _subscribe(self) -> PubSub:
        assert self._redis is not None
        pubsub = self._redis.pubsub()
        try:
            await pubsub.psubscribe(re.sub(r"([*?\[\]\\])", r"\\\1", self.prefix) + "*")
            async with asyncio.timeout(5):
                while (await pubsub.get_message(timeout=1.0) or {}).get("type") != "psubscribe":
                    pass
        except BaseException:
            await pubsub.aclose()
            raise
        return pubsub

    async def _receive(self) -> None:
        """Hand every message to local subscribers; on connection loss, subscribe anew."""
        delay = 0.1
        while self._running:
            try:
                if self._pubsub is None:
                    self._pubsub = await self._subscribe()
                    delay = 0.1
                async for message in self._pubsub.listen():
                    if message["type"] == "pmessage":
                        self._deliver(message["channel"].removeprefix(self.prefix), message["data"])
            except (RedisError, OSError) as error:
                log.warning("Redis pub/sub lost (%s); retrying in %.1f s", error, delay)
                if self._pubsub is not None:
                    with suppress(RedisError, OSError):
                        await self._pubsub.aclose()
                self._pubsub = None
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def _share_presence(self) -> None:
        """Write local counts when they change, and refresh them before they expire."""
        while self._running:
            self._wake.clear()
            dirty, self._dirty = self._dirty, set()
            try:
                await self._write_presence(dirty | set(self._local))
            except (RedisError, OSError) as error:
                self._dirty |= dirty
                log.warning("cannot share presence in Redis (%s)", error)
            # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancellation
            with suppress(TimeoutError):
                async with asyncio.timeout(self._ttl_ms / 3000):
                    await self._wake.wait()

    async def _write_presence(self, channels: set[str]) -> None:
        assert self._redis is not None
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.set(self._worker_key(self.worker), "1", px=self._ttl_ms)
            for channel in channels:
                key, counts = self._presence_key(channel), self.counts(channel)
                if counts:
                    pipe.hset(key, self.worker, json.dumps(counts))
                    pipe.pexpire(key, self._ttl_ms)
                else:
                    pipe.hdel(key, self.worker)
            await pipe.execute()

    def _presence_key(self, channel: str) -> str:
        return f"{self.prefix}presence:{channel}"

    def _worker_key(self, worker: str) -> str:
        return f"{self.prefix}worker:{worker}"
