"""Events and participants through the public API, as scripts and the host use it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

EMILIE = {
    "first_name": "Émilie",
    "last_name": "Lefèvre",
    "company": "SARL Artois Bâtiment",
    "email": "Emilie.Lefevre@example.fr",
    "sector": "BTP",
    "club": "CJD Arras",
    "pitch": "Rénovation énergétique",
}


def test_health_answers_ok(anonymous: TestClient) -> None:
    assert anonymous.get("/api/health").json() == {"status": "ok"}


def test_create_event_answers_201_with_its_id(admin: TestClient) -> None:
    response = admin.post(
        "/api/events",
        json={"title": "Tables Lens", "format": "tables", "table_size": 5, "talk_seconds": 300},
    )
    assert response.status_code == 201
    event = response.json()
    assert isinstance(event["id"], int)
    assert admin.get(f"/api/events/{event['id']}").json()["table_size"] == 5
    assert [e["id"] for e in admin.get("/api/events").json()] == [event["id"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "title"),
        ({"title": "x", "format": "speed"}, "format"),
        ({"title": "x", "format": "tables", "table_size": 2}, "table_size"),
        ({"title": "x", "format": "pairs", "table_size": 4}, "table_size"),
        ({"title": "x", "talk_seconds": -5}, "talk_seconds"),
        ({"title": "x", "language": "de"}, "language"),
    ],
)
def test_bad_event_settings_get_a_readable_422(admin: TestClient, body: dict, field: str) -> None:
    response = admin.post("/api/events", json=body)
    assert response.status_code == 422
    assert field in response.json()["detail"]


def test_unknown_event_is_404(admin: TestClient) -> None:
    response = admin.get("/api/events/999")
    assert response.status_code == 404
    assert response.json() == {"detail": "event 999 not found"}


def test_malformed_json_is_422_not_500(admin: TestClient) -> None:
    response = admin.post(
        "/api/events", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422


def test_add_participant_gives_an_id_and_a_long_random_token(
    admin: TestClient, event_id: int
) -> None:
    response = admin.post(f"/api/events/{event_id}/participants", json=EMILIE)
    assert response.status_code == 201
    person = response.json()
    assert isinstance(person["id"], int)
    assert len(person["token"]) >= 22  # at least 128 bits in URL-safe base64
    listed = admin.get(f"/api/events/{event_id}/participants").json()
    assert [(p["first_name"], p["club"], p["status"]) for p in listed] == [
        ("Émilie", "CJD Arras", "registered")
    ]


def test_the_same_email_in_another_case_is_the_same_person(
    admin: TestClient, event_id: int
) -> None:
    first = admin.post(f"/api/events/{event_id}/participants", json=EMILIE).json()
    other = admin.post("/api/events", json={"title": "Next edition"}).json()["id"]
    again = admin.post(
        f"/api/events/{other}/participants", json={**EMILIE, "email": "emilie.lefevre@EXAMPLE.fr"}
    ).json()
    assert again["id"] == first["id"]
    assert again["token"] != first["token"]


def test_registering_twice_for_one_event_is_a_409(admin: TestClient, event_id: int) -> None:
    admin.post(f"/api/events/{event_id}/participants", json=EMILIE)
    response = admin.post(f"/api/events/{event_id}/participants", json=EMILIE)
    assert response.status_code == 409
    assert "already registered" in response.json()["detail"]


def test_a_bad_email_is_a_422_naming_the_field(admin: TestClient, event_id: int) -> None:
    response = admin.post(
        f"/api/events/{event_id}/participants", json={**EMILIE, "email": "emilie@"}
    )
    assert response.status_code == 422
    assert "email" in response.json()["detail"]


def test_check_in_then_leave_changes_the_status(admin: TestClient, event_id: int) -> None:
    pid = admin.post(f"/api/events/{event_id}/participants", json=EMILIE).json()["id"]
    checked = admin.post(f"/api/events/{event_id}/participants/{pid}/checkin").json()
    assert checked["status"] == "present"
    assert checked["checked_in_ms"] > 1_700_000_000_000
    assert checked["walk_in"] is False
    gone = admin.post(f"/api/events/{event_id}/participants/{pid}/leave")
    assert gone.json()["status"] == "gone"
    assert admin.post(f"/api/events/{event_id}/participants/{pid}/leave").status_code == 409


def test_check_in_of_someone_not_registered_is_404(admin: TestClient, event_id: int) -> None:
    response = admin.post(f"/api/events/{event_id}/participants/4242/checkin")
    assert response.status_code == 404


def test_a_venue_longer_than_its_column_is_a_422(admin: TestClient) -> None:
    response = admin.post("/api/events", json={"title": "Arras", "venue": "V" * 201})
    assert response.status_code == 422, response.text
