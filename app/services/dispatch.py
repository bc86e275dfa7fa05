"""Outgoing deliveries run concurrently, a few per subscriber, so one slow receiver cannot hold up the rest.

    dispatcher = Dispatcher(db, settings, client, token)
    dispatcher.fill()        # claim due messages into free slots; returns how many it claimed
    dispatcher.drain()       # wait until every claimed delivery has been attempted and recorded

A pool of TALLY_WEBHOOK_CONCURRENCY threads sends; each subscription has at most
TALLY_WEBHOOK_PER_SUBSCRIBER deliveries in flight, and a message is claimed only when a slot is free for its
subscription (the claim skips subscriptions at their limit), so a receiver that takes the whole
TALLY_WEBHOOK_TIMEOUT to answer occupies its own slots and nobody else's. Claimed messages never wait in a
queue, so their leases do not run out while they wait.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor, wait

import httpx
from sqlmodel import Session, col

from app import models
from app.config import Settings
from app.db import Database
from app.services.delivery import deliver
from app.services.leases import claim_next

log = logging.getLogger("tally.webhooks")


class Dispatcher:
    """Claims due outbox messages into free delivery slots and sends them in a thread pool."""

    def __init__(self, db: Database, settings: Settings, client: httpx.Client, token: str) -> None:
        self.db, self.settings, self.client, self.token = db, settings, client, token
        self.pool = ThreadPoolExecutor(settings.webhook_concurrency, thread_name_prefix="tally-delivery")
        self.in_flight: Counter[str] = Counter()
        self.futures: set[Future[object]] = set()
        self.lock = threading.Lock()

    def _busy(self) -> list[str]:
        with self.lock:
            return [s for s, n in self.in_flight.items() if n >= self.settings.webhook_per_subscriber]

    def _free(self) -> int:
        with self.lock:
            return self.settings.webhook_concurrency - sum(self.in_flight.values())

    def fill(self) -> int:
        """Claim due messages while delivery slots are free; start each; return how many were claimed."""
        claimed = 0
        while self._free() > 0:
            busy = self._busy()
            message_id = claim_next(
                self.db,
                models.OutboxMessage,
                models.OutboxMessage.next_attempt_at,
                self.token,
                self.settings.worker_lease_seconds,
                where=[col(models.OutboxMessage.subscription_id).not_in(busy)] if busy else (),
            )
            if message_id is None:
                break
            with Session(self.db) as session:
                message = session.get(models.OutboxMessage, message_id)
                subscription_id = message.subscription_id if message else ""
            with self.lock:
                self.in_flight[subscription_id] += 1
            future = self.pool.submit(self._deliver, message_id, subscription_id)
            with self.lock:
                self.futures.add(future)
            future.add_done_callback(self._done)
            claimed += 1
        return claimed

    def _deliver(self, message_id: str, subscription_id: str) -> object:
        try:
            return deliver(self.db, message_id, self.token, self.settings, self.client)
        except Exception:  # recorded by deliver() when it can be; the slot must be freed either way
            log.exception("delivery %s failed in the worker", message_id)
            return "lost"
        finally:
            with self.lock:
                self.in_flight[subscription_id] -= 1
                if self.in_flight[subscription_id] <= 0:
                    del self.in_flight[subscription_id]

    def _done(self, future: Future[object]) -> None:
        with self.lock:
            self.futures.discard(future)

    def drain(self) -> None:
        """Wait for every delivery started so far."""
        with self.lock:
            pending = set(self.futures)
        wait(pending)

    def close(self) -> None:
        """Let the deliveries in flight finish, then stop the pool."""
        self.pool.shutdown(wait=True)
