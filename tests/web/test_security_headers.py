"""Every response: a strict CSP, no framing, no sniffing, no referrer; personal ones: no cache."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.helpers import planned_event


def test_every_kind_of_response_carries_the_headers(admin: TestClient) -> None:
    event_id, members = planned_event(admin, people=2)
    token = members[0]["token"]
    paths = [
        "/", f"/p/{token}", f"/api/me/{token}", f"/events/{event_id}/host",
        f"/events/{event_id}/screen", f"/events/{event_id}/print", f"/events/{event_id}/report",
        "/api/health", "/static/css/app.css", "/p/not-a-token", "/no/such/page",
    ]  # fmt: skip
    for path in paths:
        headers = admin.get(path, follow_redirects=False).headers
        policy = headers["content-security-policy"]
        assert "default-src 'self'" in policy, path
        assert "frame-ancestors 'none'" in policy, path
        assert "unsafe-inline" not in policy, path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["x-frame-options"] == "DENY", path
        assert headers["referrer-policy"] == "no-referrer", path


@pytest.mark.parametrize("personal", ["/", "/p/{token}", "/api/me/{token}", "/events/{event}/host"])
def test_personal_pages_are_never_stored_by_a_cache(admin: TestClient, personal: str) -> None:
    event_id, members = planned_event(admin, people=2)
    path = personal.format(token=members[0]["token"], event=event_id)
    response = admin.get(path, follow_redirects=False)
    assert response.status_code == 200, response.text
    assert "no-store" in response.headers["cache-control"]


def test_static_files_may_still_be_cached(anonymous: TestClient) -> None:
    response = anonymous.get("/static/js/dom.js")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("cache-control", "")
