"""A participant's link shows their own itinerary and nobody else's secrets."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import planned_event


def test_my_itinerary_names_my_table_and_whom_i_meet(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, members = planned_event(admin, people=4)
    me = anonymous.get(f"/api/me/{members[0]['token']}").json()
    assert me["person"]["first_name"] == "Prénom0"
    assert me["event"]["id"] == event_id
    assert len(me["itinerary"]) == 3
    first = me["itinerary"][0]
    assert first["round"] == 1
    assert first["table"] in (1, 2)
    assert first["sitting_out"] is False
    fields = {"id", "first_name", "last_name", "company", "sector", "pitch", "why"}
    assert set(first["with"][0]) == fields
    assert first["with"][0]["why"] == ""  # nobody said what they offer or need


def test_my_link_never_reveals_tokens_or_contact_details(
    admin: TestClient, anonymous: TestClient
) -> None:
    _, members = planned_event(admin, people=4)
    text = anonymous.get(f"/api/me/{members[0]['token']}").text
    for other in members[1:]:
        assert other["token"] not in text
        assert other["email"] not in text
    assert members[0]["token"] not in text


def test_an_unknown_link_is_a_404(anonymous: TestClient) -> None:
    response = anonymous.get("/api/me/not-a-real-token")
    assert response.status_code == 404
    assert response.json() == {"detail": "this personal link is not valid"}
