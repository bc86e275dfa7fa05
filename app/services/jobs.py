"""Ingest jobs for operators: which failed and why, and running them again.

    failed = list_jobs(db, status="failed")     # newest first, with last_error
    retry_jobs(db, [12, 13]) / retry_jobs(db)   # back to pending (all failed ones when no ids)

A job fails at once when its error would repeat (the engine refusing its input, a budget or deadline run
out) and after TALLY_JOB_MAX_ATTEMPTS when it might not (a database away); either way its article stays
stored, without story or claims, and its error is kept. Once the cause is fixed (a higher limit, a newer
engine), `tally jobs retry` queues it again with its attempts reset.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import Session, col, select

from app import models
from app.db import Database


def list_jobs(db: Database, *, status: str | None = None, limit: int = 100) -> list[models.Job]:
    """Jobs (of `status`, if given), newest first."""
    with Session(db) as session:
        statement = select(models.Job)
        if status is not None:
            statement = statement.where(models.Job.status == status)
        return list(session.exec(statement.order_by(col(models.Job.id).desc()).limit(limit)).all())


def retry_jobs(db: Database, job_ids: Sequence[int] | None = None) -> int:
    """Queue failed jobs again (the given ones, else every failed one); return how many were queued."""
    statement = update(models.Job).where(col(models.Job.status) == "failed")
    if job_ids is not None:
        statement = statement.where(col(models.Job.id).in_(list(job_ids)))
    with Session(db) as session:
        result = session.execute(
            statement.values(
                status="pending", attempts=0, run_after=models.utcnow(), finished_at=None, locked_until=None
            )
        )
        session.commit()
        return int(result.rowcount)  # type: ignore[attr-defined]
