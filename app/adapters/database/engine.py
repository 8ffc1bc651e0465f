"""Open the database: durable SQLite by default, PostgreSQL when configured."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, event
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
    _ensure_parent_dir(url)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 5})
    event.listen(engine, "connect", _apply_sqlite_pragmas)
    return engine


def _apply_sqlite_pragmas(dbapi_connection, _record) -> None:
    """Set the per-connection pragmas SQLite forgets between connections."""
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _ensure_parent_dir(url: str) -> None:
    """Create the folder of a SQLite file so a fresh checkout starts without set-up."""
    path = url.split("///", 1)[-1]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)


def session_scope(engine: Engine) -> Iterator[Session]:
    """Yield one session per request; the services decide when to commit."""
    with Session(engine, expire_on_commit=False) as session:
        yield session
