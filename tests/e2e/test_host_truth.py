"""The host page tells the truth, live: counts that agree, open phones, the room's clock."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.conftest import ADMIN_TOKEN
from tests.e2e.conftest import PHONE, PROJECTOR, make_event, open_page

LAPTOP = {"width": 1440, "height": 900}
COUNTS = """() => {
  const header = document.getElementById('people-counts').textContent.match(/(\\d+)\\s+present/);
  const card = document.querySelector('#presence [data-count=present]');
  return [Number(header[1]), card ? Number(card.textContent) : null];
}"""
CONTROLS = """() => [...document.querySelectorAll('#live .live-controls > *')]
  .map((b) => { const r = b.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })"""
CUT = """() => [...document.querySelectorAll('#live .live-controls > *')]
  .filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.textContent.trim())"""


def host_page(browser, server, event_id: int, locale: str = "en-GB"):
    """Open the host panel as the signed-in organiser and wait for its live link."""
    context = browser.new_context(
        viewport=LAPTOP,
        locale=locale,
        extra_http_headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
    )
    return open_page(browser, f"{server.url}/events/{event_id}/host", LAPTOP, context=context)


def wait_present(page, count: int, timeout: int = 2000) -> None:
    """Wait until the header says `count` present."""
    page.wait_for_function(
        r"(count) => new RegExp(String.raw`\b${count} present`)"
        ".test(document.getElementById('people-counts').textContent)",
        arg=count,
        timeout=timeout,
    )


def test_an_open_phone_counts_for_its_person(browser, api: httpx.Client, server) -> None:
    event_id, members = make_event(api, 4)
    open_page(browser, f"{server.url}/p/{members[0]['token']}", PHONE)
    presence = api.get(f"/events/{event_id}/host/presence").raise_for_status().text
    assert "3 present without a live phone" in presence
    missing = presence.split("present without a live phone")[1]
    assert members[0]["last_name"] not in missing
    assert members[1]["last_name"] in missing


def test_an_import_updates_the_expected_count_at_once(
    browser, api: httpx.Client, server, tmp_path: Path
) -> None:
    event_id, _ = make_event(api, 0, plan=False)
    page = host_page(browser, server, event_id)
    sheet = tmp_path / "members.csv"
    sheet.write_text(
        "Nom;Prénom;Société;Courriel\nCaron;Julien;Caron SAS;j@caron.fr\nVasseur;Léa;;l@v.fr\n"
    )
    page.click("text=Import a spreadsheet (CSV)")
    page.set_input_files("#import-file", str(sheet))
    page.click("#import-form button[type=submit]")
    page.wait_for_selector("#import-form .report")
    page.wait_for_function(
        "() => document.getElementById('people-counts').textContent.includes('2 expected')",
        timeout=2000,
    )


def test_every_count_agrees_right_after_the_check_ins(browser, api: httpx.Client, server) -> None:
    event_id, _ = make_event(api, 0, plan=False)
    for index in range(8):
        person = {"first_name": f"P{index}", "last_name": "Test", "email": f"c{index}@e2e.fr"}
        api.post(f"/api/events/{event_id}/participants", json=person).raise_for_status()
    page = host_page(browser, server, event_id)
    for present in range(1, 9):
        page.locator("#people-list button:has-text('Check in')").first.click()
        wait_present(page, present)
        assert page.evaluate(COUNTS) == [present, present]
    # Another desk checks someone in: this panel follows, its counts still agreeing.
    person = {"first_name": "Walk", "last_name": "In", "email": "walk@e2e.fr"}
    walk_in = api.post(f"/api/events/{event_id}/participants", json=person).json()
    api.post(f"/api/events/{event_id}/participants/{walk_in['id']}/checkin").raise_for_status()
    wait_present(page, 9, timeout=6000)
    assert page.evaluate(COUNTS) == [9, 9]


def test_the_host_clock_agrees_with_the_projector_after_a_resume(
    browser, api: httpx.Client, server
) -> None:
    event_id, _ = make_event(api, 4, talk=10, switch=2)
    host = host_page(browser, server, event_id)
    projector = open_page(browser, f"{server.url}/events/{event_id}/screen", PROJECTOR)
    api.post(f"/api/events/{event_id}/clock/start").raise_for_status()
    api.post(f"/api/events/{event_id}/clock/next").raise_for_status()  # change-over to round 2
    api.post(f"/api/events/{event_id}/clock/pause").raise_for_status()
    host.wait_for_selector("#live.phase-paused")
    host.click("#live button:has-text('Resume')")
    host.wait_for_timeout(2500)  # the change-over (2 s) is over: round 2 talks
    for _ in range(4):
        shown = host.evaluate(
            "[document.getElementById('countdown').textContent,"
            " document.querySelector('#live .phase-chip').textContent.trim(),"
            " window.tablehopClock.remainingMs()]"
        )
        reference = projector.evaluate("window.tablehopClock.remainingMs()")
        assert shown[1] == "Talk"
        assert abs(shown[2] - reference) < 100
        host.wait_for_timeout(300)


@pytest.mark.parametrize("locale", ["en-GB", "fr-FR"])
def test_the_control_row_does_not_move_while_the_event_runs(
    browser, api: httpx.Client, server, shots: Path, locale: str
) -> None:
    event_id, _ = make_event(api, 40, talk=30, switch=30)
    page = host_page(browser, server, event_id, locale)
    boxes = {"lobby": page.evaluate(CONTROLS)}
    for action, phase in (("start", "talk"), ("next", "switch"), ("pause", "paused")):
        api.post(f"/api/events/{event_id}/clock/{action}").raise_for_status()
        page.wait_for_selector(f"#live.phase-{phase}")
        boxes[phase] = page.evaluate(CONTROLS)
        assert page.evaluate(CUT) == [], phase  # every label fits its button
        page.screenshot(path=shots / f"host-controls-{phase}-{locale}.png")
    api.post(f"/api/events/{event_id}/clock/finish").raise_for_status()
    page.wait_for_selector("#live.phase-finished")
    boxes["finished"] = page.evaluate(CONTROLS)
    assert all(shape == boxes["lobby"] for shape in boxes.values()), boxes
    report = page.locator(f"#live a[href='/events/{event_id}/report']")
    assert report.count() == 1
