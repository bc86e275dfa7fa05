"""The background worker: processes accepted ingest jobs and sends outbox messages.

    worker = Worker(db, settings)
    worker.run_once()                 # what is due now; returns how many rows it handled
    handle = start_in_thread(db, settings); ...; handle.stop()   # the app lifespan does this

Every app process (each uvicorn worker) runs one when `TALLY_WORKER_ENABLED` is true, and `tally worker`
runs one on its own; rows are claimed with leases (`app.services.leases`), so any number can run side by
side on SQLite or PostgreSQL, and work a dead process had claimed is taken over when its lease runs out.
"""

from __future__ import annotations

import logging
import secrets
import threading
from dataclasses import dataclass, field

import httpx

from app import models
from app.config import Settings
from app.db import Database
from app.services.delivery import USER_AGENT
from app.services.dispatch import Dispatcher
from app.services.leases import claim_next
from app.services.pinned import PinnedTransport
from app.services.webhook_ingest import run_job

log = logging.getLogger("tally.worker")


@dataclass
class Worker:
    """One worker: the database, a lease token, an HTTP client, and the settings that pace it."""

    db: Database
    settings: Settings
    token: str = field(default_factory=lambda: secrets.token_hex(8))
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        transport = PinnedTransport(allow_private=self.settings.webhook_allow_private_targets)
        self.client = httpx.Client(
            transport=transport, follow_redirects=False, headers={"user-agent": USER_AGENT}
        )
        self.dispatcher = Dispatcher(self.db, self.settings, self.client, self.token)

    def process_jobs(self, limit: int = 20) -> int:
        """Run up to `limit` due ingest jobs; return how many were claimed."""
        handled = 0
        while handled < limit:
            job_id = claim_next(
                self.db, models.Job, models.Job.run_after, self.token, self.settings.worker_lease_seconds
            )
            if job_id is None:
                break
            run_job(self.db, job_id, self.token, self.settings)
            handled += 1
        return handled

    def send_messages(self, limit: int = 50, wait: bool = True) -> int:
        """Start up to `limit` due outbox deliveries, concurrently (`app.services.dispatch`); return how
        many were claimed. With `wait`, return once they are all recorded (and keep going while more are
        due); without, leave them running and return at once (the polling loop)."""
        handled = 0
        while handled < limit:
            claimed = self.dispatcher.fill()
            if wait:
                self.dispatcher.drain()
            handled += claimed
            if not claimed or not wait:
                break
        return handled

    def run_once(self, wait: bool = True) -> int:
        """Handle what is due now: jobs first (they write the events), then deliveries (waiting for them
        unless `wait` is false)."""
        return self.process_jobs() + self.send_messages(wait=wait)

    def run_until(self, stop: threading.Event) -> None:
        """Poll until `stop` is set; sleep `worker_poll_interval` only when there was nothing to do."""
        while not stop.is_set():
            try:
                busy = self.run_once(wait=False)
            except Exception:  # the loop must survive a lost database connection and come back
                log.exception("worker poll failed; retrying in %s s", self.settings.worker_poll_interval)
                busy = 0
            if not busy:
                stop.wait(self.settings.worker_poll_interval)

    def close(self) -> None:
        """Let the deliveries in flight finish, then close the HTTP client."""
        self.dispatcher.close()
        self.client.close()


@dataclass
class RunningWorker:
    """A worker running in a daemon thread; `stop()` ends it after its current row."""

    worker: Worker
    thread: threading.Thread
    stopping: threading.Event

    def stop(self, timeout: float = 30.0) -> None:
        """Ask the worker to stop, wait for it, and close its client."""
        self.stopping.set()
        self.thread.join(timeout)
        self.worker.close()


def start_in_thread(db: Database, settings: Settings) -> RunningWorker:
    """Start a worker in a daemon thread of this process."""
    worker = Worker(db, settings)
    stopping = threading.Event()
    thread = threading.Thread(target=worker.run_until, args=(stopping,), name="tally-worker", daemon=True)
    thread.start()
    return RunningWorker(worker, thread, stopping)
