"""Phones say why two members meet: the need of one and the offer of the other that match."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.adapters.database.engine import make_engine
from app.adapters.embeddings import LexicalEmbedder
from app.config import Settings
from app.services import reading
from tests.web.helpers import play

CARRIER = {
    "first_name": "Julien",
    "last_name": "Caron",
    "company": "Caron Transport",
    "email": "julien@caron.fr",
    "offers": "Transport routier régional, affrètement",
    "needs": "Un cabinet d'expertise comptable",
}
ACCOUNTANT = {
    "first_name": "Émilie",
    "last_name": "Lefèvre",
    "company": "Lefèvre Conseil",
    "email": "emilie@lefevre.fr",
    "offers": "Expertise comptable pour PME",
    "needs": "Un transporteur routier régional",
}


def two_members_who_answer_each_other(admin: TestClient, settings: Settings) -> tuple[int, list]:
    event_id = admin.post("/api/events", json={"title": "Rencontres Béthune"}).json()["id"]
    people = [
        admin.post(f"/api/events/{event_id}/participants", json=body).json()
        for body in (CARRIER, ACCOUNTANT)
    ]
    for person in people:
        admin.post(f"/api/events/{event_id}/participants/{person['id']}/checkin")
    with Session(make_engine(settings.sqlalchemy_url)) as session:
        reading.read_pending(session, event_id, LexicalEmbedder())
    assert admin.post(f"/api/events/{event_id}/plan").status_code == 200
    return event_id, people


def whom_i_meet(client: TestClient, token: str, language: str) -> dict:
    response = client.get(f"/api/me/{token}", headers={"Accept-Language": language})
    assert response.status_code == 200
    return response.json()["itinerary"][0]["with"][0]


def test_each_side_is_told_its_own_need_and_the_others_offer_in_its_language(
    admin: TestClient, anonymous: TestClient, settings: Settings
) -> None:
    _, (carrier, accountant) = two_members_who_answer_each_other(admin, settings)
    seen_by_accountant = whom_i_meet(anonymous, accountant["token"], "fr")
    assert seen_by_accountant["first_name"] == "Julien"
    assert seen_by_accountant["why"] == (
        "Vous cherchez : Un transporteur routier régional — "
        "Julien propose : Transport routier régional"
    )
    seen_by_carrier = whom_i_meet(anonymous, carrier["token"], "en")
    assert seen_by_carrier["why"] == (  # the closer match of the two directions is the one told
        "Émilie is looking for: Un transporteur routier régional — "
        "you offer: Transport routier régional"
    )


def test_the_phone_page_carries_the_same_line(
    admin: TestClient, anonymous: TestClient, settings: Settings
) -> None:
    _, (_, accountant) = two_members_who_answer_each_other(admin, settings)
    page = anonymous.get(f"/p/{accountant['token']}", headers={"Accept-Language": "fr"}).text
    me = json.loads(re.search(r'<script type="application/json" id="me">(.*?)</script>', page)[1])
    assert me["itinerary"][0]["with"][0]["why"].startswith("Vous cherchez : Un transporteur")


def test_the_report_lists_the_needs_that_found_an_offer(
    admin: TestClient, settings: Settings
) -> None:
    event_id, _ = two_members_who_answer_each_other(admin, settings)
    assert play(admin, event_id)["phase"] == "finished"
    page = admin.get(f"/events/{event_id}/report", headers={"Accept-Language": "en"}).text
    assert "Needs that found an offer" in page
    assert "Needs that meet an offer</dt><dd>2 / 2" in page
    row = re.search(
        r"<tr><th scope=\"row\">Émilie Lefèvre \(Lefèvre Conseil\)</th>(.*?)</tr>", page
    )
    assert row is not None
    assert "Un transporteur routier régional" in row[1]
    assert "Julien Caron (Caron Transport)" in row[1]
