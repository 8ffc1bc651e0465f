"""Only the organiser drives the event: every admin route refuses strangers."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.web.auth import COOKIE_NAME
from tests.conftest import ADMIN_TOKEN

# Routes anyone may call; every other route must answer 401 to a stranger.
PUBLIC_ROUTES = {("GET", "/api/health"), ("GET", "/"), ("POST", "/login"), ("POST", "/logout")}
# Host pages opened in a browser send a stranger to the sign-in page instead.
SIGN_IN_PAGES = {
    ("GET", "/events/new"),
    ("GET", "/events/{event_id}/host"),
    ("GET", "/events/{event_id}/print"),
    ("GET", "/events/{event_id}/report"),
}


def admin_routes() -> list[tuple[str, str]]:
    """List every (method, path) of the app that is not public."""
    app = create_app(
        Settings(TABLEHOP_ADMIN_TOKEN=ADMIN_TOKEN, TABLEHOP_DATA_DIR="/tmp/tablehop-routes")
    )
    found = []
    for route in _walk(app.routes):
        for method in sorted(route.methods - {"HEAD"}):
            route_id = (method, route.path)
            if route_id not in PUBLIC_ROUTES | SIGN_IN_PAGES and not _is_public(route.path):
                found.append(route_id)
    return found


def _walk(routes) -> list[APIRoute]:
    """Flatten included routers (FastAPI keeps them as nodes holding the original router)."""
    flat = []
    for route in routes:
        if isinstance(route, APIRoute):
            flat.append(route)
        elif hasattr(route, "original_router"):
            flat.extend(_walk(route.original_router.routes))
    return flat


def _is_public(path: str) -> bool:
    return path.startswith(("/api/me/", "/p/", "/ws/")) or path.endswith(
        ("/state", "/screen", "/screen/lobby", "/grid", "/tables")
    )


def concrete(path: str) -> str:
    """Fill every path parameter with a plausible value."""
    values = {
        "{event_id}": "1",
        "{person_id}": "1",
        "{what}": "people",
        "{action}": "start",
        "{change}": "leave",
    }
    for name, value in values.items():
        path = path.replace(name, value)
    return path


ROUTES = admin_routes()


def test_there_are_admin_routes_to_check() -> None:
    assert ("POST", "/api/events") in ROUTES


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize("token", [None, "wrong-token", ADMIN_TOKEN + "x"])
def test_admin_route_answers_401_without_the_admin_token(
    anonymous: TestClient, method: str, path: str, token: str | None
) -> None:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = anonymous.request(method, concrete(path), headers=headers)
    assert response.status_code == 401
    assert response.json() == {"detail": "admin token required"}


@pytest.mark.parametrize(("method", "path"), sorted(SIGN_IN_PAGES))
def test_a_host_page_sends_a_stranger_to_the_sign_in_page(
    anonymous: TestClient, method: str, path: str
) -> None:
    response = anonymous.request(method, concrete(path), follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/"


def test_every_sign_in_page_exists() -> None:
    app = create_app(
        Settings(TABLEHOP_ADMIN_TOKEN=ADMIN_TOKEN, TABLEHOP_DATA_DIR="/tmp/tablehop-routes")
    )
    paths = {(method, route.path) for route in _walk(app.routes) for method in route.methods}
    assert paths >= SIGN_IN_PAGES


def test_an_htmx_request_of_a_stranger_is_sent_to_sign_in(anonymous: TestClient) -> None:
    response = anonymous.post("/events/1/host/clock/start", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"] == "/"


def test_signing_in_sets_a_signed_httponly_samesite_cookie(anonymous: TestClient) -> None:
    response = anonymous.post("/login", data={"token": ADMIN_TOKEN}, follow_redirects=False)
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE_NAME}=")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert anonymous.get("/api/events").status_code == 200


def test_a_forged_cookie_is_refused(anonymous: TestClient) -> None:
    anonymous.cookies.set(COOKIE_NAME, "host.forged.signature")
    assert anonymous.get("/api/events").status_code == 401


def test_a_wrong_token_at_sign_in_is_refused(anonymous: TestClient) -> None:
    response = anonymous.post("/login", data={"token": "guess"})
    assert response.status_code == 401
    assert "n'est pas le jeton administrateur" in response.text
    english = anonymous.post("/login", data={"token": "guess"}, headers={"Accept-Language": "en"})
    assert "not the admin token" in english.text


def test_the_token_is_generated_once_and_readable_by_the_owner_only(tmp_path) -> None:
    settings = Settings(
        TABLEHOP_DATA_DIR=tmp_path,
        database_url=f"sqlite:///{tmp_path}/t.db",
        TABLEHOP_TEXT_MODEL="lexical",
    )
    first = create_app(settings).state.admin_token
    second = create_app(settings).state.admin_token
    assert first == second
    assert len(first) >= 32
    assert (tmp_path / "admin_token").stat().st_mode & 0o077 == 0


def test_the_host_cookie_is_signed_by_the_admin_token_alone(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with TestClient(create_app(settings)) as client:
        client.post("/login", data={"token": ADMIN_TOKEN}, follow_redirects=False)
        cookie = client.cookies[COOKIE_NAME]
    # A TABLEHOP_SECRET_KEY left in the environment must neither sign nor unlock anything.
    monkeypatch.setenv("TABLEHOP_SECRET_KEY", "an operator's guess")
    fields = {"database_url": settings.database_url, "TABLEHOP_DATA_DIR": settings.data_dir}
    for admin_token, status in ((ADMIN_TOKEN, 200), (ADMIN_TOKEN + "-rotated", 401)):
        with TestClient(
            create_app(
                Settings(**fields, TABLEHOP_ADMIN_TOKEN=admin_token, TABLEHOP_TEXT_MODEL="lexical")
            )
        ) as client:
            client.cookies.set(COOKIE_NAME, cookie)
            assert client.get("/api/events").status_code == status
