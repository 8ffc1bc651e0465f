"""The next edition: same settings and members, new links, and a plan of new encounters."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import planned_event, play


def pairs_of(plan: dict) -> list[frozenset[int]]:
    """List every meeting a plan holds (pairs format)."""
    return [frozenset(table["participants"]) for rnd in plan["rounds"] for table in rnd["tables"]]


def next_edition(admin: TestClient, event_id: int, **body) -> dict:
    response = admin.post(f"/api/events/{event_id}/next-edition", json=body or None)
    assert response.status_code == 201, response.text
    return response.json()


def plan_everyone(admin: TestClient, event_id: int) -> dict:
    for member in admin.get(f"/api/events/{event_id}/participants").json():
        admin.post(f"/api/events/{event_id}/participants/{member['id']}/checkin")
    response = admin.post(f"/api/events/{event_id}/plan")
    assert response.status_code == 200, response.text
    return response.json()


def test_the_next_edition_copies_settings_and_members_with_new_links(admin: TestClient) -> None:
    first, members = planned_event(admin, people=4, avoid_same_club=True, talk_seconds=90)
    second = next_edition(admin, first)
    source = admin.get(f"/api/events/{first}").json()
    assert second["id"] != first
    assert second["title"] == "Rencontres Arras #2"
    assert second["series_id"] == source["series_id"]
    assert (second["talk_seconds"], second["avoid_same_club"]) == (90, True)
    assert (second["status"], second["plan_version"]) == ("draft", 0)
    registered = admin.get(f"/api/events/{second['id']}/participants").json()
    assert {m["id"] for m in registered} == {m["id"] for m in members}
    assert {m["status"] for m in registered} == {"registered"}
    assert {m["token"] for m in registered}.isdisjoint({m["token"] for m in members})
    third = next_edition(admin, second["id"], title="Rencontres Arras 2027", date="2027-03-12")
    assert (third["title"], third["date"]) == ("Rencontres Arras 2027", "2027-03-12")
    assert next_edition(admin, third["id"])["title"] == "Rencontres Arras 2027 #4"


def test_the_next_edition_plans_only_new_pairs_while_some_remain(admin: TestClient) -> None:
    first, _ = planned_event(admin, people=8, rounds=3)
    assert play(admin, first)["phase"] == "finished"
    met = set(pairs_of(admin.get(f"/api/events/{first}/plan").json()))
    assert len(met) == 12  # 16 of the 28 pairs are still new
    second = next_edition(admin, first)["id"]
    plan = plan_everyone(admin, second)
    planned = pairs_of(plan)
    assert len(plan["rounds"]) == 3
    assert planned
    assert met.isdisjoint(planned)
    assert plan["metrics"]["new_encounters"] == len(planned)
    assert plan["metrics"]["repeat_encounters"] == 0


def test_the_next_edition_of_an_even_crowd_sits_nobody_out(admin: TestClient) -> None:
    first, _ = planned_event(admin, people=8, rounds=3)
    play(admin, first)
    plan = plan_everyone(admin, next_edition(admin, first)["id"])
    assert plan["metrics"]["new_encounters"] == 12


def test_repeats_are_counted_once_everyone_has_met(admin: TestClient) -> None:
    first, _ = planned_event(admin, people=4)
    assert play(admin, first)["phase"] == "finished"
    plan = plan_everyone(admin, next_edition(admin, first)["id"])
    assert plan["metrics"]["new_encounters"] == 0
    assert plan["metrics"]["repeat_encounters"] == 6
    fresh = admin.get(f"/api/events/{first}/plan").json()["metrics"]
    assert fresh["repeat_encounters"] == 0  # the first edition had no history


def test_the_next_edition_of_an_unknown_event_is_a_404(admin: TestClient) -> None:
    assert admin.post("/api/events/999/next-edition").status_code == 404


def test_a_bad_date_is_a_422(admin: TestClient, event_id: int) -> None:
    response = admin.post(f"/api/events/{event_id}/next-edition", json={"date": "12/03/2027"})
    assert response.status_code == 422


def test_the_next_edition_of_a_longest_title_still_fits_and_lists(admin: TestClient) -> None:
    title = "É" * 200
    first = admin.post("/api/events", json={"title": title}).json()["id"]
    second = next_edition(admin, first)
    assert second["title"] == "É" * 197 + " #2"
    assert next_edition(admin, second["id"])["title"] == "É" * 197 + " #3"
    assert admin.get("/api/events").status_code == 200
    assert admin.get(f"/api/events/{second['id']}").status_code == 200
