"""The projector and the public tables page: public, read-only, names and companies only."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.helpers import add_member, planned_event


def test_the_projector_lobby_shows_the_title_the_join_code_and_who_is_here(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, _ = planned_event(admin, people=6)
    page = anonymous.get(f"/events/{event_id}/screen")
    assert page.status_code == 200
    assert "Rencontres Arras" in page.text
    assert "<svg" in page.text
    assert f"http://testserver/events/{event_id}/tables" in page.text
    assert '<span id="checked-in">6</span>' in page.text


def test_the_projector_speaks_the_event_language_whatever_the_browser(
    admin: TestClient, anonymous: TestClient
) -> None:
    french, _ = planned_event(admin, people=2)
    english, _ = planned_event(admin, people=2, language="en")
    headers = {"Accept-Language": "en-GB,en"}
    assert "Bienvenue" in anonymous.get(f"/events/{french}/screen", headers=headers).text
    assert "Welcome" in anonymous.get(f"/events/{english}/screen").text


@pytest.mark.parametrize("path", ["/events/999/screen", "/events/999/tables"])
def test_an_unknown_event_gets_a_friendly_page(anonymous: TestClient, path: str) -> None:
    page = anonymous.get(path)
    assert page.status_code == 404
    assert "Ce lien ne fonctionne pas" in page.text


def test_the_grid_gives_names_and_companies_only(admin: TestClient, anonymous: TestClient) -> None:
    event_id, members = planned_event(admin, people=5)
    grid = anonymous.get(f"/events/{event_id}/grid", params={"round": 1}).json()
    assert [table["table"] for table in grid["tables"]] == [1, 2]
    seated = [person for table in grid["tables"] for person in table["people"]]
    assert len(seated) == 4 and len(grid["sitting_out"]) == 1
    for person in [*seated, *grid["sitting_out"]]:
        assert set(person) == {"first_name", "last_name", "company"}
    assert all(member["token"] not in str(grid) for member in members)
    assert "@" not in str(grid)


def test_a_round_without_seats_has_an_empty_grid(admin: TestClient, anonymous: TestClient) -> None:
    event_id, _ = planned_event(admin, people=4)
    grid = anonymous.get(f"/events/{event_id}/grid", params={"round": 40}).json()
    assert (grid["tables"], grid["sitting_out"]) == ([], [])
    assert anonymous.get(f"/events/{event_id}/grid", params={"round": 0}).status_code == 422
    assert anonymous.get("/events/999/grid").status_code == 404


def test_the_lobby_count_follows_check_ins(admin: TestClient, anonymous: TestClient) -> None:
    event_id, _ = planned_event(admin, people=4)
    assert anonymous.get(f"/events/{event_id}/screen/lobby").json() == {"checked_in": 4}
    walk_in = add_member(admin, event_id, 99)
    admin.post(f"/api/events/{event_id}/participants/{walk_in['id']}/checkin")
    assert anonymous.get(f"/events/{event_id}/screen/lobby").json() == {"checked_in": 5}


def test_the_tables_page_follows_the_browser_language(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, _ = planned_event(admin, people=2)
    english = anonymous.get(f"/events/{event_id}/tables", headers={"Accept-Language": "en"})
    assert "Find your table" in english.text
    assert "Trouvez votre table" in anonymous.get(f"/events/{event_id}/tables").text
