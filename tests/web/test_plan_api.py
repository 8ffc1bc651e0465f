"""Planning through the API: who is present is planned; held rounds never change."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import add_member, planned_event


def seats(plan: dict, number: int) -> list[list[int]]:
    """List the tables of one round as sorted pairs."""
    rnd = plan["rounds"][number - 1]
    return sorted(sorted(table["participants"]) for table in rnd["tables"])


def test_six_people_meet_everyone_in_five_rounds(admin: TestClient) -> None:
    event_id, members = planned_event(admin, people=6)
    plan = admin.get(f"/api/events/{event_id}/plan").json()
    assert plan["version"] == 1
    assert [rnd["number"] for rnd in plan["rounds"]] == [1, 2, 3, 4, 5]
    metrics = plan["metrics"]
    assert metrics["pairs_covered"] == metrics["pairs_possible"] == 15
    assert metrics["repeats"] == 0
    assert metrics["duration_seconds"] == 5 * 75 - 15
    assert {p for t in plan["rounds"][0]["tables"] for p in t["participants"]} == {
        m["id"] for m in members
    }


def test_an_odd_crowd_sits_out_one_at_a_time(admin: TestClient) -> None:
    event_id, _ = planned_event(admin, people=5)
    plan = admin.get(f"/api/events/{event_id}/plan").json()
    assert len(plan["rounds"]) == 5
    sitting_out = [p for rnd in plan["rounds"] for p in rnd["sitting_out"]]
    assert len(sitting_out) == len(set(sitting_out)) == 5


def test_a_plan_needs_two_people_present(admin: TestClient, event_id: int) -> None:
    member = add_member(admin, event_id, 1)
    admin.post(f"/api/events/{event_id}/participants/{member['id']}/checkin")
    response = admin.post(f"/api/events/{event_id}/plan")
    assert response.status_code == 409
    assert response.json()["detail"]
    assert admin.get(f"/api/events/{event_id}/plan").json()["version"] == 0


def test_colleagues_only_is_a_409_that_leaves_nothing_behind(
    admin: TestClient, event_id: int
) -> None:
    for index in range(4):
        member = add_member(admin, event_id, index, company="Même Société")
        admin.post(f"/api/events/{event_id}/participants/{member['id']}/checkin")
    response = admin.post(f"/api/events/{event_id}/plan")
    assert response.status_code == 409
    assert admin.get(f"/api/events/{event_id}/plan").json()["rounds"] == []


def test_leaving_replans_the_rounds_not_started_and_keeps_the_held_ones(
    admin: TestClient,
) -> None:
    event_id, members = planned_event(admin, people=8)
    before = admin.get(f"/api/events/{event_id}/plan").json()
    admin.post(f"/api/events/{event_id}/clock/start")
    gone = members[0]["id"]
    admin.post(f"/api/events/{event_id}/participants/{gone}/leave")
    after = admin.get(f"/api/events/{event_id}/plan").json()
    assert after["version"] == before["version"] + 1
    assert seats(after, 1) == seats(before, 1)
    later = {p for rnd in after["rounds"][1:] for t in rnd["tables"] for p in t["participants"]}
    assert gone not in later
    state = admin.get(f"/api/events/{event_id}/state").json()
    assert state["plan_version"] == after["version"]


def test_a_walk_in_is_planned_into_the_coming_rounds(admin: TestClient) -> None:
    event_id, _ = planned_event(admin, people=7)
    admin.post(f"/api/events/{event_id}/clock/start")
    walk_in = add_member(admin, event_id, 99)
    checked = admin.post(f"/api/events/{event_id}/participants/{walk_in['id']}/checkin").json()
    assert checked["walk_in"] is True
    me = admin.get(f"/api/me/{walk_in['token']}").json()
    tables = [stop["table"] for stop in me["itinerary"] if stop["round"] > 1]
    assert any(table is not None for table in tables)
    assert all(stop["round"] > 1 for stop in me["itinerary"])


def test_the_plan_is_admin_only(anonymous: TestClient, admin: TestClient) -> None:
    event_id, _ = planned_event(admin, people=4)
    assert anonymous.get(f"/api/events/{event_id}/plan").status_code == 401


def test_tables_of_four_seat_everyone_without_a_repeat(admin: TestClient) -> None:
    event_id, _members = planned_event(admin, people=16, format="tables", table_size=4)
    plan = admin.get(f"/api/events/{event_id}/plan").json()
    assert len(plan["rounds"]) == 5
    assert all(len(t["participants"]) == 4 for rnd in plan["rounds"] for t in rnd["tables"])
    assert plan["metrics"]["repeats"] == 0
    assert plan["metrics"]["pairs_covered"] == 120


def test_a_walk_in_mid_event_leaves_a_plan_the_checker_accepts(admin: TestClient) -> None:
    event_id, _ = planned_event(admin, people=6)
    admin.post(f"/api/events/{event_id}/clock/start")
    admin.post(f"/api/events/{event_id}/clock/next")
    admin.post(f"/api/events/{event_id}/clock/next")
    walk_in = add_member(admin, event_id, 42)
    admin.post(f"/api/events/{event_id}/participants/{walk_in['id']}/checkin")
    metrics = admin.get(f"/api/events/{event_id}/plan").json()["metrics"]
    assert metrics["problems"] == []
    assert metrics["ok"] is True
