"""In a real browser: the host sees members' texts being read by the model, then the bar goes."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from sqlmodel import Session

from app.adapters.database.engine import make_engine
from app.services.importing import import_people
from tests.e2e.test_host_truth import host_page

MEMBERS = 120


def sheet() -> bytes:
    """Members who offer and need things, as a spreadsheet."""
    from app.services.demo_profiles import PROFILES

    lines = ["Prénom;Nom;Courriel;Offres;Besoins"]
    for i in range(MEMBERS):
        offers, needs = PROFILES[i % len(PROFILES)]
        lines.append(f'M{i};Lecture;lecture{i}@example.fr;"{offers} n°{i}";"{needs} n°{i}"')
    return "\r\n".join(lines).encode()


def test_the_bar_counts_the_texts_read_then_goes_away(
    browser, api: httpx.Client, server, shots: Path
) -> None:
    from playwright.sync_api import expect

    event_id = api.post("/api/events", json={"title": "Lecture"}).raise_for_status().json()["id"]
    # Stored behind the server's back, as after a crash: only the bar can start the reading.
    engine = make_engine(server.env["DATABASE_URL"])
    with Session(engine) as session:
        import_people(session, event_id, sheet())
    engine.dispose()
    page = host_page(browser, server, event_id, locale="fr-FR")
    label = page.locator("#reading label")
    expect(label).to_have_text(re.compile(r"Lecture des textes des membres : \d+ / \d+"))
    read, total = map(int, re.findall(r"\d+", label.text_content()))
    assert read < total  # the model (loaded at start) is reading them now
    page.screenshot(path=shots / "host-reading.png")
    expect(page.locator("#reading-bar")).to_have_count(0, timeout=60_000)
