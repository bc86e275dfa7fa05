"""The migrations build exactly the schema the models describe (what `alembic check` verifies in CI)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.db import make_database
from app.services.health import migration_head
from app.services.search import is_search_object


def test_migrated_schema_matches_the_models(migrated_url):
    db = make_database(migrated_url)
    with db.connect() as connection:
        opts = {"compare_type": True, "include_name": lambda name, *_: not is_search_object(name)}
        context = MigrationContext.configure(connection, opts=opts)
        assert compare_metadata(context, SQLModel.metadata) == []
        assert context.get_current_revision() == migration_head()
    db.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    db = make_database(f"sqlite:///{tmp_path / 'wal.db'}")
    with db.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()
