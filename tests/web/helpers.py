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


def play(admin: TestClient, event_id: int, rounds: int | None = None) -> dict:
    """Start the clock and skip ahead until `rounds` talks have started, or to the end."""
    state = admin.post(f"/api/events/{event_id}/clock/start").json()
    while state["phase"] != "finished" and (rounds is None or held(state) < rounds):
        response = admin.post(f"/api/events/{event_id}/clock/next")
        assert response.status_code == 200, response.text
        state = response.json()
    return state


def held(state: dict) -> int:
    """Count the rounds whose talk has started, as the contract defines it."""
    return state["round"] - 1 if state["phase"] == "switch" else state["round"]


def partner(client: TestClient, token: str, number: int) -> int:
    """Find whom a participant sits with in one round of a pairs plan."""
    itinerary = client.get(f"/api/me/{token}").json()["itinerary"]
    return itinerary[number - 1]["with"][0]["id"]
