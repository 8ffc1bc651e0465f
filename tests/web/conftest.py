"""A test client per test, on each database, signed in or not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.conftest import ADMIN_TOKEN


@pytest.fixture
def anonymous(settings: Settings) -> Iterator[TestClient]:
    """A client with no credentials, as a participant's phone or a stranger."""
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def admin(settings: Settings) -> Iterator[TestClient]:
    """A client that sends the admin token on every request."""
    with TestClient(create_app(settings)) as client:
        client.headers["Authorization"] = f"Bearer {ADMIN_TOKEN}"
        yield client


@pytest.fixture
def host(anonymous: TestClient) -> TestClient:
    """A browser signed in through the form, as the organiser's laptop is, in English."""
    anonymous.post("/login", data={"token": ADMIN_TOKEN})
    anonymous.headers.update({"Accept-Language": "en"})
    return anonymous


@pytest.fixture
def event_id(admin: TestClient) -> int:
    """Create a pairs event and return its id."""
    response = admin.post("/api/events", json={"title": "Speed business Arras"})
    assert response.status_code == 201, response.text
    return response.json()["id"]
