"""Two processes behind Redis serve one event: commands and automatic changes reach everyone."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import pytest
import redis
from sqlmodel import Session, select
from websockets.sync.client import connect

from app.adapters.database.engine import make_engine
from app.adapters.database.tables import Meeting
from tests.conftest import skip_or_fail
from tests.integration.test_restart import AUTH, server_env
from tests.servers import Server, migrate

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def redis_url() -> str:
    """Use the local Redis, or say why not."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except redis.RedisError as error:
        skip_or_fail(f"Redis at {REDIS_URL} is not reachable: {error.__class__.__name__}")
    return REDIS_URL


def states(socket, until, timeout: float = 10.0) -> dict:
    """Read state messages until one satisfies `until`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = json.loads(socket.recv(timeout=deadline - time.monotonic()))
        if message.get("type") == "state" and until(message):
            return message
    raise AssertionError("no matching state arrived")


@pytest.mark.redis
def test_two_workers_share_commands_transitions_and_record_meetings_once(
    tmp_path: Path, empty_database: str, redis_url: str
) -> None:
    env = {**server_env(tmp_path, empty_database), "REDIS_URL": redis_url}
    migrate(env)
    first, second = Server(env).start(), Server(env).start()
    try:
        with httpx.Client(base_url=first.url, headers=AUTH) as api:
            body = {"title": "Two workers", "talk_seconds": 300, "switch_seconds": 1}
            event_id = api.post("/api/events", json=body).json()["id"]
            for index in range(6):
                person = {
                    "first_name": f"P{index}",
                    "last_name": f"N{index}",
                    "email": f"w{index}@example.fr",
                }
                pid = api.post(f"/api/events/{event_id}/participants", json=person).json()["id"]
                api.post(f"/api/events/{event_id}/participants/{pid}/checkin")
            api.post(f"/api/events/{event_id}/plan").raise_for_status()
        ws = f"/ws/events/{event_id}"
        with (
            connect(first.url.replace("http", "ws") + ws) as on_first,
            connect(second.url.replace("http", "ws") + ws) as on_second,
        ):
            states(on_first, lambda s: s["phase"] == "lobby")
            states(on_second, lambda s: s["phase"] == "lobby")
            started = httpx.post(f"{second.url}/api/events/{event_id}/clock/start", headers=AUTH)
            version = started.json()["version"]
            httpx.post(
                f"{first.url}/api/events/{event_id}/clock/next",
                params={"version": version},
                headers=AUTH,
            ).raise_for_status()
            # The change-over lasts one second; both workers wake, one stores round 2's talk.
            for socket in (on_first, on_second):
                talk = states(socket, lambda s: s["phase"] == "talk" and s["round"] == 2)
                assert talk["rounds"] == 5
    finally:
        first.stop()
        second.stop()
    engine = make_engine(empty_database)
    with Session(engine) as session:
        rounds = [m.round for m in session.exec(select(Meeting)).all()]
    engine.dispose()
    assert sorted(rounds) == [1, 1, 1, 2, 2, 2]
