"""Claiming queued rows (ingest jobs, outbox messages) so that each is worked on by one worker at a time.

    row_id = claim_next(engine, models.Job, models.Job.run_after, token, lease_seconds=120)

A claim is one UPDATE ... WHERE id = (the oldest due, unleased row) AND it is still due and unleased,
RETURNING id. On PostgreSQL the inner SELECT takes `FOR UPDATE SKIP LOCKED`, so concurrent workers pick
different rows; on SQLite the write lock serialises claims. Either way the outer WHERE re-checks the row, so
two workers never hold the same lease. The lease (`locked_until`) runs out if the worker dies, and the row
becomes claimable again: work is picked up after a crash. Works with several uvicorn workers and with
`tally worker` processes side by side.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from app import models


def claim_next(engine: Engine, model: Any, due: Any, token: str, lease_seconds: float) -> Any | None:
    """Lease the oldest due pending row of `model` to `token`; return its id (None: nothing to do).

    Claiming counts an attempt (`attempts + 1`), so a row that keeps killing its worker runs out of tries.
    """
    now = models.utcnow()
    claimable = (
        (model.status == "pending"),
        (due <= now),
        or_(model.locked_until.is_(None), model.locked_until < now),
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
        with engine.connect() as connection:
            if connection.execute(due_now).first() is None:
                return None
        with engine.begin() as connection:
            return connection.execute(statement).scalar_one_or_none()
    except OperationalError:
        return None  # a busy SQLite file or a serialisation failure: try again on the next poll
