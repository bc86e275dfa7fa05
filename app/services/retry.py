"""Committing a transaction that may lose a race with a concurrent one, and replaying it when it does.

    result = commit_with_retry(session, lambda: ingest_article(session, data, settings), what="ingest",
                               gave_up="concurrent requests kept changing this article; send it again")

Concurrent writers can lose: two requests insert the same URL, story key or webhook-id (a uniqueness
race), PostgreSQL picks a transaction to end a deadlock or a serialisation conflict, a SQLite file stays
busy past its timeout. The loser's transaction is rolled back whole, and `work` runs again after a short
jittered wait; it then finds what the winner stored. Each retry is logged once, with its reason.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlmodel import Session

from app.errors import Conflict
from app.services.leases import backoff

log = logging.getLogger("tally.retry")
T = TypeVar("T")

ATTEMPTS = 5
BACKOFF_BASE = 0.02  # seconds before the first replay; doubling, with jitter
BACKOFF_CAP = 0.5

# PostgreSQL SQLSTATEs (psycopg's `sqlstate`), SQLite extended result names (sqlite3's `sqlite_errorname`)
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


def retry_reason(exc: DBAPIError) -> str:
    """Why a transaction failed, as a short stable name (`unique_violation`, `deadlock`, ...)."""
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


def commit_with_retry(
    session: Session, work: Callable[[], T], *, what: str, gave_up: str, attempts: int = ATTEMPTS
) -> T:
    """Run `work()` in the session's transaction and commit; replay both when the transaction lost a race.

    After `attempts` lost attempts, raise Conflict(`gave_up`). Errors of any other kind are not retried.
    """
    for attempt in range(1, attempts + 1):
        try:
            result = work()
            session.commit()
            return result
        except (IntegrityError, OperationalError) as exc:
            session.rollback()
            reason = retry_reason(exc)
            detail = (str(exc.orig).splitlines() or [""])[0]
            fields = {"event": "retry", "what": what, "reason": reason, "attempt": attempt}
            if attempt == attempts:
                log.warning(
                    "%s gave up after %d attempts: %s (%s)", what, attempt, reason, detail, extra=fields
                )
                raise Conflict(gave_up) from None
            log.info(
                "%s attempt %d lost a race; retrying: %s (%s)", what, attempt, reason, detail, extra=fields
            )
            time.sleep(backoff(attempt, BACKOFF_BASE, BACKOFF_CAP))
    raise AssertionError("unreachable")
