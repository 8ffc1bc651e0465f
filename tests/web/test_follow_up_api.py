"""Follow-up taps: only on someone met in a round held, once, and taken back freely."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import add_member, partner, planned_event, play


def interests(client: TestClient, token: str) -> str:
    return f"/api/me/{token}/interests"


def test_a_tap_on_someone_met_counts_once(admin: TestClient, anonymous: TestClient) -> None:
    event_id, members = planned_event(admin, people=4)
    play(admin, event_id, rounds=1)
    me = members[0]["token"]
    met = partner(anonymous, me, 1)
    first = anonymous.put(f"{interests(anonymous, me)}/{met}")
    second = anonymous.put(f"{interests(anonymous, me)}/{met}")
    assert first.status_code == second.status_code == 200
    assert first.json() == {"person_id": met, "interested": True}
    listed = anonymous.get(interests(anonymous, me)).json()
    assert [person["id"] for person in listed] == [met]
    assert set(listed[0]) == {"id", "first_name", "last_name", "company", "sector", "pitch"}


def test_taking_back_a_tap_twice_is_fine(admin: TestClient, anonymous: TestClient) -> None:
    event_id, members = planned_event(admin, people=4)
    play(admin, event_id, rounds=1)
    me = members[0]["token"]
    met = partner(anonymous, me, 1)
    anonymous.put(f"{interests(anonymous, me)}/{met}")
    for _ in range(2):
        response = anonymous.delete(f"{interests(anonymous, me)}/{met}")
        assert response.status_code == 200
        assert response.json() == {"person_id": met, "interested": False}
    assert anonymous.get(interests(anonymous, me)).json() == []


def test_a_tap_on_myself_is_a_422(admin: TestClient, anonymous: TestClient) -> None:
    event_id, members = planned_event(admin, people=4)
    play(admin, event_id, rounds=1)
    response = anonymous.put(f"{interests(anonymous, members[0]['token'])}/{members[0]['id']}")
    assert response.status_code == 422
    assert "yourself" in response.json()["detail"]


def test_a_tap_on_someone_not_met_yet_is_a_409(admin: TestClient, anonymous: TestClient) -> None:
    event_id, members = planned_event(admin, people=4)
    me = members[0]["token"]
    later = partner(anonymous, me, 2)
    play(admin, event_id, rounds=1)
    response = anonymous.put(f"{interests(anonymous, me)}/{later}")
    assert response.status_code == 409
    assert "you have not met" in response.json()["detail"]
    play_on = admin.post(f"/api/events/{event_id}/clock/next")  # change-over to round 2
    assert play_on.json()["phase"] == "switch"
    assert anonymous.put(f"{interests(anonymous, me)}/{later}").status_code == 409


def test_a_tap_on_someone_of_another_event_is_a_409(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, members = planned_event(admin, people=4)
    other = admin.post("/api/events", json={"title": "Rencontres Lens"}).json()["id"]
    stranger = add_member(admin, other, 10)
    play(admin, event_id, rounds=1)
    response = anonymous.put(f"{interests(anonymous, members[0]['token'])}/{stranger['id']}")
    assert response.status_code == 409
    response = anonymous.put(f"{interests(anonymous, members[0]['token'])}/999999")
    assert response.status_code == 409


def test_an_unknown_link_cannot_tap(anonymous: TestClient) -> None:
    assert anonymous.put("/api/me/not-a-token/interests/1").status_code == 404
    assert anonymous.delete("/api/me/not-a-token/interests/1").status_code == 404
    assert anonymous.get("/api/me/not-a-token/interests").status_code == 404


def test_taps_are_allowed_after_the_event(admin: TestClient, anonymous: TestClient) -> None:
    event_id, members = planned_event(admin, people=4)
    me = members[0]["token"]
    last = partner(anonymous, me, 3)
    assert play(admin, event_id)["phase"] == "finished"
    assert anonymous.put(f"{interests(anonymous, me)}/{last}").status_code == 200


def test_each_answer_and_the_list_agree_on_my_taps(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, members = planned_event(admin, people=4)
    play(admin, event_id, rounds=2)
    me = members[0]["token"]
    first, second = partner(anonymous, me, 1), partner(anonymous, me, 2)
    for met in (first, second):
        assert anonymous.put(f"{interests(anonymous, me)}/{met}").json()["interested"] is True
    answer = anonymous.delete(f"{interests(anonymous, me)}/{first}")
    assert answer.json() == {"person_id": first, "interested": False}
    assert [person["id"] for person in anonymous.get(interests(anonymous, me)).json()] == [second]


def test_sharing_is_the_email_only_until_changed(admin: TestClient, anonymous: TestClient) -> None:
    _, members = planned_event(admin, people=2)
    url = f"/api/me/{members[0]['token']}/sharing"
    assert anonymous.get(url).json() == {"email": True, "phone": False, "website": False}
    changed = anonymous.put(url, json={"phone": True, "email": False})
    assert changed.json() == {"email": False, "phone": True, "website": False}
    assert anonymous.get(url).json() == changed.json()
    assert anonymous.put("/api/me/nope/sharing", json={"phone": True}).status_code == 404
    assert anonymous.put(url, json={"phone": "maybe"}).status_code == 422
