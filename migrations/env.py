"""Alembic environment: the database URL comes from Tally's settings (TALLY_DATABASE_URL).

A caller may pass an open connection in `config.attributes["connection"]` (the tests do) or a URL in
`config.attributes["url"]`.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlmodel import SQLModel

import app.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from app.config import get_settings
from app.db import make_database, normalize_url
from app.services.search import is_search_object

config = context.config
target_metadata = SQLModel.metadata
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _url() -> str:
    return normalize_url(config.attributes.get("url") or get_settings().database_url)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave out of autogenerate what the models do not describe: the full-text search objects."""
    return not is_search_object(name)


def _configure(**kwargs: object) -> None:
    context.configure(
        target_metadata=target_metadata,
        compare_type=True,
        include_name=include_name,
        render_as_batch=True,  # SQLite alters tables by copying them
        **kwargs,
    )


def run_migrations_offline() -> None:
    """Emit SQL without a database connection (`alembic upgrade head --sql`)."""
    _configure(url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Apply migrations over a connection (given by the caller, or opened on the settings URL)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    db = make_database(_url())
    try:
        with db.connect() as connection:
            _configure(connection=connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        db.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
