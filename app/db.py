"""The database handle: one SQLAlchemy engine per app, called the *database* here (`app.engine` is Tally's
pure core, the only thing this code base calls "engine").

    db = make_database("sqlite:///./tally.db")   # WAL mode, foreign keys on
    with Session(db) as session: ...

The app keeps its handle on `app.state.database` (one per app, so tests can build apps on different
databases); routes take the session from `app.api.deps.SessionDep`.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import sqlalchemy
from sqlalchemy import event
from sqlmodel import Session, create_engine

Database: TypeAlias = sqlalchemy.Engine


def normalize_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs that name no driver (`postgresql://` or `postgres://`)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_database(url: str) -> Database:
    """Open the database at `url` (a connection pool); SQLite gets WAL, foreign keys and a busy timeout."""
    url = normalize_url(url)
    if url.startswith("sqlite"):
        db = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(db, "connect", _sqlite_pragmas)
        return db
    return create_engine(url, pool_pre_ping=True)


def lock_for_writing(session: Session) -> None:
    """Take the database write lock now, before this transaction reads what it will change.

    SQLite has no row locks: two writers that both read "revision 3" would both write revision 4. Opening
    the transaction with `BEGIN IMMEDIATE` makes writers queue (waiting up to the busy timeout) instead.
    PostgreSQL needs nothing here: the services lock the rows they change (`SELECT ... FOR UPDATE`).
    """
    if session.get_bind().dialect.name != "sqlite":
        return
    connection = session.connection()
    if not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN IMMEDIATE")
