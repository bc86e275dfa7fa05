"""The database handle: one SQLAlchemy engine per app, called the *database* here (`app.engine` is Tally's
pure core, the only thing this code base calls "engine").

    db = make_database("sqlite:///./tally.db")   # WAL mode, foreign keys on
    with Session(db) as session: ...

The app keeps its handle on `app.state.database` (one per app, so tests can build apps on different
databases); routes take the session from `app.api.deps.SessionDep`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeAlias

import sqlalchemy
from sqlalchemy import event
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session, create_engine

from app.config import Settings

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


@dataclass(frozen=True, slots=True)
class Pool:
    """How many connections a process keeps (`size`), may add when busy (`overflow`), and how long a
    request waits for one (`timeout`, seconds) before `sqlalchemy.exc.TimeoutError` (answered 503)."""

    size: int = 5
    overflow: int = 5
    timeout: float = 3.0


def make_database(url: str, pool: Pool = Pool()) -> Database:
    """Open the database at `url` (a connection pool); SQLite gets WAL, foreign keys and a busy timeout."""
    url = normalize_url(url)
    sizes = {"pool_size": pool.size, "max_overflow": pool.overflow, "pool_timeout": pool.timeout}
    if url.startswith("sqlite"):
        memory = url in ("sqlite://", "sqlite:///:memory:")  # one shared connection, no pool to size
        db = create_engine(url, connect_args={"check_same_thread": False}, **({} if memory else sizes))
        event.listen(db, "connect", _sqlite_pragmas)
        return db
    return create_engine(url, pool_pre_ping=True, **sizes)


def database_for(settings: Settings) -> Database:
    """The database of `settings`, pooled as TALLY_DATABASE_POOL_SIZE / _MAX_OVERFLOW / _POOL_TIMEOUT say."""
    pool = Pool(settings.database_pool_size, settings.database_max_overflow, settings.database_pool_timeout)
    return make_database(settings.database_url, pool)


PROBE_POOL = Pool(size=1, overflow=1, timeout=2.0)


def probe_database_for(settings: Settings, main: Database) -> Database:
    """A pool of its own for the readiness probe: it answers while every connection of the main pool is
    taken by ingests (an in-memory database has one shared connection: the main pool's)."""
    if normalize_url(settings.database_url) in ("sqlite://", "sqlite:///:memory:"):
        return main
    return make_database(settings.database_url, PROBE_POOL)


# Why a statement failed, by PostgreSQL SQLSTATE (psycopg's `sqlstate`) or SQLite extended result name
# (sqlite3's `sqlite_errorname`).
_SQLSTATE_REASONS = {
    "23505": "unique_violation",
    "23503": "foreign_key_violation",
    "40P01": "deadlock",
    "40001": "serialization_failure",
    "55P03": "lock_not_available",
}
_SQLITE_REASONS = {
    "SQLITE_CONSTRAINT_UNIQUE": "unique_violation",
    "SQLITE_CONSTRAINT_PRIMARYKEY": "unique_violation",
    "SQLITE_CONSTRAINT_FOREIGNKEY": "foreign_key_violation",
    "SQLITE_BUSY": "database_busy",
    "SQLITE_LOCKED": "database_busy",
}
# Reasons that say the database was too busy (or away), not that the request conflicts with stored data.
BUSY = frozenset(
    {"deadlock", "serialization_failure", "lock_not_available", "database_busy", "connection_lost"}
)


def failure_reason(exc: DBAPIError) -> str:
    """Why a statement failed, as a short stable name (`unique_violation`, `deadlock`, `database_busy`...)."""
    if exc.connection_invalidated:
        return "connection_lost"
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    if sqlstate in _SQLSTATE_REASONS:
        return _SQLSTATE_REASONS[sqlstate]
    if sqlstate.startswith("08"):
        return "connection_lost"
    name = getattr(exc.orig, "sqlite_errorname", None) or ""
    for prefix, reason in _SQLITE_REASONS.items():
        if name.startswith(prefix):
            return reason
    return "integrity_error" if isinstance(exc, IntegrityError) else "operational_error"


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
