"""The hub's behaviour, the same in memory and across two Redis-connected workers."""

import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import anyio
import pytest
import redis

from app.adapters.hub import Hub, HubError, MemoryHub, RedisHub, SubscriptionClosed, make_hub

REDIS_URL = os.environ.get("TABLEHOP_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
CHANNEL = "event:1"
# A worker in a process of its own, watching CHANNEL from one screen until it is killed.
WORKER = """
import asyncio, sys
from app.adapters.hub import RedisHub

async def watch(url, prefix, channel):
    hub = RedisHub(url, prefix=prefix, presence_ttl=1.0)
    await hub.connect()
    async with hub.subscribe(channel, "screen"):
        await asyncio.Event().wait()

asyncio.run(watch(*sys.argv[1:]))
"""


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def redis_or_skip() -> redis.Redis:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    return client


@asynccontextmanager
async def two_redis_workers() -> AsyncIterator[tuple[RedisHub, RedisHub]]:
    """Start two workers of one deployment, under a prefix of their own."""
    client = redis_or_skip()
    prefix = f"test-hub-{uuid.uuid4().hex}:"
    hubs = [RedisHub(REDIS_URL, prefix=prefix, queue_size=4, presence_ttl=1.0) for _ in "ab"]
    for hub in hubs:
        await hub.connect()
    yield hubs[0], hubs[1]
    for hub in hubs:
        await hub.disconnect()
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)


@pytest.fixture
async def redis_workers() -> AsyncIterator[tuple[RedisHub, RedisHub]]:
    async with two_redis_workers() as hubs:
        yield hubs


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
async def workers(request) -> AsyncIterator[tuple[Hub, Hub]]:
    """A publisher's hub and a subscriber's hub: the same one in memory, two through Redis."""
    if request.param == "redis":
        async with two_redis_workers() as hubs:
            yield hubs
        return
    hub = MemoryHub(queue_size=4)
    await hub.connect()
    yield hub, hub
    await hub.disconnect()


async def receive(subscription) -> str:
    with anyio.fail_after(2):
        return await subscription.get()


async def until(condition: Callable[[], bool]) -> None:
    with anyio.fail_after(2):
        while not condition():
            await anyio.sleep(0.01)


async def eventually(probe: Callable[[], Awaitable[object]], expected: object) -> None:
    with anyio.fail_after(5):
        while await probe() != expected:
            await anyio.sleep(0.02)


@pytest.mark.anyio
async def test_a_publish_reaches_subscribers_on_every_worker(workers):
    a, b = workers
    async with a.subscribe(CHANNEL) as here, b.subscribe(CHANNEL) as there:
        await a.publish(CHANNEL, '{"type":"state"}')
        assert await receive(here) == await receive(there) == '{"type":"state"}'


@pytest.mark.anyio
async def test_subscribers_of_one_worker_share_the_one_serialised_message(workers):
    a, b = workers
    async with b.subscribe(CHANNEL) as first, b.subscribe(CHANNEL) as second:
        await a.publish(CHANNEL, "x" * 1000)
        assert await receive(first) is await receive(second)


@pytest.mark.anyio
async def test_messages_stay_on_their_channel(workers):
    a, b = workers
    async with b.subscribe("event:2") as other, b.subscribe(CHANNEL) as mine:
        await a.publish(CHANNEL, "mine")
        await a.publish("event:2", "theirs")
        assert await receive(mine) == "mine"
        assert await receive(other) == "theirs"  # "mine", had it crossed, would come first


@pytest.mark.anyio
async def test_a_slow_subscriber_delays_nobody_and_ends_with_the_newest_messages(workers):
    a, b = workers
    async with b.subscribe(CHANNEL) as slow, b.subscribe(CHANNEL) as fast:
        for n in range(20):
            await a.publish(CHANNEL, str(n))
            assert await receive(fast) == str(n)
        kept = [await receive(slow) for _ in range(b.queue_size)]
    assert kept == ["16", "17", "18", "19"]
    assert slow.dropped == 16


@pytest.mark.anyio
async def test_pushed_messages_arrive_in_order_without_a_reader(workers):
    a, b = workers
    sent = []

    async def send(message: str) -> None:
        sent.append(message)

    async with b.subscribe(CHANNEL) as subscription:
        subscription.push_to(send)
        for n in range(5):
            await a.publish(CHANNEL, str(n))
        await until(lambda: len(sent) == 5)
    assert sent == ["0", "1", "2", "3", "4"]


@pytest.mark.anyio
async def test_a_slow_push_holds_back_only_its_own_subscriber_and_keeps_the_newest(workers):
    a, b = workers
    slow_sent, fast_sent, gate = [], [], anyio.Event()

    async def slow(message: str) -> None:
        await gate.wait()
        slow_sent.append(message)

    async def fast(message: str) -> None:
        fast_sent.append(message)

    async with b.subscribe(CHANNEL) as held, b.subscribe(CHANNEL) as free:
        held.push_to(slow)
        free.push_to(fast)
        for n in range(20):
            await a.publish(CHANNEL, str(n))
        await until(lambda: len(fast_sent) == 20)
        assert slow_sent == []
        gate.set()
        await until(lambda: len(slow_sent) == 1 + b.queue_size)
    assert fast_sent == [str(n) for n in range(20)]
    assert slow_sent == ["0", "16", "17", "18", "19"]
    assert held.dropped == 15


@pytest.mark.anyio
async def test_a_failing_push_ends_the_subscription(workers):
    a, b = workers
    tried = []

    async def broken(message: str) -> None:
        tried.append(message)
        raise ConnectionResetError("the client has gone")

    async with b.subscribe(CHANNEL) as subscription, b.subscribe(CHANNEL) as witness:
        subscription.push_to(broken)
        await a.publish(CHANNEL, "first")
        await a.publish(CHANNEL, "second")
        # one pass offers a message to every local subscriber: once the witness has both, so has
        # the broken one
        assert [await receive(witness) for _ in "ab"] == ["first", "second"]
        with pytest.raises(SubscriptionClosed):
            await subscription.get()
    assert tried == ["first"]


@pytest.mark.anyio
async def test_counts_label_local_subscribers_by_kind(workers):
    _, b = workers
    async with b.subscribe(CHANNEL, "screen"), b.subscribe(CHANNEL, "screen"):
        async with b.subscribe(CHANNEL, "host"):
            assert b.counts(CHANNEL) == {"screen": 2, "host": 1}
        assert b.counts(CHANNEL) == {"screen": 2}
    assert b.counts(CHANNEL) == {}


@pytest.mark.anyio
async def test_presence_adds_up_every_worker(workers):
    a, b = workers
    async with a.subscribe(CHANNEL, "screen"), b.subscribe(CHANNEL, "screen"):
        async with b.subscribe(CHANNEL, "host"):
            await eventually(lambda: a.presence(CHANNEL), {"screen": 2, "host": 1})
        await eventually(lambda: a.presence(CHANNEL), {"screen": 2})
    await eventually(lambda: a.presence(CHANNEL), {})


@pytest.mark.anyio
async def test_leaving_the_block_unsubscribes(workers):
    a, b = workers
    async with b.subscribe(CHANNEL) as gone:
        pass
    async with b.subscribe(CHANNEL) as staying:
        assert b.counts(CHANNEL) == {"client": 1}
        await a.publish(CHANNEL, "after")
        assert await receive(staying) == "after"
    assert b.counts(CHANNEL) == {}
    with anyio.move_on_after(0):  # a message handed to `gone` with it would be waiting now
        await gone.get()
        pytest.fail("a subscription left behind still receives")


@pytest.mark.anyio
async def test_a_cancelled_reader_unsubscribes(workers):
    _, b = workers
    with anyio.move_on_after(0.05):
        async with b.subscribe(CHANNEL, "phone") as subscription:
            await subscription.get()
    assert b.counts(CHANNEL) == {}


@pytest.mark.anyio
async def test_disconnect_ends_every_subscription(workers):
    a, b = workers
    received = []
    async with b.subscribe(CHANNEL) as subscription:
        await a.publish(CHANNEL, "last")
        await receive(subscription)
        await b.disconnect()
        async for message in subscription:
            received.append(message)
        with pytest.raises(SubscriptionClosed):
            await subscription.get()
    assert received == []


@pytest.mark.anyio
@pytest.mark.redis
async def test_a_crashed_worker_stops_counting_after_the_presence_ttl(redis_workers):
    a, _ = redis_workers
    crashing = subprocess.Popen([sys.executable, "-c", WORKER, REDIS_URL, a.prefix, CHANNEL])
    try:
        await eventually(lambda: a.presence(CHANNEL), {"screen": 1})
    finally:
        crashing.kill()  # SIGKILL: no more refreshes, no clean-up
        crashing.wait()
    await eventually(lambda: a.presence(CHANNEL), {})


@pytest.mark.anyio
@pytest.mark.redis
async def test_the_hub_resubscribes_after_losing_its_redis_connection(redis_workers):
    a, b = redis_workers
    admin = redis_or_skip()
    async with b.subscribe(CHANNEL) as subscription:
        ours = [
            client["id"]
            for client in admin.client_list()
            if client["name"] == f"tablehop-hub-{b.worker}" and client["psub"] != "0"
        ]
        assert len(ours) == 1
        admin.client_kill_filter(_id=ours[0])
        with anyio.fail_after(10):
            while True:
                await a.publish(CHANNEL, "back")
                with anyio.move_on_after(0.2):
                    assert await subscription.get() == "back"
                    break


@pytest.mark.anyio
async def test_an_unreachable_redis_is_a_hub_error():
    hub = RedisHub("redis://127.0.0.1:1/0")
    with pytest.raises(HubError):
        await hub.connect()
    with pytest.raises(HubError):
        await hub.publish(CHANNEL, "lost")


def test_make_hub_chooses_redis_only_when_configured():
    assert isinstance(make_hub(None), MemoryHub)
    assert isinstance(make_hub("redis://127.0.0.1:6379/0"), RedisHub)
