"""Readiness: the engine is warm, the database answers and its schema is at the migration head."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.errors import NotReady
from app.schemas import Readiness

# Beside the package in a checkout (editable install); in the working directory where the package is
# installed into site-packages and migrations/ is shipped next to alembic.ini (the Docker image).
MIGRATION_DIRS = (Path(__file__).resolve().parents[2] / "migrations", Path.cwd() / "migrations")


@cache
def migration_head() -> str | None:
    """The newest revision in migrations/ (None if the folder is not shipped). Alembic is imported here,
    on first use (the warm-up), not when the app is built: it costs a tenth of a second of start-up."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    folder = next((d for d in MIGRATION_DIRS if (d / "env.py").is_file()), None)
    if folder is None:
        return None
    config = Config()
    config.set_main_option("script_location", str(folder))
    return ScriptDirectory.from_config(config).get_current_head()


def readiness(session: Session, head: str | None, warm: bool = True) -> Readiness:
    """Readiness document, or NotReady naming what is missing (`warm`: the engine's tables are loaded)."""
    if not warm:
        raise NotReady("warming up: the engine's tables are still loading")
    from alembic.runtime.migration import MigrationContext

    try:
        session.execute(text("SELECT 1"))
        current = MigrationContext.configure(session.connection()).get_current_revision()
    except SQLAlchemyError as exc:
        raise NotReady(f"the database does not answer: {type(exc).__name__}") from None
    if head is not None and current != head:
        raise NotReady(
            f"the database schema is at {current or 'nothing'}, not {head}: run `alembic upgrade head`"
        )
    return Readiness(status="ready", database=session.get_bind().dialect.name, migration=current or "")
