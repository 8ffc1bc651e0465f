"""The SQLite files hold every token and contact: only their owner may read them."""

from __future__ import annotations

import stat
from pathlib import Path

from sqlalchemy import text

from app.adapters.database.engine import make_engine


def test_the_database_and_its_wal_files_are_created_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "data" / "tablehop.db"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("create table t (x integer)"))
        connection.execute(text("insert into t values (1)"))
        files = [path, path.with_name("tablehop.db-wal"), path.with_name("tablehop.db-shm")]
        modes = {file.name: stat.S_IMODE(file.stat().st_mode) for file in files}
    engine.dispose()
    assert modes == {file.name: 0o600 for file in files}
