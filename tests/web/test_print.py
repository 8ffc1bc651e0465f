"""Printed sheets: badges with personal QR codes, one schedule per person, table cards."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.web.helpers import add_member, planned_event

EN = {"Accept-Language": "en"}


def test_everything_is_printed_by_default(admin: TestClient) -> None:
    event_id, members = planned_event(admin, people=6)
    page = admin.get(f"/events/{event_id}/print", headers=EN)
    assert page.status_code == 200
    assert "@page" not in page.text  # the A4 rules live in print.css
    assert page.text.count('class="badge"') == 6
    assert page.text.count('class="schedule"') == 6
    assert page.text.count('class="table-card"') == 3
    assert f"/p/{members[0]['token']}" not in page.text  # the link is only inside the QR code
    assert page.text.count("<svg") == 6


def test_badges_come_eight_to_a_page(admin: TestClient) -> None:
    event_id, _ = planned_event(admin, people=10)
    page = admin.get(f"/events/{event_id}/print?what=badges", headers=EN).text
    assert page.count('class="sheet badge-sheet"') == 2
    assert 'class="schedule"' not in page and 'class="table-card"' not in page


def test_a_schedule_says_round_table_and_whom(admin: TestClient) -> None:
    event_id, members = planned_event(admin, people=5)
    page = admin.get(f"/events/{event_id}/print?what=schedules", headers=EN).text
    assert "Table 1" in page
    assert "You sit out this round" in page
    assert f"{members[1]['first_name']} {members[1]['last_name']}" in page
    assert 'class="badge"' not in page


def test_table_cards_carry_large_numbers(admin: TestClient) -> None:
    event_id, _ = planned_event(admin, people=8)
    page = admin.get(f"/events/{event_id}/print?what=tables", headers=EN).text
    assert page.count('class="table-number"') == 4
    assert '<p class="table-number">4</p>' in page


def test_sections_can_be_combined(admin: TestClient) -> None:
    event_id, _ = planned_event(admin, people=4)
    url = f"/events/{event_id}/print?what=tables&what=badges"
    page = admin.get(url, headers=EN).text
    assert 'class="table-card"' in page and 'class="badge"' in page
    assert 'class="schedule"' not in page


def test_an_unknown_section_is_a_422(admin: TestClient) -> None:
    event_id, _ = planned_event(admin, people=2)
    assert admin.get(f"/events/{event_id}/print?what=menus").status_code == 422


def test_before_the_plan_badges_print_and_schedules_wait(admin: TestClient, event_id: int) -> None:
    add_member(admin, event_id, 1)
    page = admin.get(f"/events/{event_id}/print", headers=EN).text
    assert page.count('class="badge"') == 1
    assert "No plan yet" in page


def test_the_print_stylesheet_lays_out_a4_pages() -> None:
    css = (Path(__file__).resolve().parents[2] / "app/static/css/print.css").read_text()
    assert "@page { size: A4; margin: 12mm; }" in css
    assert "break-after: page" in css
