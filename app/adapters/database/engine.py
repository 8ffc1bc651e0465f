"""Open the database: durable SQLite by default, PostgreSQL when configured."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, event, make_url
from sqlmodel import Session, create_engine

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=5000",
    "PRAGMA foreign_keys=ON",
)


def make_engine(url: str) -> Engine:
    """Create the engine; SQLite gets WAL, a busy timeout, foreign keys and durable commits."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    _create_owner_only(url)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 5})
    event.listen(engine, "connect", _apply_sqlite_pragmas)
    return engine


def _apply_sqlite_pragmas(dbapi_connection, _record) -> None:
    """Set the per-connection pragmas SQLite forgets between connections."""
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _create_owner_only(url: str) -> None:
    """Create a SQLite file's folder, and the file itself readable by its owner only.

    It holds every token and contact. SQLite gives the -wal and -shm files the mode of the
    database file, so creating that one 0600 (like `admin_token`) covers all three.
    """
    path = make_url(url).database
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def session_scope(engine: Engine) -> Iterator[Session]:
    """Yield one session per request; the services decide when to commit."""
    with Session(engine, expire_on_commit=False) as session:
        yield session
