"""Durable ingestion: accepted work survives a killed server; leases give each job to one worker."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from prometheus_client import REGISTRY
from sqlalchemy import event
from sqlmodel import Session, select

from app import models
from app.config import Settings
from app.db import make_database
from app.services.leases import claim_next
from app.services.webhook_ingest import run_job
from app.services.worker import Worker
from tests.factories import article
from tests.live import SECRET, base_url, bound_socket, signed, wait_until

ROOT = Path(__file__).resolve().parents[2]


# `uvicorn --factory app.main:create_app`, serving on a socket the test bound (so the port cannot be taken
# by anyone else, and the restarted server listens where the killed one did)
LAUNCH = (
    "import socket, sys, uvicorn; uvicorn.Server(uvicorn.Config('app.main:create_app', factory=True))"
    ".run(sockets=[socket.socket(fileno=int(sys.argv[1]))])"
)


@contextmanager
def uvicorn_process(database_url: str, sock: socket.socket, *, worker: bool) -> Iterator[subprocess.Popen]:
    """The real app under uvicorn in its own process, as `tally serve` runs it."""
    env = {
        **os.environ,
        "TALLY_DATABASE_URL": database_url,
        "TALLY_WEBHOOK_SECRET": SECRET,
        "TALLY_WORKER_ENABLED": "true" if worker else "false",
        "TALLY_WORKER_POLL_INTERVAL": "0.1",
    }
    command = [sys.executable, "-c", LAUNCH, str(sock.fileno())]
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, pass_fds=(sock.fileno(),), stderr=subprocess.DEVNULL
    )

    def up() -> bool:
        assert process.poll() is None, "uvicorn exited"
        try:
            return httpx.get(f"{base_url(sock)}/healthz", timeout=1).status_code == 200
        except httpx.TransportError:
            return False

    try:
        wait_until(up, what="uvicorn to serve")
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(30)


def jobs(database_url: str) -> list[models.Job]:
    db = make_database(database_url)
    with Session(db) as session:
        rows = list(session.exec(select(models.Job)).all())
    db.dispose()
    return rows


def test_an_article_accepted_before_the_server_is_killed_is_processed_after_the_restart(database_url):
    sock = bound_socket()
    url = base_url(sock)
    with uvicorn_process(database_url, sock, worker=False) as process:
        raw, headers = signed(article("wire-1"))
        response = httpx.post(f"{url}/v1/webhooks/ingest", content=raw, headers=headers)
        assert response.status_code == 202
        process.send_signal(signal.SIGKILL)  # dies between answering and processing
        process.wait(30)
    [job] = jobs(database_url)
    assert job.status == "pending"
    with uvicorn_process(database_url, sock, worker=True):
        stored = wait_until(
            lambda: (doc := httpx.get(f"{url}/v1/articles/wire-1").json())["story_id"] and doc,
            what="the restarted worker to process the article",
        )
        assert stored["claim_count"] > 0
    sock.close()
    [job] = jobs(database_url)
    assert job.status == "done" and job.attempts == 1


def _settings(database_url: str, **overrides) -> Settings:
    return Settings(_env_file=None, database_url=database_url, **overrides)  # type: ignore[call-arg]


def test_a_job_whose_worker_died_is_taken_over_when_its_lease_runs_out(client, database_url):
    client.post("/v1/articles", json=article("seed"))  # any stored article will do for a job row
    db = make_database(database_url)
    settings = _settings(database_url)
    with Session(db) as session:
        session.add(models.Job(article_id="seed"))
        session.commit()
    dead = claim_next(db, models.Job, models.Job.run_after, "dead-worker", lease_seconds=0)
    assert dead is not None  # claimed, then the worker "died": its zero-second lease is already over
    survivor = claim_next(db, models.Job, models.Job.run_after, "survivor", lease_seconds=60)
    assert survivor == dead
    assert run_job(db, dead, "dead-worker", settings) == "lost"  # the late worker may not finish it
    assert run_job(db, survivor, "survivor", settings) == "done"
    db.dispose()


def test_concurrent_workers_claim_each_job_once(make_client, database_url):
    client = make_client(worker_enabled=False)  # the app's own worker would claim jobs too
    client.post("/v1/articles", json=article("seed"))
    db = make_database(database_url)
    with Session(db) as session:
        session.add_all(models.Job(article_id="seed") for _ in range(12))
        session.commit()
    claimed: dict[str, list[int]] = {}

    def claim_all(token: str) -> None:
        mine = claimed.setdefault(token, [])
        while (job_id := claim_next(db, models.Job, models.Job.run_after, token, 60)) is not None:
            mine.append(job_id)

    threads = [threading.Thread(target=claim_all, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [job_id for ids in claimed.values() for job_id in ids]
    assert sorted(everything) == sorted(set(everything)) and len(everything) == 12
    db.dispose()


def queue_a_failing_job(client, database_url: str) -> None:
    """Store an article whose processing raises (it points at no revision), and a job for it."""
    client.post("/v1/articles", json=article("broken"))
    db = make_database(database_url)
    with Session(db) as session:
        stored = session.get(models.Article, "broken")
        assert stored is not None
        stored.current_revision = 99
        session.add(stored)
        session.add(models.Job(article_id="broken"))
        session.commit()
    db.dispose()


def test_a_job_that_cannot_succeed_is_marked_failed_at_once(client, database_url):
    queue_a_failing_job(client, database_url)
    db = make_database(database_url)
    settings = _settings(database_url, job_max_attempts=2, worker_poll_interval=0.01)
    worker = Worker(db, settings)

    def given_up() -> bool:
        worker.run_once()
        return jobs(database_url)[0].status != "pending"

    wait_until(given_up, what="the job to be given up")
    [job] = jobs(database_url)
    assert (job.status, job.attempts) == ("failed", 1)  # the same error would come again: no retries
    assert job.last_error and "will fail again" in job.last_error  # what went wrong, kept for the operator
    worker.close()
    db.dispose()


def test_a_job_that_meets_a_locked_database_is_retried_logged_once_and_counted(client, database_url, caplog):
    """Another transaction holds the lock the job needs: the job fails at once (no waiting: the worker's
    connections are told not to) and, once that transaction has ended, is rescheduled with one log line
    and one count, reason and all."""
    caplog.set_level(logging.INFO, logger="tally")
    client.post("/v1/articles", json=article("seed"))
    db = make_database(database_url)
    sqlite = db.dialect.name == "sqlite"
    no_wait = "PRAGMA busy_timeout=0" if sqlite else "SET lock_timeout = '1ms'"

    def never_wait(connection, _record) -> None:
        connection.cursor().execute(no_wait)
        connection.commit()  # PostgreSQL: a SET inside a rolled-back transaction would be undone

    event.listen(db, "connect", never_wait)
    with Session(db) as session:
        session.add(models.Job(article_id="seed"))
        session.commit()
    job_id = claim_next(db, models.Job, models.Job.run_after, "w", lease_seconds=60)
    counted = {"kind": "job", "reason": "OperationalError"}
    before = REGISTRY.get_sample_value("tally_retries_total", counted) or 0.0
    holder = make_database(database_url).connect()
    holder.exec_driver_sql("BEGIN IMMEDIATE" if sqlite else "BEGIN")
    if not sqlite:
        holder.exec_driver_sql("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
    # the other transaction ends as soon as the job's statement has failed on its lock (not at the job's
    # first rollback: the job ends its read transaction before it writes), so the job can be rescheduled
    event.listen(db, "handle_error", lambda _: holder.rollback() if holder.in_transaction() else None)
    try:
        assert run_job(db, job_id, "w", _settings(database_url)) == "pending"
    finally:
        holder.close()
    [logged] = [r for r in caplog.records if getattr(r, "event", None) == "job_retry"]
    assert (logged.reason, logged.attempt, logged.job) == ("OperationalError", 1, job_id)
    assert REGISTRY.get_sample_value("tally_retries_total", counted) == before + 1
    [job] = jobs(database_url)
    assert (job.status, job.attempts) == ("pending", 1) and job.last_error
    db.dispose()
