"""Leases on queued rows (ingest jobs, outbox messages): claim one, release it, and wait before a retry.

    row_id = claim_next(db, models.Job, models.Job.run_after, token, lease_seconds=120)
    ...work on it...
    if release(session, models.Job, row_id, token, status="done"): session.commit()
    wait = backoff(attempt, base=10, cap=3600)                       # seconds before the next try

A claim is one UPDATE ... WHERE id = (the oldest due, unleased row) AND it is still due and unleased,
RETURNING id. On PostgreSQL the inner SELECT takes `FOR UPDATE SKIP LOCKED`, so concurrent workers pick
different rows; on SQLite the write lock serialises claims. Either way the outer WHERE re-checks the row, so
two workers never hold the same lease. The lease (`locked_until`) runs out if the worker dies, and the row
becomes claimable again: work is picked up after a crash. A release only changes the row while the token
still holds it, so a worker whose lease was taken over cannot overwrite its successor's result. Works with
several uvicorn workers and with `tally worker` processes side by side.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app import models
from app.db import Database


def claim_next(
    db: Database, model: Any, due: Any, token: str, lease_seconds: float, where: Sequence[Any] = ()
) -> Any | None:
    """Lease the oldest due pending row of `model` (that also meets `where`) to `token`; return its id
    (None: nothing to do).

    Claiming counts an attempt (`attempts + 1`), so a row that keeps killing its worker runs out of tries.
    """
    now = models.utcnow()
    claimable = (
        (model.status == "pending"),
        (due <= now),
        or_(model.locked_until.is_(None), model.locked_until < now),
        *where,
    )
    candidate = (
        select(model.id)
        .where(*claimable)
        .order_by(due, model.id)
        .limit(1)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    statement = (
        update(model)
        .where(model.id == candidate, *claimable)
        .values(
            locked_until=now + timedelta(seconds=lease_seconds),
            lock_token=token,
            attempts=model.attempts + 1,
        )
        .returning(model.id)
    )
    due_now = select(model.id).where(*claimable).limit(1)
    try:
        # an idle poll only reads: it takes no write lock (SQLite) and no row lock (PostgreSQL)
        with db.connect() as connection:
            if connection.execute(due_now).first() is None:
                return None
        with db.begin() as connection:
            return connection.execute(statement).scalar_one_or_none()
    except OperationalError:
        return None  # a busy SQLite file or a serialisation failure: try again on the next poll


def release(session: Session, model: Any, row_id: Any, token: str, **values: Any) -> bool:
    """End `token`'s lease on row `row_id`, setting `values`, in the session's transaction (not committed).

    False, and nothing changed, when the lease is no longer `token`'s: it ran out and another worker took
    the row over, or the row was deleted.
    """
    result = session.execute(
        update(model)
        .where(model.id == row_id, model.lock_token == token)
        .values(locked_until=None, lock_token=None, **values)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def backoff(attempt: int, base: float, cap: float) -> float:
    """Seconds to wait after failed attempt number `attempt` (1, 2, ...): base * 2^(n-1) up to `cap`,
    jittered.

    "Equal jitter": half the delay is fixed, half random, so retries of many rows spread out.

    >>> 5.0 <= backoff(1, base=10, cap=3600) <= 10.0
    True
    """
    delay = min(cap, base * 2 ** (attempt - 1))
    return delay / 2 + random.uniform(0, delay / 2)
