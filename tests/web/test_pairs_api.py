"""The host pins or forbids pairs: admin only, this event's people only, no colleagues pinned."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import add_member


def members_of(admin: TestClient, event_id: int) -> list[dict]:
    """Register four members, the last two of one company."""
    return [
        add_member(admin, event_id, 0),
        add_member(admin, event_id, 1),
        add_member(admin, event_id, 2, company="Artois Bâtiment"),
        add_member(admin, event_id, 3, company=" artois bâtiment "),
    ]


def test_the_host_pins_forbids_changes_and_removes_a_pair(admin: TestClient, event_id: int) -> None:
    a, b, c, _ = (m["id"] for m in members_of(admin, event_id))
    base = f"/api/events/{event_id}/pairs"
    pinned = admin.put(f"{base}/{b}/{a}", json={"kind": "must"})
    assert pinned.status_code == 200, pinned.text
    assert pinned.json() == {"a": a, "b": b, "kind": "must"}
    admin.put(f"{base}/{a}/{c}", json={"kind": "never"})
    admin.put(f"{base}/{a}/{b}", json={"kind": "never"})
    assert admin.get(base).json() == [
        {"a": a, "b": b, "kind": "never"},
        {"a": a, "b": c, "kind": "never"},
    ]
    assert admin.delete(f"{base}/{b}/{a}").json() == {"a": a, "b": b, "kind": None}
    assert admin.delete(f"{base}/{b}/{a}").status_code == 200  # twice is fine
    assert admin.get(base).json() == [{"a": a, "b": c, "kind": "never"}]


def test_pairs_need_the_admin_token(
    admin: TestClient, anonymous: TestClient, event_id: int
) -> None:
    a, b, *_ = (m["id"] for m in members_of(admin, event_id))
    base = f"/api/events/{event_id}/pairs"
    assert anonymous.get(base).status_code == 401
    assert anonymous.put(f"{base}/{a}/{b}", json={"kind": "must"}).status_code == 401
    assert anonymous.delete(f"{base}/{a}/{b}").status_code == 401
    assert admin.get(base).json() == []


def test_people_not_in_the_event_are_404(admin: TestClient, event_id: int) -> None:
    a, *_ = (m["id"] for m in members_of(admin, event_id))
    elsewhere = admin.post("/api/events", json={"title": "Ailleurs"}).json()["id"]
    stranger = add_member(admin, elsewhere, 9)["id"]
    for other in (stranger, 10**9):
        path = f"/api/events/{event_id}/pairs/{a}/{other}"
        assert admin.put(path, json={"kind": "never"}).status_code == 404
        assert admin.delete(path).status_code == 404
    assert admin.get(f"/api/events/{10**9}/pairs").status_code == 404


def test_a_pair_of_one_person_or_pinned_colleagues_is_a_422(
    admin: TestClient, event_id: int
) -> None:
    a, _, c, d = (m["id"] for m in members_of(admin, event_id))
    base = f"/api/events/{event_id}/pairs"
    assert admin.put(f"{base}/{a}/{a}", json={"kind": "never"}).status_code == 422
    colleagues = admin.put(f"{base}/{c}/{d}", json={"kind": "must"})
    assert colleagues.status_code == 422
    assert colleagues.json()["detail"].startswith("kind:")
    assert admin.put(f"{base}/{c}/{d}", json={"kind": "never"}).status_code == 200
    assert admin.put(f"{base}/{a}/{c}", json={"kind": "maybe"}).status_code == 422


def test_pairs_do_not_change_once_the_event_is_finished(admin: TestClient) -> None:
    event_id = admin.post("/api/events", json={"title": "Fini"}).json()["id"]
    a, b, *_ = (m["id"] for m in members_of(admin, event_id))
    for member in (a, b):
        admin.post(f"/api/events/{event_id}/participants/{member}/checkin")
    admin.post(f"/api/events/{event_id}/plan")
    admin.post(f"/api/events/{event_id}/clock/start")
    admin.post(f"/api/events/{event_id}/clock/finish")
    response = admin.put(f"/api/events/{event_id}/pairs/{a}/{b}", json={"kind": "never"})
    assert response.status_code == 409
