"""The host panel: what the organiser sees and does on the laptop, one htmx swap at a time."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.helpers import add_member, planned_event

EN = {"Accept-Language": "en"}


def version_of(html: str) -> int:
    return int(re.search(r'data-version="(\d+)"', html).group(1))


def test_the_page_shows_the_plan_grid_the_clock_and_the_people(host: TestClient) -> None:
    event_id, members = planned_event(host, people=14)
    page = host.get(f"/events/{event_id}/host")
    assert page.status_code == 200
    assert "Table 7" in page.text
    assert "13 rounds planned" in page.text
    assert "Pairs covered" in page.text and "91 / 91" in page.text
    assert f"{members[3]['first_name']} {members[3]['last_name']}" in page.text
    assert 'data-shortcut="primary"' in page.text


def test_the_page_speaks_french_to_a_french_browser(host: TestClient) -> None:
    event_id, _ = planned_event(host)
    page = host.get(f"/events/{event_id}/host", headers={"Accept-Language": "fr-FR"})
    assert "Message sur tous les écrans" in page.text
    assert "Tour" in page.text


def test_an_unknown_event_is_a_404(host: TestClient) -> None:
    assert host.get("/events/999/host").status_code == 404


def test_the_new_event_form_says_the_limits_beside_each_number(host: TestClient) -> None:
    form = host.get("/events/new").text
    talk = re.search(r'<input id="ev-talk"[^>]*>\s*<small id="ev-talk-limits"[^>]*>([^<]*)<', form)
    assert talk is not None and talk.group(1) == "From 10 to 3600 seconds"
    assert 'aria-describedby="ev-talk-limits"' in form
    assert "From 0 to 600 seconds" in form and "From 3 to 10" in form


def test_a_new_event_is_created_from_the_form(host: TestClient) -> None:
    assert "New event" in host.get("/").text
    form = {"title": "Afterwork Béthune", "format": "tables", "table_size": "4", "language": "fr"}
    response = host.post("/events", data=form, follow_redirects=False)
    assert response.status_code == 303
    page = host.get(response.headers["location"])
    assert "Afterwork Béthune" in page.text


def test_a_bad_event_form_says_which_field_is_wrong(host: TestClient) -> None:
    response = host.post("/events", data={"title": "", "talk_seconds": "5"})
    assert response.status_code == 422
    assert "title" in response.text and "talk_seconds" in response.text


def test_the_settings_change_the_lobby_clock_and_ask_for_a_new_plan(host: TestClient) -> None:
    event_id, _ = planned_event(host, people=6)
    form = {"title": "Rencontres Arras", "talk_seconds": "90", "switch_seconds": "10"}
    response = host.post(f"/events/{event_id}/host/settings", data={**form, "rounds": "3"})
    assert response.status_code == 200
    assert "Settings saved." in response.text
    assert "Generate the plan again" in response.text
    host.post(f"/api/events/{event_id}/clock/start")
    state = host.get(f"/api/events/{event_id}/state").json()
    assert 89_000 < state["remaining_ms"] <= 90_000


def test_once_started_only_the_title_can_change(host: TestClient) -> None:
    event_id, _ = planned_event(host, people=4)
    host.post(f"/api/events/{event_id}/clock/start")
    form = {"title": "Nouveau titre", "talk_seconds": "60", "switch_seconds": "15"}
    assert host.post(f"/events/{event_id}/host/settings", data=form).status_code == 200
    changed = host.post(f"/events/{event_id}/host/settings", data={**form, "talk_seconds": "30"})
    assert changed.status_code == 409
    assert "only its title, date, venue and language can change" in changed.text


def test_the_import_reports_each_skipped_line(host: TestClient, event_id: int) -> None:
    csv = (
        "Nom;Prénom;Entreprise;Email\n"
        "Caron;Julien;Caron SAS;julien@caron.fr\n"
        "Dupont;;X;pas-un-mail\n"
    )
    response = host.post(
        f"/events/{event_id}/host/people/import",
        files={"file": ("membres.csv", csv.encode("utf-8"), "text/csv")},
    )
    assert response.status_code == 200
    assert "1 registered for this event." in response.text
    assert "Line 3</strong> (Dupont)" in response.text
    assert response.headers["HX-Trigger"] == "people-changed"
    assert "Julien Caron" in host.get(f"/events/{event_id}/host/people").text


def test_an_import_into_a_new_event_says_the_members_were_known(
    host: TestClient, event_id: int
) -> None:
    csv = "Nom;Prénom;Email;Téléphone\nCaron;Julien;j@caron.fr;0601\nCaron;Julien;J@caron.fr;0699\n"
    sheet = {"file": ("membres.csv", csv.encode("utf-8"), "text/csv")}
    host.post(f"/events/{event_id}/host/people/import", files=sheet)
    body = {"title": "Rencontres Lens", "talk_seconds": 60, "switch_seconds": 15}
    second = host.post("/api/events", json=body).json()["id"]
    response = host.post(f"/events/{second}/host/people/import", files=sheet)
    text = " ".join(response.text.split())
    assert "1 registered for this event, of whom 1 already known members whose" in text
    assert "Line 3</strong> (Julien Caron)" in text
    assert "not used from this line: phone &#39;0699&#39;" in text


def test_a_workbook_instead_of_a_csv_is_refused_inline(host: TestClient, event_id: int) -> None:
    response = host.post(
        f"/events/{event_id}/host/people/import",
        files={"file": ("membres.xlsx", b"PK\x03\x04 not a csv", "application/octet-stream")},
    )
    assert response.status_code == 422
    assert 'role="alert"' in response.text


def test_search_as_you_type_ignores_case_and_accents(host: TestClient, event_id: int) -> None:
    person = {"first_name": "Émilie", "last_name": "Lefèvre", "email": "e@artois.fr"}
    host.post(f"/api/events/{event_id}/participants", json=person)
    add_member(host, event_id, 1)
    found = host.get(f"/events/{event_id}/host/people", params={"q": "emilie lefev"}).text
    assert "Émilie Lefèvre" in found and "Nom1" not in found
    assert "Nobody matches" in host.get(f"/events/{event_id}/host/people?q=zzz").text


def test_check_in_toggles_and_updates_the_counts(host: TestClient, event_id: int) -> None:
    member = add_member(host, event_id, 1)
    url = f"/events/{event_id}/host/people/{member['id']}"
    checked = host.post(f"{url}/checkin")
    assert checked.status_code == 200
    assert "✓ Present" in checked.text
    assert 'id="people-counts" class="counts" hx-swap-oob="true"' in checked.text
    undone = host.post(f"{url}/checkout")
    assert "Check in" in undone.text
    assert undone.status_code == 200


def test_a_walk_in_after_the_plan_gets_a_qr_and_the_plan_changes(host: TestClient) -> None:
    event_id, _ = planned_event(host, people=4)
    person = {
        "first_name": "Léa",
        "last_name": "Wattez",
        "company": "Wattez SAS",
        "email": "lea@w.fr",
    }
    response = host.post(f"/events/{event_id}/host/people", data={**person, "check_in": "true"})
    assert response.status_code == 200
    assert "Welcome, Léa!" in response.text
    assert "<svg" in response.text and "/p/" in response.text
    assert 'hx-swap-oob="innerHTML"' in response.text
    plan = host.get(f"/api/events/{event_id}/plan").json()
    assert plan["version"] == 2
    assert len(plan["rounds"]) == 5


def test_a_bad_email_in_the_add_form_is_shown_inline(host: TestClient, event_id: int) -> None:
    form = {"first_name": "Léa", "last_name": "Wattez", "email": "nope"}
    response = host.post(f"/events/{event_id}/host/people", data=form)
    assert response.status_code == 422
    assert "is not an e-mail address" in response.text
    assert 'value="Léa"' in response.text


def test_marking_someone_gone_twice_shows_the_error_in_their_row(host: TestClient) -> None:
    event_id, members = planned_event(host, people=5)
    url = f"/events/{event_id}/host/people/{members[0]['id']}/leave"
    first = host.post(url)
    assert first.status_code == 200
    assert first.headers["HX-Trigger"] == "plan-changed"
    again = host.post(url)
    assert again.status_code == 409
    assert "has already left" in again.text


def test_the_qr_of_a_participant_shows_their_personal_link(host: TestClient) -> None:
    event_id, members = planned_event(host, people=2)
    response = host.get(f"/events/{event_id}/host/people/{members[0]['id']}/qr")
    assert f"/p/{members[0]['token']}" in response.text
    assert "<svg" in response.text


def test_generating_without_people_shows_the_reason(host: TestClient, event_id: int) -> None:
    response = host.post(f"/events/{event_id}/host/plan")
    assert response.status_code == 409
    assert 'role="alert"' in response.text


def test_generating_shows_the_grid_and_metrics(host: TestClient) -> None:
    event_id, _ = planned_event(host, people=5)
    response = host.post(f"/events/{event_id}/host/plan")
    assert response.status_code == 200
    assert "v2" in response.text
    assert "Sits out" in response.text and "Table 2" in response.text


def test_a_clock_command_answers_with_the_live_panel(host: TestClient) -> None:
    event_id, _ = planned_event(host)
    panel = host.get(f"/events/{event_id}/host/live").text
    version = version_of(panel)
    started = host.post(f"/events/{event_id}/host/clock/start?version={version}")
    assert started.status_code == 200
    assert "Round 1 / 5" in started.text and "Talk" in started.text
    assert "1:00" in started.text
    paused = host.post(f"/events/{event_id}/host/clock/pause?version={version_of(started.text)}")
    assert "Paused" in paused.text and "Resume" in paused.text


def test_a_double_click_acts_once(host: TestClient) -> None:
    event_id, _ = planned_event(host)
    version = version_of(host.get(f"/events/{event_id}/host/live").text)
    host.post(f"/events/{event_id}/host/clock/start?version={version}")
    again = host.post(f"/events/{event_id}/host/clock/next?version={version}")
    assert again.status_code == 409
    assert "nothing was done twice" in again.text
    assert "Round 1 / 5" in again.text


def test_a_command_that_does_not_apply_shows_its_reason(host: TestClient) -> None:
    event_id, _ = planned_event(host)
    response = host.post(f"/events/{event_id}/host/clock/pause")
    assert response.status_code == 409
    assert "cannot pause during lobby" in response.text


def test_a_state_change_reaches_the_host_feed(host: TestClient) -> None:
    event_id, _ = planned_event(host)
    with host.websocket_connect(f"/ws/events/{event_id}?kind=host") as socket:
        socket.receive_json()
        host.post(f"/events/{event_id}/host/clock/start")
        assert socket.receive_json()["phase"] == "talk"


def test_the_plan_grid_tells_apart_two_people_of_the_same_short_name(host: TestClient) -> None:
    body = {"title": "Rencontres Arras", "talk_seconds": 60, "switch_seconds": 15}
    event_id = host.post("/api/events", json=body).json()["id"]
    for first, last, company in (("Jérôme", "Bernard", "Bernard SA"), ("Jérôme", "Briand", "")):
        person = {"first_name": first, "last_name": last, "company": company}
        person["email"] = f"{last.lower()}@example.fr"
        added = host.post(f"/api/events/{event_id}/participants", json=person).json()
        host.post(f"/api/events/{event_id}/participants/{added['id']}/checkin")
    host.post(f"/api/events/{event_id}/plan").raise_for_status()
    grid = host.get(f"/events/{event_id}/host/plan").text
    assert "Jérôme Bernard" in grid and "Jérôme Briand" in grid and "Bernard SA" in grid
    assert "Jérôme B." not in grid


def test_a_finished_event_links_the_report_from_the_live_panel(host: TestClient) -> None:
    event_id, _ = planned_event(host, people=4)
    host.post(f"/api/events/{event_id}/clock/start").raise_for_status()
    assert f"/events/{event_id}/report" not in host.get(f"/events/{event_id}/host/live").text
    host.post(f"/api/events/{event_id}/clock/finish").raise_for_status()
    panel = host.get(f"/events/{event_id}/host/live").text
    assert f'href="/events/{event_id}/report"' in panel


def test_the_host_sees_how_long_a_skipped_round_really_talked(host: TestClient) -> None:
    event_id, _ = planned_event(host, people=4)
    host.post(f"/api/events/{event_id}/clock/start").raise_for_status()
    assert "talked" not in host.get(f"/events/{event_id}/host/live").text
    host.post(f"/api/events/{event_id}/clock/next").raise_for_status()
    assert "Round 1 talked 0:00 of 1:00." in host.get(f"/events/{event_id}/host/live").text
    grid = host.get(f"/events/{event_id}/host/plan").text
    assert re.search(r'<th scope="row">1<small class="ran"[^>]*>0:00</small>', grid)
