"""The live feed: snapshot on connect, every change pushed, ping answered with server time."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from tests.web.helpers import planned_event


def test_a_client_gets_the_snapshot_then_each_change(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    with admin.websocket_connect(f"/ws/events/{event_id}") as socket:
        snapshot = socket.receive_json()
        assert (snapshot["type"], snapshot["phase"]) == ("state", "lobby")
        admin.post(f"/api/events/{event_id}/clock/start")
        pushed = socket.receive_json()
        assert (pushed["type"], pushed["phase"], pushed["round"]) == ("state", "talk", 1)
        assert pushed["version"] > snapshot["version"]


def test_ping_is_answered_with_the_server_time(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    with admin.websocket_connect(f"/ws/events/{event_id}") as socket:
        socket.receive_json()
        socket.send_text(json.dumps({"type": "ping", "t": 1234.5}))
        pong = socket.receive_json()
        assert pong["type"] == "pong"
        assert pong["t"] == 1234.5
        assert pong["server_now_ms"] > 1_700_000_000_000


def test_a_foreign_origin_is_refused(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    with (
        pytest.raises(WebSocketDisconnect),
        admin.websocket_connect(
            f"/ws/events/{event_id}", headers={"Origin": "https://evil.example"}
        ) as socket,
    ):
        socket.receive_json()


def test_the_own_origin_is_accepted(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    with admin.websocket_connect(
        f"/ws/events/{event_id}", headers={"Origin": "http://testserver"}
    ) as socket:
        assert socket.receive_json()["type"] == "state"


def test_an_unknown_event_closes_the_socket(admin: TestClient) -> None:
    with pytest.raises(WebSocketDisconnect), admin.websocket_connect("/ws/events/999") as socket:
        socket.receive_json()


def test_garbage_from_a_client_is_ignored(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    with admin.websocket_connect(f"/ws/events/{event_id}") as socket:
        socket.receive_json()
        socket.send_text("not json" * 200)
        socket.send_text(json.dumps({"type": "ping", "t": 1}))
        assert socket.receive_json()["type"] == "pong"
