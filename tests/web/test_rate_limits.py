"""Guessing from one address is slowed to a 429; the room's own traffic never is."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.web.rate_limit import FAILURES_ALLOWED
from tests.conftest import ADMIN_TOKEN


def assert_too_many(response) -> None:
    assert response.status_code == 429, response.text
    assert int(response.headers["retry-after"]) >= 1
    assert response.json()["detail"]


def test_sign_in_guesses_are_refused_past_the_limit(anonymous: TestClient) -> None:
    allowed = FAILURES_ALLOWED["sign-in"].amount
    for _ in range(allowed):
        assert anonymous.post("/login", data={"token": "guess"}).status_code == 401
    assert_too_many(anonymous.post("/login", data={"token": "guess"}))
    # Past the limit even the right token waits, or a guesser would learn when it hits.
    assert_too_many(anonymous.post("/login", data={"token": ADMIN_TOKEN}))


def test_bearer_guesses_are_refused_past_the_limit(anonymous: TestClient) -> None:
    wrong = {"Authorization": "Bearer guess"}
    for _ in range(FAILURES_ALLOWED["bearer"].amount):
        assert anonymous.get("/api/events", headers=wrong).status_code == 401
    assert_too_many(anonymous.get("/api/events", headers=wrong))


@pytest.mark.parametrize("path", ["/p/{guess}", "/api/me/{guess}", "/api/me/{guess}/matches"])
def test_unknown_token_guesses_are_refused_past_the_limit(anonymous: TestClient, path: str) -> None:
    for index in range(FAILURES_ALLOWED["token"].amount):
        assert anonymous.get(path.format(guess=f"guess-{index}")).status_code == 404
    assert_too_many(anonymous.get(path.format(guess="guess-again")))
    assert_too_many(anonymous.get("/p/another-guess"))


def test_a_hundred_phones_behind_one_address_load_and_reload_freely(
    admin: TestClient, event_id: int
) -> None:
    rows = [f"Prénom{i};Nom{i};Société {i};membre{i}@example.fr" for i in range(100)]
    sheet = "\r\n".join(["Prénom;Nom;Société;Courriel", *rows]).encode()
    files = {"file": ("membres.csv", sheet, "text/csv")}
    imported = admin.post(f"/api/events/{event_id}/participants/import", files=files)
    assert imported.json()["imported"] == 100, imported.text
    tokens = [p["token"] for p in admin.get(f"/api/events/{event_id}/participants").json()]
    phones = TestClient(admin.app)  # no admin token: phones, all from the test client's address
    for _reconnect in range(2):
        for token in tokens:
            assert phones.get(f"/p/{token}").status_code == 200
            assert phones.get(f"/api/me/{token}").status_code == 200
