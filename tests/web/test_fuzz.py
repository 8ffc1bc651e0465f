"""Schemathesis against the app in-process: no generated request, signed in or not, is a 5xx.

A fixed seed (derandomised) and a bounded number of examples per operation keep CI's run
short and the same every time; run with more examples by hand to explore further.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.python.asgi import shutdown_lifespans
from sqlmodel import Session, SQLModel

from app.adapters.database.engine import make_engine
from app.config import Settings
from app.main import create_app
from app.services.events import create_event
from app.services.schemas import EventCreate
from tests.conftest import ADMIN_TOKEN

EXAMPLES_PER_OPERATION = 12
# Every generated request is sent twice: as the organiser, then as a stranger.
CREDENTIALS = ({"Authorization": f"Bearer {ADMIN_TOKEN}"}, {})


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    """An app on its own SQLite file holding one event, so some generated ids find something.

    Schemathesis runs the app's lifespan itself, once, on its own event loop; it is ended here.
    """
    url = f"sqlite:///{tmp_path / 'tablehop.db'}"
    engine = make_engine(url)
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        create_event(session, EventCreate(title="Arras"))
    engine.dispose()
    settings = Settings(  # lexical: the model's start-up load would race Hypothesis's AST work
        database_url=url,
        TABLEHOP_DATA_DIR=tmp_path,
        TABLEHOP_ADMIN_TOKEN=ADMIN_TOKEN,
        TABLEHOP_TEXT_MODEL="lexical",
    )
    yield create_app(settings)
    shutdown_lifespans()


def test_no_generated_request_is_a_server_error(app: FastAPI) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20
    for operation in operations:
        fuzz(operation)


def fuzz(operation) -> None:
    """Send an operation's generated requests; fail on the first 5xx, naming the request."""

    @given(case=operation.as_strategy())
    @hypothesis_settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def send(case) -> None:
        for headers in CREDENTIALS:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

    send()
