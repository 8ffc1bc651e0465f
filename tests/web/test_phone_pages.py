"""A participant's phone page: their own data, in their language, light enough for a stadium."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from tests.web.helpers import planned_event

BUDGET_BYTES = 40 * 1024
IMPORT = re.compile(r"""from\s+"\./([\w-]+\.js)\"""")


def embedded(page: str, element_id: str) -> dict:
    """Read the JSON a page embeds for its script."""
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page)
    assert match, f"no #{element_id} in the page"
    return json.loads(match.group(1))


def test_the_phone_greets_the_participant_and_carries_their_itinerary(
    admin: TestClient, anonymous: TestClient
) -> None:
    event_id, members = planned_event(admin, people=5)
    page = anonymous.get(f"/p/{members[0]['token']}")
    assert page.status_code == 200
    assert "Bonjour Prénom0" in page.text
    me = embedded(page.text, "me")
    assert me["person"]["id"] == members[0]["id"]
    assert len(me["itinerary"]) == 5
    data = embedded(page.text, "phone-data")
    assert (data["event_id"], data["talk_ms"], data["switch_ms"]) == (event_id, 60_000, 15_000)
    assert data["state"]["phase"] == "lobby"


def test_the_phone_shows_no_one_elses_token_or_contact(
    admin: TestClient, anonymous: TestClient
) -> None:
    _, members = planned_event(admin, people=4)
    page = anonymous.get(f"/p/{members[0]['token']}").text
    for other in members[1:]:
        assert other["token"] not in page
    assert "@example.fr" not in page


@pytest.mark.parametrize(
    ("query", "accept", "greeting"),
    [
        ("", None, "Bonjour"),
        ("", "en-GB,en;q=0.9", "Hello"),
        ("?lang=fr", "en-GB,en;q=0.9", "Bonjour"),
        ("?lang=en", None, "Hello"),
    ],
)
def test_the_phone_speaks_the_asked_then_browser_then_event_language(
    admin: TestClient, anonymous: TestClient, query: str, accept: str | None, greeting: str
) -> None:
    _, members = planned_event(admin, people=2)
    headers = {"Accept-Language": accept} if accept else {}
    page = anonymous.get(f"/p/{members[0]['token']}{query}", headers=headers)
    assert f"{greeting} Prénom0" in page.text


def test_an_unknown_link_gets_a_friendly_404_page(anonymous: TestClient) -> None:
    page = anonymous.get("/p/not-a-real-token", headers={"Accept-Language": "en"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "This link does not work" in page.text


def test_the_first_load_of_a_phone_weighs_under_40_kb_compressed(
    admin: TestClient, anonymous: TestClient
) -> None:
    _, members = planned_event(admin, people=50)
    gzip = {"Accept-Encoding": "gzip"}
    page = anonymous.get(f"/p/{members[0]['token']}", headers=gzip)
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page.text)
    scripts = [a for a in assets if a.endswith(".js")]
    while scripts:
        for module in IMPORT.findall(anonymous.get(scripts.pop()).text):
            if f"/static/js/{module}" not in assets:
                assets.append(f"/static/js/{module}")
                scripts.append(f"/static/js/{module}")
    responses = [page, *(anonymous.get(asset, headers=gzip) for asset in assets)]
    assert all(r.status_code == 200 for r in responses)
    assert {a.rsplit(".", 1)[1] for a in assets} == {"css", "js"}
    large = [r for r in responses if len(r.content) > 1000]
    assert all(r.headers.get("content-encoding") == "gzip" for r in large)
    total = sum(r.num_bytes_downloaded for r in responses)
    assert total < BUDGET_BYTES, f"{total} bytes compressed"


def test_the_phone_offers_follow_up_and_sharing_in_the_participants_language(
    admin: TestClient, anonymous: TestClient
) -> None:
    _, members = planned_event(admin, people=2)
    page = anonymous.get(f"/p/{members[0]['token']}", headers={"Accept-Language": "fr"}).text
    assert "Ce que je partage avec mes contacts réciproques" in page
    strings = embedded(page, "strings")
    assert strings["follow_up"] == "À recontacter"
    assert strings["add_all"] == "Tous les ajouter à mes contacts"
