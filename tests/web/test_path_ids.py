"""Every id in a path is a bounded integer: a huge one is refused, never passed to the driver."""

from __future__ import annotations

import logging
import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from app.config import Settings
from app.main import create_app
from tests.conftest import ADMIN_TOKEN

TOO_BIG = 2**63
# A plausible value for every other path parameter, so only the id can be wrong.
OTHER_PARAMS = {"token": "x" * 22, "action": "start", "what": "people", "change": "present"}


def routes_with_ids(app: FastAPI) -> list[tuple[str, str]]:
    """List (method, path) of every route whose path holds an id, websockets as "WS"."""
    found = []
    for included in app.routes:
        if not hasattr(included, "effective_candidates"):
            continue  # the documentation pages and the static files
        for context in included.effective_candidates():
            route = context.original_route
            if re.search(r"\{\w+_id\}", route.path):
                methods = getattr(route, "methods", None) or {"WS"}
                found += [(method, route.path) for method in sorted(methods - {"HEAD"})]
    return found


def filled(path: str, big: int) -> str:
    """Put the huge number in every id and a plausible value in every other parameter."""
    path = re.sub(r"\{\w+_id\}", str(big), path)
    return re.sub(r"\{(\w+)\}", lambda m: OTHER_PARAMS[m.group(1)], path)


ROUTES = routes_with_ids(
    create_app(Settings(database_url="sqlite://", TABLEHOP_ADMIN_TOKEN=ADMIN_TOKEN))
)


def test_the_walk_finds_the_routes_the_issue_named() -> None:
    paths = {path for _, path in ROUTES}
    named = {
        "/api/events/{event_id}/state",
        "/events/{event_id}/screen",
        "/events/{event_id}/grid",
        "/ws/events/{event_id}",
        "/api/me/{token}/interests/{person_id}",
    }
    assert named <= paths
    assert len(ROUTES) > 30


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_an_id_beyond_64_bits_is_refused_quietly(
    admin: TestClient, method: str, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    url = filled(path, TOO_BIG)
    if method == "WS":
        with pytest.raises(WebSocketDisconnect), admin.websocket_connect(url) as socket:
            socket.receive_text()
    else:
        response = admin.request(method, url)
        assert response.status_code in (404, 422), response.text
        assert response.json()["detail"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
