"""Build a small planned event through the API, as a host would."""

from __future__ import annotations

from fastapi.testclient import TestClient


def planned_event(admin: TestClient, people: int = 6, **settings) -> tuple[int, list[dict]]:
    """Create an event, register and check in `people` members, generate the plan."""
    body = {"title": "Rencontres Arras", "talk_seconds": 60, "switch_seconds": 15, **settings}
    event_id = admin.post("/api/events", json=body).json()["id"]
    members = [add_member(admin, event_id, index) for index in range(people)]
    for member in members:
        admin.post(f"/api/events/{event_id}/participants/{member['id']}/checkin")
    response = admin.post(f"/api/events/{event_id}/plan")
    assert response.status_code == 200, response.text
    return event_id, members


def add_member(admin: TestClient, event_id: int, index: int, company: str | None = None) -> dict:
    """Register one fictional member."""
    person = {
        "first_name": f"Prénom{index}",
        "last_name": f"Nom{index}",
        "company": company or f"Société {index}",
        "email": f"membre{index}@example.fr",
    }
    response = admin.post(f"/api/events/{event_id}/participants", json=person)
    assert response.status_code == 201, response.text
    return response.json()
