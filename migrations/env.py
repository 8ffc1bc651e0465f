"""Run migrations against the configured database, or the URL a caller passes in."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import app.adapters.database.tables  # noqa: F401  (registers every table on the metadata)
from app.adapters.database.engine import make_engine
from app.config import Settings

config = context.config


def _url() -> str:
    """Prefer an explicit URL (tests, scripts); otherwise read the settings."""
    return config.attributes.get("url") or Settings().sqlalchemy_url


def run_migrations() -> None:
    """Apply the migrations in one transaction; SQLite needs batch mode for ALTERs."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    with make_engine(_url()).connect() as connection:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()


run_migrations()
