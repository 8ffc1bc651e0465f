"""The host sees a progress bar while members' texts are being read, and none once they are."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.adapters.database.engine import make_engine
from app.adapters.embeddings import LexicalEmbedder
from app.config import Settings
from app.services import reading

SHEET = (
    "Prénom;Nom;Courriel;Offres;Besoins\r\n"
    "Nadia;Wattez;nadia@wattez.fr;Transport routier, affrètement;Un expert-comptable\r\n"
    "Paul;Roger;paul@roger.fr;Expertise comptable;Un transporteur régional\r\n"
)


@pytest.fixture
def asked(monkeypatch) -> list[int]:
    """Keep the background reader idle, recording the events it is asked to read."""
    events: list[int] = []
    monkeypatch.setattr(reading, "read_soon", lambda session, event_id: events.append(event_id))
    return events


def imported(admin: TestClient, event_id: int) -> None:
    files = {"file": ("membres.csv", SHEET.encode(), "text/csv")}
    response = admin.post(f"/api/events/{event_id}/participants/import", files=files)
    assert response.status_code == 200, response.text


def partial(admin: TestClient, event_id: int, language: str = "en") -> str:
    response = admin.get(f"/events/{event_id}/host/reading", headers={"Accept-Language": language})
    assert response.status_code == 200
    return response.text


def test_the_bar_counts_the_texts_read_polls_and_asks_for_the_rest(
    admin: TestClient, event_id: int, asked: list[int]
) -> None:
    imported(admin, event_id)
    assert asked == [event_id]  # the import asked for its texts to be read
    # 4 phrases, and "Transport routier, affrètement" read whole as their context
    panel = partial(admin, event_id)
    assert "Reading members' texts: 0 / 6" in panel
    assert '<progress id="reading-bar" max="6" value="0">' in panel
    assert 'hx-trigger="every 2s"' in panel
    assert asked == [event_id, event_id]  # not read yet: the bar asks again (after a restart)
    assert "Lecture des textes des membres : 0 / 6" in partial(admin, event_id, "fr")


def test_the_bar_goes_away_once_everything_is_read(
    admin: TestClient, event_id: int, settings: Settings, asked: list[int]
) -> None:
    imported(admin, event_id)
    engine = make_engine(settings.sqlalchemy_url)
    with Session(engine) as session:
        reading.read_pending(session, event_id, LexicalEmbedder())
    engine.dispose()
    panel = partial(admin, event_id)
    assert "<progress" not in panel
    assert 'hx-trigger="people-changed from:body"' in panel  # a later import shows it again
    assert asked == [event_id]


def test_the_host_page_loads_the_bar_and_strangers_get_none(
    admin: TestClient, anonymous: TestClient, event_id: int
) -> None:
    page = admin.get(f"/events/{event_id}/host").text
    assert f'hx-get="/events/{event_id}/host/reading"' in page
    assert 'hx-trigger="load, people-changed from:body"' in page
    assert anonymous.get(f"/events/{event_id}/host/reading").status_code == 401


def test_an_imported_event_is_read_in_the_background(admin: TestClient, event_id: int) -> None:
    imported(admin, event_id)
    for _ in range(600):  # the lexical reader takes milliseconds; give it room on a busy machine
        if "<progress" not in partial(admin, event_id):
            break
    assert "<progress" not in partial(admin, event_id)


def test_a_participant_added_alone_is_read_too(
    admin: TestClient, event_id: int, asked: list[int]
) -> None:
    person = {"first_name": "Nadia", "last_name": "W", "email": "n@w.fr", "needs": "Un avocat"}
    assert admin.post(f"/api/events/{event_id}/participants", json=person).status_code == 201
    assert asked == [event_id]
    assert "Reading members' texts: 0 / 1" in partial(admin, event_id)


def test_a_member_editing_their_needs_is_read_again_but_not_for_a_pitch(
    admin: TestClient, anonymous: TestClient, event_id: int, asked: list[int]
) -> None:
    person = {"first_name": "Nadia", "last_name": "W", "email": "n@w.fr"}
    token = admin.post(f"/api/events/{event_id}/participants", json=person).json()["token"]
    asked.clear()
    assert anonymous.put(f"/api/me/{token}/profile", json={"pitch": "Bonjour"}).status_code == 200
    assert asked == []
    edit = {"needs": "Un transporteur régional"}
    assert anonymous.put(f"/api/me/{token}/profile", json=edit).status_code == 200
    assert asked == [event_id]
    assert "Reading members' texts: 0 / 1" in partial(admin, event_id)
