"""The projector shows everyone's table within 30 s, at any count, on 1080p, 720p and 4:3."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from app.services.demo import demo_people
from tests.conftest import ADMIN_TOKEN
from tests.e2e.conftest import PROJECTOR, wait_live

SMALL = {"width": 1280, "height": 720}
FOUR_THIRDS = {"width": 1024, "height": 768}
WINDOW_MS, STEP_MS = 30_000, 250
# Every seat whose table and name are wholly on screen, as the room reads them: a card (its
# number and names) or a line of the name list, inside the viewport and the grid's window.
SEATS_SHOWN = """() => {
  const win = document.querySelector('.grid-window').getBoundingClientRect();
  const inside = (r) => r.left >= Math.max(0, win.left) - 0.5 && r.top >= Math.max(0, win.top) - 0.5
    && r.right <= Math.min(innerWidth, win.right) + 0.5
    && r.bottom <= Math.min(innerHeight, win.bottom) + 0.5;
  const table = (node) => node.matches('.card-out') || node.querySelector('.entry-out')
    ? '' : node.querySelector('.card-table, .entry-table').textContent;
  const listed = (entry) => `${entry.querySelector('.entry-name').childNodes[1].textContent.trim()}`
    + ` ${entry.querySelector('b').textContent}`;
  const names = (node) => node.matches('.entry') ? [listed(node)]
    : [...node.querySelectorAll('.name')].map((name) => name.textContent);
  return [...document.querySelectorAll('#grid .card, #grid .entry')]
    .filter((node) => inside(node.getBoundingClientRect()))
    .flatMap((node) => names(node).map((name) => `${table(node)}|${name}`));
}"""
CUT_NAMES = """[...document.querySelectorAll('#grid .name, #grid .entry-name')]
  .filter((name) => name.scrollWidth > name.clientWidth + 1).length"""


@pytest.fixture(scope="module")
def organiser(server) -> Iterator[httpx.Client]:
    """An organiser's client shared by the module, so each room is seated once."""
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    with httpx.Client(base_url=server.url, headers=headers, timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def room(organiser: httpx.Client) -> Callable[..., int]:
    """Give a started event of `people` checked in, seated once per set of arguments."""
    rooms: dict[tuple, int] = {}

    def make(people: int, table_size: int = 2, language: str = "en") -> int:
        key = (people, table_size, language)
        if key not in rooms:
            rooms[key] = seated_event(organiser, people, table_size, language)
            organiser.post(f"/api/events/{rooms[key]}/clock/start").raise_for_status()
        return rooms[key]

    return make


def seated_event(api: httpx.Client, people: int, table_size: int, language: str) -> int:
    """Import `people` demo members from a CSV, check them all in and plan their rounds."""
    body = {"title": "Speed business Arras", "talk_seconds": 600, "switch_seconds": 20,
            "language": language, "format": "tables" if table_size > 2 else "pairs",
            "table_size": table_size}  # fmt: skip
    event_id = api.post("/api/events", json=body).raise_for_status().json()["id"]
    rows = [f"{p['first_name']};{p['last_name']};{p['company']};seat.{event_id}.{i}@example.fr"
            for i, p in enumerate(demo_people(people + 7)[7:])]  # fmt: skip
    if people > 2:  # one name long enough to wrap, which must never be cut
        long_name = "Marie-Christine;de La Rochefoucauld-Montbazon"
        rows[1] = f"{long_name};Maison d'Artois;seat.{event_id}.x@example.fr"
    csv = "Prénom;Nom;Entreprise;Email\n" + "\n".join(rows)
    report = api.post(f"/api/events/{event_id}/participants/import", files={"file": ("m.csv", csv)})
    assert report.raise_for_status().json()["errors"] == []
    for person in api.get(f"/api/events/{event_id}/participants").json():
        api.post(f"/api/events/{event_id}/participants/{person['id']}/checkin").raise_for_status()
    api.post(f"/api/events/{event_id}/plan").raise_for_status()
    return event_id


def open_projector(browser, url: str, viewport: dict, locale: str = "en-GB"):
    """Open the projector on a clock the test drives, without the page-turn slide."""
    context = browser.new_context(viewport=viewport, locale=locale, reduced_motion="reduce")
    context.clock.install()
    page = context.new_page()
    page.goto(url)
    wait_live(page)
    return page


def seats_of(api: httpx.Client, event_id: int, round_: int) -> set[str]:
    """Give every seat of a round as 'table|First Last' ('|…' for whoever sits out)."""
    grid = api.get(f"/events/{event_id}/grid", params={"round": round_}).json()
    seats = {f"{t['table']}|{p['first_name']} {p['last_name']}" for t in grid["tables"]
             for p in t["people"]}  # fmt: skip
    return seats | {f"|{p['first_name']} {p['last_name']}" for p in grid["sitting_out"]}


def seats_shown_within(page, window_ms: int = WINDOW_MS) -> set[str]:
    """Run the page's clock through the window and gather every seat shown whole on the way."""
    shown: set[str] = set()
    for _ in range(window_ms // STEP_MS + 1):
        shown |= set(page.evaluate(SEATS_SHOWN))
        page.clock.run_for(STEP_MS)
    return shown


def assert_everyone_shown(api: httpx.Client, page, event_id: int, round_: int) -> None:
    shown = f"#grid[data-round='{round_}']"
    page.wait_for_selector(f"{shown} .card, {shown} .entry", timeout=3000)
    assert page.evaluate(CUT_NAMES) == 0
    missing = seats_of(api, event_id, round_) - seats_shown_within(page)
    assert not missing, f"never shown whole within 30 s: {sorted(missing)}"


@pytest.mark.parametrize("viewport", [PROJECTOR, SMALL], ids=["1080p", "720p"])
@pytest.mark.parametrize("tables", [1, 9, 10, 11, 25, 50])
def test_every_table_of_a_talk_is_shown_within_30_seconds(
    browser, organiser: httpx.Client, server, room, tables: int, viewport: dict
) -> None:
    event_id = room(2 * tables)
    page = open_projector(browser, f"{server.url}/events/{event_id}/screen", viewport)
    assert_everyone_shown(organiser, page, event_id, 1)
    page.context.close()


@pytest.mark.parametrize("viewport", [PROJECTOR, SMALL, FOUR_THIRDS], ids=["1080p", "720p", "4:3"])
def test_every_seat_of_the_coming_round_is_shown_within_30_seconds_of_the_change_over(
    browser, organiser: httpx.Client, server, viewport: dict
) -> None:
    event_id = seated_event(organiser, 101, 2, "en")  # 50 tables and one person sitting out
    organiser.post(f"/api/events/{event_id}/clock/start").raise_for_status()
    page = open_projector(browser, f"{server.url}/events/{event_id}/screen", viewport)
    page.wait_for_selector("#grid[data-round='1'] .entry")
    organiser.post(f"/api/events/{event_id}/clock/next").raise_for_status()
    page.wait_for_function("() => document.body.dataset.phase === 'switch'", timeout=2000)
    assert_everyone_shown(organiser, page, event_id, 2)
    page.context.close()


@pytest.mark.parametrize("viewport", [PROJECTOR, SMALL], ids=["1080p", "720p"])
def test_tables_of_ten_are_shown_whole_to_a_french_room(
    browser, organiser: httpx.Client, server, room, viewport: dict
) -> None:
    event_id = room(40, table_size=10, language="fr")
    page = open_projector(browser, f"{server.url}/events/{event_id}/screen", viewport, "fr-FR")
    assert_everyone_shown(organiser, page, event_id, 1)
    assert page.text_content("#grid-title") == "Qui est à quelle table — tour 1"
    page.context.close()
