"""The database engine and the per-request session.

    engine = make_engine("sqlite:///./tally.db")   # WAL mode, foreign keys on
    with Session(engine) as session: ...

Routes take `SessionDep`; the engine lives on `app.state.engine` (one per app, so tests can build apps on
different databases).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine


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


def make_engine(url: str) -> Engine:
    """Create the SQLAlchemy engine for `url`; SQLite gets WAL, foreign keys and a busy timeout."""
    url = normalize_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def get_session(request: Request) -> Iterator[Session]:
    """One session per request; what the route does not commit is rolled back."""
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


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
