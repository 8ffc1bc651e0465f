"""The migrations build exactly the schema the models describe, on every database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from app.adapters.database.engine import make_engine

ROOT = Path(__file__).resolve().parents[2]


def alembic_config(url: str) -> Config:
    """Point Alembic at this repository's migrations and at the given database."""
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["url"] = url
    return config


def test_upgrade_head_on_an_empty_database_matches_the_models(empty_database: str) -> None:
    command.upgrade(alembic_config(empty_database), "head")
    engine = make_engine(empty_database)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    engine.dispose()
    assert differences == []


def test_downgrade_to_base_removes_every_table(empty_database: str) -> None:
    config = alembic_config(empty_database)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    engine = make_engine(empty_database)
    remaining = set(inspect(engine).get_table_names()) - {"alembic_version"}
    engine.dispose()
    assert remaining == set()


def test_migration_files_carry_dated_names() -> None:
    names = [path.name for path in (ROOT / "migrations" / "versions").glob("*.py")]
    assert names
    assert all(name[:4].isdigit() and name[4] == "-" and name[10] == "_" for name in names)
