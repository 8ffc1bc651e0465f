"""Mutual matches: hidden until the event ends, then only what each person chose to share."""

from __future__ import annotations

import vobject
from fastapi.testclient import TestClient

from tests.web.helpers import play

PEOPLE = [
    {
        "first_name": "Émilie",
        "last_name": "Lefèvre",
        "company": "Vasseur, Lefèvre & Associés; SARL",
        "email": "emilie@example.fr",
        "phone": "+33 3 21 00 00 01",
        "website": "https://lefevre.example.fr",
    },
    {
        "first_name": "Jérôme",
        "last_name": "Dhainaut-Bécourt",
        "company": "Numéria Lens",
        "email": "jerome@example.fr",
        "phone": "+33 3 21 00 00 02",
        "website": "https://numeria.example.fr",
    },
    {"first_name": "Anaïs", "last_name": "Prévost", "company": "Caron", "email": "anais@ex.fr"},
    {"first_name": "Hugo", "last_name": "Roussel", "company": "Ducrocq", "email": "hugo@ex.fr"},
]


def event_with_four(admin: TestClient) -> tuple[int, list[dict]]:
    """Plan four people (everyone meets everyone in three rounds) and play all three talks."""
    event_id = admin.post("/api/events", json={"title": "Rencontres Béthune"}).json()["id"]
    members = [admin.post(f"/api/events/{event_id}/participants", json=p).json() for p in PEOPLE]
    for member in members:
        admin.post(f"/api/events/{event_id}/participants/{member['id']}/checkin")
    admin.post(f"/api/events/{event_id}/plan")
    assert play(admin, event_id, rounds=3)["phase"] == "talk"
    return event_id, members


def tap(client: TestClient, who: dict, whom: dict) -> None:
    response = client.put(f"/api/me/{who['token']}/interests/{whom['id']}")
    assert response.status_code == 200, response.text


def finish(admin: TestClient, event_id: int) -> None:
    assert admin.post(f"/api/events/{event_id}/clock/next").json()["phase"] == "finished"


def test_no_match_is_visible_before_the_end(admin: TestClient, anonymous: TestClient) -> None:
    event_id, (emilie, jerome, anais, _) = event_with_four(admin)
    tap(anonymous, emilie, jerome)
    tap(anonymous, jerome, emilie)
    tap(anonymous, anais, emilie)
    for member in (emilie, jerome, anais):
        response = anonymous.get(f"/api/me/{member['token']}/matches")
        assert response.json() == {"revealed": False, "matches": []}
    response = anonymous.get(f"/api/me/{emilie['token']}/contacts.vcf")
    assert response.status_code == 409
    finish(admin, event_id)
    matches = anonymous.get(f"/api/me/{emilie['token']}/matches").json()
    assert matches["revealed"] is True
    assert [m["id"] for m in matches["matches"]] == [jerome["id"]]


def test_a_one_sided_tap_is_never_a_match(admin: TestClient, anonymous: TestClient) -> None:
    event_id, (emilie, _, anais, hugo) = event_with_four(admin)
    tap(anonymous, anais, emilie)
    tap(anonymous, hugo, anais)
    finish(admin, event_id)
    for member in (emilie, anais, hugo):
        matches = anonymous.get(f"/api/me/{member['token']}/matches").json()
        assert matches == {"revealed": True, "matches": []}


def test_a_match_gets_only_the_details_chosen(admin: TestClient, anonymous: TestClient) -> None:
    event_id, (emilie, jerome, *_) = event_with_four(admin)
    anonymous.put(f"/api/me/{jerome['token']}/sharing", json={"email": False, "phone": True})
    tap(anonymous, emilie, jerome)
    tap(anonymous, jerome, emilie)
    finish(admin, event_id)
    [seen_by_emilie] = anonymous.get(f"/api/me/{emilie['token']}/matches").json()["matches"]
    assert seen_by_emilie["phone"] == jerome["phone"]
    assert "email" not in seen_by_emilie
    assert "website" not in seen_by_emilie
    [seen_by_jerome] = anonymous.get(f"/api/me/{jerome['token']}/matches").json()["matches"]
    assert seen_by_jerome["email"] == emilie["email"]
    assert {"phone", "website"}.isdisjoint(seen_by_jerome)


def test_a_token_never_reveals_another_token_or_unshared_details(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, members = event_with_four(admin)
    for who in members:
        for whom in members:
            if who is not whom:
                tap(anonymous, who, whom)
    finish(admin, event_id)
    me = members[0]
    seen = "".join(
        anonymous.get(f"/api/me/{me['token']}{path}").text
        for path in ("", "/interests", "/matches", "/contacts.vcf", "/sharing")
    )
    for other in members[1:]:
        assert other["token"] not in seen
        assert other["email"] in seen  # e-mail is shared by default
        assert (other.get("phone") or "+33 3 21 00 00 0") not in seen
        assert (other.get("website") or "https://") not in seen


def test_contacts_round_trip_through_vobject(admin: TestClient, anonymous: TestClient) -> None:
    event_id, (emilie, jerome, anais, _) = event_with_four(admin)
    anonymous.put(f"/api/me/{emilie['token']}/sharing", json={"website": True})
    for other in (emilie, anais):
        tap(anonymous, jerome, other)
        tap(anonymous, other, jerome)
    finish(admin, event_id)
    response = anonymous.get(
        f"/api/me/{jerome['token']}/contacts.vcf", headers={"Accept-Language": "en"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/vcard; charset=utf-8"
    assert response.headers["content-disposition"] == (
        f'attachment; filename="tablehop-{event_id}.vcf"'
    )
    cards = {card.fn.value: card for card in vobject.readComponents(response.text)}
    assert set(cards) == {"Émilie Lefèvre", "Anaïs Prévost"}
    card = cards["Émilie Lefèvre"]
    assert card.n.value.family == "Lefèvre"
    assert card.org.value == ["Vasseur, Lefèvre & Associés; SARL"]
    assert card.email.value == "emilie@example.fr"
    assert card.url.value == "https://lefevre.example.fr"
    assert "tel" not in card.contents
    assert card.note.value == "Met at Rencontres Béthune"
    assert "url" not in cards["Anaïs Prévost"].contents
    assert r"Vasseur\, Lefèvre & Associés\; SARL" in response.text


def test_a_match_carries_what_the_phone_draws(admin: TestClient, anonymous: TestClient) -> None:
    event_id, (emilie, jerome, *_) = event_with_four(admin)
    url = f"/api/me/{emilie['token']}/matches"
    tap(anonymous, emilie, jerome)
    tap(anonymous, jerome, emilie)
    assert anonymous.get(url).json() == {"revealed": False, "matches": []}
    finish(admin, event_id)
    [match] = anonymous.get(url).json()["matches"]
    assert match == {
        "id": jerome["id"],
        "first_name": "Jérôme",
        "last_name": "Dhainaut-Bécourt",
        "company": "Numéria Lens",
        "sector": None,
        "pitch": None,
        "email": "jerome@example.fr",
    }
