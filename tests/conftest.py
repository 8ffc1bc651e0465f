"""Fixtures shared by every tier: settings, databases (SQLite and PostgreSQL), clients."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import text
from sqlmodel import SQLModel

import app.adapters.database.tables  # noqa: F401  (registers the tables)
from app.adapters.database.engine import make_engine
from app.config import Settings

ADMIN_TOKEN = "test-admin-token-0123456789"
POSTGRES_URL = os.environ.get(
    "TABLEHOP_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI") == "true"

# CI replays the same examples every run, so a red build always means a real change;
# developers keep exploring new examples locally.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
hypothesis_settings.register_profile("dev", deadline=None)
hypothesis_settings.load_profile("ci" if IN_CI else "dev")


def postgres_reachable() -> str | None:
    """Return why PostgreSQL cannot be used, or None when it answers."""
    try:
        engine = make_engine(POSTGRES_URL)
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except Exception as error:  # any failure to connect means: not reachable here
        return f"PostgreSQL at {POSTGRES_URL} is not reachable: {error.__class__.__name__}"
    return None


def skip_or_fail(reason: str) -> None:
    """Skip with the reason on a developer machine; in CI a missing service is a failure."""
    if IN_CI:
        pytest.fail(f"{reason} (CI must run these tests)")
    pytest.skip(reason)


def _session_schema() -> str:
    """Name a schema no other test run uses at the same time (xdist workers, other checkouts)."""
    return f"tablehop_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """Give this test run its own PostgreSQL schema, created empty and dropped at the end."""
    reason = postgres_reachable()
    if reason:
        skip_or_fail(reason)
    schema = _session_schema()
    engine = make_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(text(f'create schema "{schema}"'))
    yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    with engine.begin() as connection:
        connection.execute(text(f'drop schema "{schema}" cascade'))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path: Path) -> str:
    """Run a database-facing test once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tablehop.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def empty_database(database_url: str) -> str:
    """Give a database URL whose schema holds no table at all."""
    engine = make_engine(database_url)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            for table in reversed(SQLModel.metadata.sorted_tables):
                connection.execute(text(f'drop table if exists "{table.name}" cascade'))
            connection.execute(text("drop table if exists alembic_version"))
    engine.dispose()
    return database_url


@pytest.fixture
def database(empty_database: str) -> str:
    """Give a database URL with every table created, empty."""
    engine = make_engine(empty_database)
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    return empty_database


@pytest.fixture
def settings(database: str, tmp_path: Path) -> Settings:
    """Settings for one test: its own database, data folder and a known admin token."""
    return Settings(
        database_url=database,
        TABLEHOP_DATA_DIR=tmp_path / "data",
        TABLEHOP_ADMIN_TOKEN=ADMIN_TOKEN,
        TABLEHOP_PUBLIC_URL="http://testserver",
        TABLEHOP_TEXT_MODEL="lexical",
    )


@pytest.fixture
def admin_headers() -> dict[str, str]:
    """Authorization headers of the organiser."""
    return {"Authorization": f"Bearer {ADMIN_TOKEN}"}
