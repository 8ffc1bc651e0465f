"""The projector and phones follow the host's clock together, offline too, without reloading."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import PHONE, PROJECTOR, make_event, open_page, wait_live

SHIFT_MS = 45_000
READINGS = """() => [window.tablehopClock.remainingMs(), performance.timeOrigin + performance.now(),
  document.getElementById('countdown').textContent]"""


def seconds_shown(text: str) -> int:
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)


def test_projector_and_phones_show_round_one_together_whatever_their_clock(
    browser, api: httpx.Client, server, shots: Path
) -> None:
    event_id, members = make_event(api, 50, talk=110, switch=20)
    projector = open_page(browser, f"{server.url}/events/{event_id}/screen", PROJECTOR)
    projector.screenshot(path=shots / "projector-lobby.png")
    phone = open_page(browser, f"{server.url}/p/{members[0]['token']}", PHONE)
    skewed = open_page(browser, f"{server.url}/p/{members[1]['token']}", PHONE, shift_ms=SHIFT_MS)

    started = time.monotonic()
    state = api.post(f"/api/events/{event_id}/clock/start").raise_for_status().json()
    for page in (projector, phone, skewed):
        page.wait_for_function(
            "() => document.getElementById('round').textContent.startsWith('Round 1 /')",
            timeout=1000,
        )
    assert time.monotonic() - started < 1.0

    deadlines = []
    for page in (projector, phone, skewed):
        remaining, real_now, shown = page.evaluate(READINGS)
        deadlines.append(real_now + remaining)
        assert abs(seconds_shown(shown) - remaining / 1000) <= 1
    assert max(deadlines) - min(deadlines) < 500
    assert all(abs(deadline - state["deadline_ms"]) < 500 for deadline in deadlines)
    projector.wait_for_selector("#grid .entry")  # fifty people: the name list
    projector.screenshot(path=shots / "projector-talk.png")
    phone.screenshot(path=shots / "phone-talk.png")


def test_an_offline_phone_changes_table_on_time_then_resynchronises(
    browser, api: httpx.Client, server
) -> None:
    event_id, members = make_event(api, 6, talk=10, switch=3)
    me = members[0]
    rounds = {r["round"]: r for r in api.get(f"/api/me/{me['token']}").json()["itinerary"]}
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    phone = open_page(browser, f"{server.url}/p/{me['token']}", PHONE, context=context)
    state = api.post(f"/api/events/{event_id}/clock/start").raise_for_status().json()
    phone.wait_for_function("() => document.body.dataset.phase === 'talk'", timeout=1000)

    context.set_offline(True)
    phone.wait_for_selector("#link-status:not([hidden])", timeout=2000)
    assert "Offline" in phone.text_content("#link-status")
    received = phone.evaluate("tablehopClock.link.received")
    change_at = state["deadline_ms"] / 1000
    time.sleep(max(0.0, change_at - time.time() - 0.4))
    assert phone.evaluate("document.body.dataset.phase") == "talk"
    phone.wait_for_function("() => document.body.dataset.phase === 'switch'", timeout=1400)
    assert abs(time.time() - change_at) < 0.8
    assert expected_place(rounds[2]) in phone.text_content("#place")
    phone.wait_for_function("() => document.body.dataset.phase === 'talk'", timeout=4000)
    assert phone.text_content("#round").startswith("Round 2 /")
    assert phone.evaluate("tablehopClock.link.received") == received

    context.set_offline(False)
    wait_live(phone, timeout=5000)
    server_state = api.get(f"/api/events/{event_id}/state").json()
    assert phone.evaluate("tablehopClock.link.state.version") == server_state["version"]
    assert phone.is_hidden("#link-status")
    context.close()


def test_a_phone_reloaded_without_network_still_shows_its_table(
    browser, api: httpx.Client, server
) -> None:
    event_id, members = make_event(api, 6, talk=60, switch=10)
    me = members[0]
    first = api.get(f"/api/me/{me['token']}").json()["itinerary"][0]
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    phone = open_page(browser, f"{server.url}/p/{me['token']}", PHONE, context=context)
    phone.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=3000)
    api.post(f"/api/events/{event_id}/clock/start").raise_for_status()
    phone.wait_for_function("() => document.body.dataset.phase === 'talk'", timeout=1000)
    phone.reload()  # the service worker now keeps a copy of the page and its assets
    wait_live(phone)

    context.set_offline(True)
    phone.reload()
    phone.wait_for_function("() => document.body.dataset.phase === 'talk'", timeout=2000)
    assert phone.text_content("h1").startswith("Hello")
    assert phone.text_content("#round").startswith("Round 1 /")
    assert expected_place(first) in phone.text_content("#place")
    assert "Offline" in phone.text_content("#link-status")
    context.close()


def expected_place(entry: dict) -> str:
    return "sit out" if entry["sitting_out"] else f"Table {entry['table']}"


def test_the_projector_follows_every_phase_in_place(
    browser, api: httpx.Client, server, shots: Path
) -> None:
    event_id, _ = make_event(api, 7, talk=60, switch=20)
    projector = open_page(browser, f"{server.url}/events/{event_id}/screen", PROJECTOR)
    navigations = []
    projector.on("framenavigated", lambda frame: navigations.append(frame.url))
    projector.evaluate("window.tablehopMarker = 'same page'")

    def command(action: str, phase: str, grid_round: int | None = None) -> None:
        api.post(f"/api/events/{event_id}/clock/{action}").raise_for_status()
        projector.wait_for_function(
            f"() => document.body.dataset.phase === '{phase}'", timeout=1000
        )
        if grid_round is not None:
            projector.wait_for_selector(f"#grid[data-round='{grid_round}'] .card", timeout=2000)

    command("start", "talk", 1)
    command("next", "switch", 2)
    projector.screenshot(path=shots / "projector-switch.png")
    command("pause", "paused")
    projector.wait_for_timeout(700)  # let the colour transition end
    projector.screenshot(path=shots / "projector-paused.png")
    projector.evaluate(
        "tablehopClock.link.receive({type: 'banner', text: 'Coffee at the bar after round 3'})"
    )
    assert projector.text_content("#banner") == "Coffee at the bar after round 3"
    projector.screenshot(path=shots / "projector-banner.png")
    projector.evaluate("tablehopClock.link.receive({type: 'banner', text: ''})")
    assert projector.is_hidden("#banner")
    command("resume", "switch")
    command("next", "talk", 2)
    assert projector.text_content("#round").startswith("Round 2 /")
    command("finish", "finished")
    projector.screenshot(path=shots / "projector-finished.png")
    assert projector.evaluate("window.tablehopMarker") == "same page"
    assert navigations == []


def test_a_phone_says_clearly_when_its_owner_sits_out(
    browser, api: httpx.Client, server, shots: Path
) -> None:
    event_id, members = make_event(api, 7)
    plan = api.get(f"/api/events/{event_id}/plan").json()
    sitting_out = plan["rounds"][0]["sitting_out"][0]
    token = next(m["token"] for m in members if m["id"] == sitting_out)
    api.post(f"/api/events/{event_id}/clock/start").raise_for_status()
    phone = open_page(browser, f"{server.url}/p/{token}", PHONE)
    assert "You sit out this round" in phone.text_content("#place")
    assert "Round 2" in phone.text_content("#next")
    phone.screenshot(path=shots / "phone-sitout.png")


def test_a_walk_in_sees_their_table_after_the_replan(
    browser, api: httpx.Client, server, shots: Path
) -> None:
    event_id, _ = make_event(api, 5)  # the walk-in makes it even: nobody sits out
    api.post(f"/api/events/{event_id}/clock/start").raise_for_status()
    walk_in = api.post(
        f"/api/events/{event_id}/participants",
        json={"first_name": "Inès", "last_name": "Vasseur", "company": "Vasseur Conseil",
              "email": f"walk-in.{event_id}@example.fr"},
    ).raise_for_status().json()  # fmt: skip
    phone = open_page(browser, f"{server.url}/p/{walk_in['token']}", PHONE)
    assert "check in" in phone.text_content("#presence")

    api.post(f"/api/events/{event_id}/participants/{walk_in['id']}/checkin").raise_for_status()
    itinerary = api.get(f"/api/me/{walk_in['token']}").json()["itinerary"]
    first = itinerary[0]
    assert (first["round"], first["sitting_out"]) == (2, False)
    phone.wait_for_function(
        "() => document.getElementById('presence').classList.contains('present')", timeout=2000
    )
    assert expected_place(first) in phone.text_content("#next")
    assert "Your first table is in round 2" in phone.text_content("#place")
    phone.screenshot(path=shots / "phone-walk-in.png")


@pytest.mark.parametrize("query", ["prévost", "PREVOST"])
def test_the_tables_page_finds_a_name_and_its_tables(
    browser, api: httpx.Client, server, query: str
) -> None:
    event_id, _ = make_event(api, 6)
    page = browser.new_page(viewport=PHONE, locale="en-GB")
    page.goto(f"{server.url}/events/{event_id}/tables")
    page.wait_for_selector("#directory li")
    assert page.locator("#directory li").count() == 6
    page.fill("#who", query)
    rows = page.locator("#directory li")
    assert rows.count() == 1
    assert "Hugo Prévost" in rows.first.text_content()
    assert "Table" in rows.first.text_content()
    page.close()
