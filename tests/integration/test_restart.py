"""A process killed in the middle of a talk comes back to the same round and deadline."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.conftest import ADMIN_TOKEN
from tests.servers import Server, migrate

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def server_env(tmp_path: Path, database_url: str) -> dict[str, str]:
    """Give a server its own data folder and database."""
    return {
        "DATABASE_URL": database_url,
        "TABLEHOP_DATA_DIR": str(tmp_path / "data"),
        "TABLEHOP_ADMIN_TOKEN": ADMIN_TOKEN,
        "REDIS_URL": "",
    }


def start_talk(base: str, people: int = 8) -> int:
    """Create an event with a plan and start round 1; return its id."""
    with httpx.Client(base_url=base, headers=AUTH) as api:
        body = {"title": "Restart test", "talk_seconds": 300, "switch_seconds": 30}
        event_id = api.post("/api/events", json=body).json()["id"]
        for index in range(people):
            person = {
                "first_name": f"P{index}",
                "last_name": f"N{index}",
                "company": f"C{index}",
                "email": f"p{index}@example.fr",
            }
            pid = api.post(f"/api/events/{event_id}/participants", json=person).json()["id"]
            api.post(f"/api/events/{event_id}/participants/{pid}/checkin")
        api.post(f"/api/events/{event_id}/plan").raise_for_status()
        api.post(f"/api/events/{event_id}/clock/start").raise_for_status()
        api.post(f"/api/events/{event_id}/clock/next").raise_for_status()
        api.post(f"/api/events/{event_id}/clock/next").raise_for_status()
    return event_id


def test_sigkill_in_the_middle_of_a_talk_keeps_round_phase_and_deadline(
    tmp_path: Path, empty_database: str
) -> None:
    env = server_env(tmp_path, empty_database)
    migrate(env)
    server = Server(env).start()
    try:
        event_id = start_talk(server.url)
        before = httpx.get(f"{server.url}/api/events/{event_id}/state").json()
        assert (before["phase"], before["round"]) == ("talk", 2)
        server.kill()
        server.start()
        after = httpx.get(f"{server.url}/api/events/{event_id}/state").json()
    finally:
        server.stop()
    assert (after["phase"], after["round"]) == ("talk", 2)
    assert after["deadline_ms"] == before["deadline_ms"]
    assert after["version"] == before["version"]
