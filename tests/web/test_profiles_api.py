"""What members offer and need, through the participants API and into the next edition."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.adapters.database.engine import make_engine
from app.config import Settings
from app.services.demo import seed_demo

NADIA = {
    "first_name": "Nadia",
    "last_name": "Wattez",
    "company": "Transports Wattez",
    "email": "nadia@wattez.fr",
    "offers": "  Transport routier et affrètement  ",
    "needs": "An accountant who speaks English",
}


def participants(admin: TestClient, event_id: int) -> list[dict]:
    return admin.get(f"/api/events/{event_id}/participants").json()


def test_offers_and_needs_are_kept_trimmed_and_listed(admin: TestClient, event_id: int) -> None:
    response = admin.post(f"/api/events/{event_id}/participants", json=NADIA)
    assert response.status_code == 201, response.text
    assert response.json()["offers"] == "Transport routier et affrètement"
    [listed] = participants(admin, event_id)
    assert (listed["offers"], listed["needs"]) == (
        "Transport routier et affrètement",
        "An accountant who speaks English",
    )


def test_a_member_without_a_profile_lists_none(admin: TestClient, event_id: int) -> None:
    body = {**NADIA, "offers": "   ", "needs": None}
    admin.post(f"/api/events/{event_id}/participants", json=body)
    [listed] = participants(admin, event_id)
    assert (listed["offers"], listed["needs"]) == (None, None)


@pytest.mark.parametrize("field", ["offers", "needs"])
def test_a_text_over_500_characters_is_a_422_naming_the_field(
    admin: TestClient, event_id: int, field: str
) -> None:
    response = admin.post(f"/api/events/{event_id}/participants", json={**NADIA, field: "é" * 501})
    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{field}:")
    assert participants(admin, event_id) == []


def test_exactly_500_characters_fit(admin: TestClient, event_id: int) -> None:
    text = "é" * 500
    response = admin.post(
        f"/api/events/{event_id}/participants", json={**NADIA, "offers": text, "needs": text}
    )
    assert response.status_code == 201, response.text
    assert participants(admin, event_id)[0]["needs"] == text


def test_registering_again_elsewhere_updates_the_profile_and_a_blank_keeps_it(
    admin: TestClient, event_id: int
) -> None:
    admin.post(f"/api/events/{event_id}/participants", json=NADIA)
    other = admin.post("/api/events", json={"title": "Rencontres Lens"}).json()["id"]
    changed = {**NADIA, "email": "NADIA@wattez.fr", "offers": "Logistique", "needs": ""}
    assert admin.post(f"/api/events/{other}/participants", json=changed).status_code == 201
    [listed] = participants(admin, event_id)
    assert (listed["offers"], listed["needs"]) == ("Logistique", NADIA["needs"])


def test_offers_and_needs_carry_over_to_the_next_edition(admin: TestClient, event_id: int) -> None:
    admin.post(f"/api/events/{event_id}/participants", json=NADIA)
    response = admin.post(f"/api/events/{event_id}/next-edition")
    assert response.status_code == 201, response.text
    [listed] = participants(admin, response.json()["id"])
    assert listed["offers"] == "Transport routier et affrètement"
    assert listed["needs"] == "An accountant who speaks English"


def test_the_demo_members_come_with_their_offers_and_needs(
    admin: TestClient, settings: Settings
) -> None:
    engine = make_engine(settings.sqlalchemy_url)
    with Session(engine) as session:
        event_id, created = seed_demo(session)
    engine.dispose()
    assert created
    listed = participants(admin, event_id)
    assert len(listed) == 50
    transporter = next(p for p in listed if p["needs"].startswith("Un transporteur régional"))
    assert transporter["offers"]
    assert any(p["offers"].startswith("Transport routier et affrètement") for p in listed)
