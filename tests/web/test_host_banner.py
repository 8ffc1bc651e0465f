"""The banner: the host's message reaches every screen now and every screen that joins later."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.web.helpers import planned_event


def post_banner(client: TestClient, event_id: int, text: str):
    return client.post(f"/api/events/{event_id}/banner", json={"text": text})


def test_a_banner_is_published_to_every_connected_screen(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    with admin.websocket_connect(f"/ws/events/{event_id}?kind=screen") as socket:
        assert socket.receive_json()["type"] == "state"
        response = post_banner(admin, event_id, "  Le buffet ouvre après la ronde 20  ")
        assert response.status_code == 200
        pushed = socket.receive_json()
    assert pushed["type"] == "banner"
    assert pushed["text"] == "Le buffet ouvre après la ronde 20"
    assert pushed["at_ms"] > 1_700_000_000_000
    assert pushed == response.json()


def test_a_screen_that_joins_gets_the_banner_right_after_the_state(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    post_banner(admin, event_id, "Pause café à 10 h 30")
    with admin.websocket_connect(f"/ws/events/{event_id}?kind=phone") as socket:
        assert socket.receive_json()["type"] == "state"
        banner = socket.receive_json()
    assert (banner["type"], banner["text"]) == ("banner", "Pause café à 10 h 30")


def test_an_empty_text_clears_the_banner(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    post_banner(admin, event_id, "Bienvenue !")
    with admin.websocket_connect(f"/ws/events/{event_id}") as socket:
        socket.receive_json(), socket.receive_json()
        assert post_banner(admin, event_id, "").json()["text"] == ""
        assert socket.receive_json()["text"] == ""
    assert admin.get(f"/api/events/{event_id}").json()["banner"] is None
    with admin.websocket_connect(f"/ws/events/{event_id}") as socket:
        assert socket.receive_json()["type"] == "state"
        socket.send_text(json.dumps({"type": "ping", "t": 1}))
        assert socket.receive_json()["type"] == "pong"


def test_a_banner_longer_than_280_characters_is_a_422(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    assert post_banner(admin, event_id, "x" * 280).status_code == 200
    response = post_banner(admin, event_id, "x" * 281)
    assert response.status_code == 422
    assert "text" in response.json()["detail"]


def test_posting_a_banner_needs_the_admin_token(anonymous: TestClient, admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    response = anonymous.post(f"/api/events/{event_id}/banner", json={"text": "Hack"})
    assert response.status_code == 401


def test_a_banner_for_an_unknown_event_is_a_404(admin: TestClient) -> None:
    assert post_banner(admin, 999, "Bonjour").status_code == 404


def test_the_host_message_box_shows_and_clears_the_banner(admin: TestClient) -> None:
    event_id, _ = planned_event(admin)
    shown = admin.post(f"/events/{event_id}/host/banner", data={"text": "Dernière ronde !"})
    assert shown.status_code == 200
    assert "Dernière ronde !" in shown.text
    too_long = admin.post(f"/events/{event_id}/host/banner", data={"text": "y" * 300})
    assert too_long.status_code == 422
    assert 'role="alert"' in too_long.text
    cleared = admin.post(f"/events/{event_id}/host/banner", data={"text": ""})
    assert "Dernière ronde !" not in cleared.text
