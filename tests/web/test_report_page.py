"""The organiser's report shows what the event produced, in French and English."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import partner, planned_event, play

EN = {"Accept-Language": "en"}


def played_event(admin: TestClient, anonymous: TestClient) -> int:
    """Play six people to the end; member 0 and their first partner match."""
    event_id, members = planned_event(admin, people=6)
    assert play(admin, event_id)["phase"] == "finished"
    me = members[0]
    other = partner(anonymous, me["token"], 1)
    token = next(m["token"] for m in members if m["id"] == other)
    anonymous.put(f"/api/me/{me['token']}/interests/{other}")
    anonymous.put(f"/api/me/{token}/interests/{me['id']}")
    return event_id


def test_the_report_shows_its_figures_in_english(admin: TestClient, anonymous: TestClient) -> None:
    event_id = played_event(admin, anonymous)
    response = admin.get(f"/events/{event_id}/report", headers={"Accept-Language": "en"})
    assert response.status_code == 200
    text = response.text
    assert "Mutual matches" in text
    assert "Meetings per round" in text
    assert "5 of 5" in text  # rounds held of planned
    assert "15 of 15" in text  # pairs covered of possible
    assert "<svg" in text
    assert "<script" not in text
    assert "By club" in text and "No club" in text


def test_the_report_speaks_french(admin: TestClient, anonymous: TestClient) -> None:
    event_id = played_event(admin, anonymous)
    response = admin.get(f"/events/{event_id}/report", headers={"Accept-Language": "fr"})
    assert "Contacts réciproques" in response.text
    assert "Rencontres par tour" in response.text
    assert "5 sur 5" in response.text


def test_an_event_not_started_has_a_report_too(admin: TestClient, event_id: int) -> None:
    response = admin.get(f"/events/{event_id}/report?lang=en")
    assert response.status_code == 200
    assert "No round has been held yet." in response.text


def test_a_stranger_is_sent_to_sign_in(anonymous: TestClient) -> None:
    response = anonymous.get("/events/1/report", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/"


def test_the_report_of_an_unknown_event_is_a_404(admin: TestClient) -> None:
    assert admin.get("/events/999/report").status_code == 404


def test_the_report_says_how_long_each_held_round_really_ran(admin: TestClient) -> None:
    event_id, _ = planned_event(admin, people=6, talk_seconds=110)
    for action in ("start", "next", "next", "finish"):  # round 1 skipped, round 2 finished early
        admin.post(f"/api/events/{event_id}/clock/{action}").raise_for_status()
    text = " ".join(admin.get(f"/events/{event_id}/report", headers=EN).text.split())
    assert "2 of 5 <small>(2 cut short)</small>" in text
    assert "How long each round ran" in text and "1:50 were planned" in text
    assert 'class="short">Round 1 <strong>0:00</strong>' in text
    assert 'class="short">Round 2 <strong>0:00</strong>' in text
