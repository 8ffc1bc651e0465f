"""The countdown through the API: commands act once, the state is shared by everyone."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.adapters.database.engine import make_engine
from app.adapters.database.tables import Meeting
from app.config import Settings
from tests.web.helpers import planned_event


def clock(admin: TestClient, event_id: int, action: str, **params):
    """Send one clock command."""
    return admin.post(f"/api/events/{event_id}/clock/{action}", params=params)


def test_state_starts_in_the_lobby_with_the_plan_rounds(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, _ = planned_event(admin, people=6)
    state = anonymous.get(f"/api/events/{event_id}/state").json()
    assert (state["phase"], state["round"], state["rounds"]) == ("lobby", 0, 5)
    assert state["plan_version"] == 1
    assert set(state) >= {"deadline_ms", "remaining_ms", "server_now_ms", "version"}


def test_start_begins_round_one_with_a_deadline(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    state = clock(admin, event_id, "start").json()
    assert (state["phase"], state["round"]) == ("talk", 1)
    assert state["deadline_ms"] - state["server_now_ms"] == 60_000


def test_a_doubled_next_acts_once(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    started = clock(admin, event_id, "start").json()
    first = clock(admin, event_id, "next", version=started["version"])
    second = clock(admin, event_id, "next", version=started["version"])
    assert first.status_code == 200
    assert (first.json()["phase"], first.json()["round"]) == ("switch", 2)
    assert second.status_code == 409
    assert second.json()["state"]["version"] == first.json()["version"]
    assert admin.get(f"/api/events/{event_id}/state").json()["round"] == 2


def test_pause_keeps_the_remaining_time_and_resume_restores_it(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    clock(admin, event_id, "start")
    paused = clock(admin, event_id, "pause").json()
    assert paused["phase"] == "paused"
    assert 59_000 <= paused["remaining_ms"] <= 60_000
    resumed = clock(admin, event_id, "resume").json()
    assert resumed["phase"] == "talk"
    assert resumed["deadline_ms"] - resumed["server_now_ms"] <= paused["remaining_ms"]


def test_adjust_moves_the_deadline(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    started = clock(admin, event_id, "start").json()
    later = clock(admin, event_id, "adjust", seconds=30).json()
    assert later["deadline_ms"] == started["deadline_ms"] + 30_000


def test_a_command_that_does_not_apply_is_a_409(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    response = clock(admin, event_id, "pause")
    assert response.status_code == 409
    assert "lobby" in response.json()["detail"]


def test_adjust_without_seconds_is_a_422(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    clock(admin, event_id, "start")
    assert clock(admin, event_id, "adjust").status_code == 422


def test_an_unknown_command_is_a_422(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    assert clock(admin, event_id, "rewind").status_code == 422


def test_the_state_of_an_unknown_event_is_404(anonymous: TestClient) -> None:
    assert anonymous.get("/api/events/999/state").status_code == 404


def test_meetings_are_recorded_once_when_the_talk_starts(
    admin: TestClient, settings: Settings
) -> None:
    event_id, _ = planned_event(admin, people=6)
    clock(admin, event_id, "start")
    admin.get(f"/api/events/{event_id}/state")
    engine = make_engine(settings.sqlalchemy_url)
    with Session(engine) as session:
        meetings = session.exec(select(Meeting).where(Meeting.event_id == event_id)).all()
    engine.dispose()
    assert [m.round for m in meetings] == [1, 1, 1]


def test_finish_ends_the_event(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    clock(admin, event_id, "start")
    assert clock(admin, event_id, "finish").json()["phase"] == "finished"
    assert admin.get(f"/api/events/{event_id}").json()["status"] == "finished"
    assert admin.post(f"/api/events/{event_id}/plan").status_code == 409
