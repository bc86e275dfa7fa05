"""Committing a transaction that may lose a race with a concurrent one, and replaying it when it does.

    result = commit_with_retry(session, lambda: ingest_article(session, data, settings), what="ingest",
                               gave_up="concurrent requests kept changing this article; send it again")

Concurrent writers can lose: two requests insert the same URL, story key or webhook-id (a uniqueness
race), PostgreSQL picks a transaction to end a deadlock or a serialisation conflict, a SQLite file stays
busy past its timeout. The loser's transaction is rolled back whole, and `work` runs again after a short
jittered wait; it then finds what the winner stored. Each retry is logged once, with its reason, and
counted (`tally_retries_total{kind="race"}`); a transaction that keeps losing ends in 409 Conflict, or in
503 Overloaded when what it kept meeting was a busy database rather than a concurrent write of the same data.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session

from app.db import BUSY, failure_reason
from app.errors import Conflict, Overloaded
from app.metrics import RETRIES
from app.services.leases import backoff

log = logging.getLogger("tally.retry")
T = TypeVar("T")

ATTEMPTS = 5
BACKOFF_BASE = 0.02  # seconds before the first replay; doubling, with jitter
BACKOFF_CAP = 0.5


def commit_with_retry(
    session: Session, work: Callable[[], T], *, what: str, gave_up: str, attempts: int = ATTEMPTS
) -> T:
    """Run `work()` in the session's transaction and commit; replay both when the transaction lost a race.

    After `attempts` lost attempts, raise Conflict(`gave_up`) (Overloaded when the last reason was a busy
    database). Errors of any other kind are not retried.
    """
    for attempt in range(1, attempts + 1):
        try:
            result = work()
            session.commit()
            return result
        except (IntegrityError, OperationalError) as exc:
            session.rollback()
            reason = failure_reason(exc)
            detail = (str(exc.orig).splitlines() or [""])[0]
            fields = {"event": "retry", "what": what, "reason": reason, "attempt": attempt}
            if attempt == attempts:
                log.warning(
                    "%s gave up after %d attempts: %s (%s)", what, attempt, reason, detail, extra=fields
                )
                if reason in BUSY:  # the database, not the request, is the trouble: come back later
                    raise Overloaded(f"the database stayed busy ({reason}); send the request again") from None
                raise Conflict(gave_up) from None
            log.info(
                "%s attempt %d lost a race; retrying: %s (%s)", what, attempt, reason, detail, extra=fields
            )
            RETRIES.labels("race", reason).inc()
            time.sleep(backoff(attempt, BACKOFF_BASE, BACKOFF_CAP))
    raise AssertionError("unreachable")
