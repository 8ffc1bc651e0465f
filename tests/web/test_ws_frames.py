"""The live feed refuses what its protocol does not speak, with a close code or no answer."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from tests.web.helpers import planned_event


def test_a_binary_frame_is_answered_with_close_code_1003(
    admin: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    event_id, _ = planned_event(admin)
    with admin.websocket_connect(f"/ws/events/{event_id}") as socket:
        socket.receive_json()
        socket.send_bytes(b"\x00\x01")
        with pytest.raises(WebSocketDisconnect) as closed:
            socket.receive_json()
    assert closed.value.code == 1003
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("t", ["1e400", "NaN", "-Infinity", "[1, NaN]"])
def test_a_ping_whose_time_is_not_a_finite_number_gets_no_answer(admin: TestClient, t: str) -> None:
    event_id, _ = planned_event(admin)
    with admin.websocket_connect(f"/ws/events/{event_id}") as socket:
        socket.receive_json()
        socket.send_text(f'{{"type": "ping", "t": {t}}}')
        socket.send_text(json.dumps({"type": "ping", "t": 7}))
        # Parsed strictly: the first answer must be standard JSON and belong to the second ping.
        pong = json.loads(socket.receive_text(), parse_constant=pytest.fail)
    assert pong["t"] == 7
