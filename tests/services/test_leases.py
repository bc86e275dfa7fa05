"""Leases: a release counts only while the lease is still ours; backoff doubles, jittered, up to a cap."""

from __future__ import annotations

from sqlmodel import Session

from app import models
from app.db import make_database
from app.services.leases import backoff, claim_next, release
from tests.factories import article


def test_a_worker_whose_lease_was_taken_over_cannot_release_the_row(client, database_url):
    client.post("/v1/articles", json=article("seed"))
    db = make_database(database_url)
    with Session(db) as session:
        session.add(models.Job(article_id="seed"))
        session.commit()
    job_id = claim_next(db, models.Job, models.Job.run_after, "late", lease_seconds=0)
    assert claim_next(db, models.Job, models.Job.run_after, "successor", lease_seconds=60) == job_id
    with Session(db) as session:
        assert not release(session, models.Job, job_id, "late", status="done")
        session.commit()
        assert release(session, models.Job, job_id, "successor", status="failed", last_error="x")
        session.commit()
    with Session(db) as session:
        job = session.get(models.Job, job_id)
        assert job is not None
        assert (job.status, job.lock_token, job.locked_until) == ("failed", None, None)
    db.dispose()


def test_backoff_doubles_with_jitter_up_to_the_cap():
    for attempt, full in ((1, 10), (2, 20), (3, 40), (10, 300)):
        waits = [backoff(attempt, base=10, cap=300) for _ in range(50)]
        assert all(full / 2 <= w <= full for w in waits)
        assert len(set(waits)) > 1
