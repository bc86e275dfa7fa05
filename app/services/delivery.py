"""Sending one claimed outbox message to its subscriber, and recording what happened.

    outcome = deliver(db, "msg_3f9a0c1b2d4e", token, settings, client)   # httpx.Client

Each attempt is signed afresh (Standard Webhooks headers; the webhook-id stays the message id) and logged
as a `delivery_attempts` row. A 2xx answer delivers; `410 Gone` disables the subscription; anything else
(another status, a timeout, a refused connection, a target that now resolves to a private address) is
retried after an exponential backoff with jitter, until `webhook_max_attempts`. Redirects are not followed.
A message that cannot be sent at all (a URL or payload httpx refuses) fails at once, logged as an attempt.
The client's transport (`app.services.pinned.PinnedTransport`) checks the address it connects to.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import timedelta
from typing import Literal

import httpx
from sqlalchemy import update
from sqlmodel import Session, col

from app import models
from app.config import Settings
from app.db import Database
from app.metrics import DELIVERIES, RETRIES
from app.services.leases import backoff, release
from app.services.signatures import signed_headers
from app.services.targets import RefusedTarget

log = logging.getLogger("tally.webhooks")
Outcome = Literal["delivered", "retry", "failed", "disabled", "cancelled", "lost"]
USER_AGENT = "Tally-Webhooks/0.1"


def _send(
    client: httpx.Client, subscription: models.Subscription, message: models.OutboxMessage, settings: Settings
) -> tuple[int | None, str | None]:
    """POST the message; (status, None) when the receiver answered, (None, error) when it could not."""
    body = json.dumps(message.payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    headers = {
        **signed_headers(subscription.secret, message.id, body),
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }
    try:
        response = client.post(
            subscription.url, content=body, headers=headers, timeout=settings.webhook_timeout
        )
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"[:1000]
    except RefusedTarget as exc:
        return None, exc.detail
    return response.status_code, None


def deliver(db: Database, message_id: str, token: str, settings: Settings, client: httpx.Client) -> Outcome:
    """Attempt one delivery of a message this worker has claimed, and record it."""
    with Session(db, expire_on_commit=False) as session:
        message = session.get(models.OutboxMessage, message_id)
        if message is None or message.lock_token != token:
            DELIVERIES.labels("lost").inc()
            return "lost"
        subscription = session.get(models.Subscription, message.subscription_id)
        if subscription is None or not subscription.active:
            message.status, message.locked_until, message.lock_token = "cancelled", None, None
            session.add(message)
            session.commit()
            DELIVERIES.labels("cancelled").inc()
            return "cancelled"
    started = time.monotonic()
    unsendable = False
    try:
        status, error = _send(client, subscription, message, settings)
    except Exception as exc:  # a URL or payload that can never be sent: fail it now, and say why
        log.warning("delivery %s cannot be sent: %r", message.id, exc)
        status, error, unsendable = None, f"cannot be sent: {type(exc).__name__}: {exc}"[:1000], True
    duration_ms = int((time.monotonic() - started) * 1000)
    return _record(db, message, subscription, token, status, error, duration_ms, settings, unsendable)


def _outcome(status: int | None, attempt: int, settings: Settings, unsendable: bool = False) -> Outcome:
    if unsendable:
        return "failed"
    if status is not None and 200 <= status < 300:
        return "delivered"
    if status == 410:
        return "disabled"
    return "failed" if attempt >= settings.webhook_max_attempts else "retry"


def _record(
    db: Database,
    message: models.OutboxMessage,
    subscription: models.Subscription,
    token: str,
    status: int | None,
    error: str | None,
    duration_ms: int,
    settings: Settings,
    unsendable: bool = False,
) -> Outcome:
    """Log the attempt and move the message on, in one transaction (only while we hold its lease)."""
    attempt = message.attempts
    outcome = _outcome(status, attempt, settings, unsendable)
    now = models.utcnow()
    values: dict[str, object] = {}
    if outcome == "delivered":
        values.update(status="delivered", delivered_at=now)
    elif outcome == "retry":
        wait = backoff(attempt, settings.webhook_backoff_base, settings.webhook_backoff_max)
        values.update(status="pending", next_attempt_at=now + timedelta(seconds=wait))
    else:
        values.update(status="failed" if outcome == "failed" else "cancelled")
    if error is None and outcome != "delivered":
        error = f"the receiver answered {status}"
    with Session(db) as session:
        if not release(session, models.OutboxMessage, message.id, token, **values):
            session.rollback()  # deleted with its subscription, or taken over after our lease ran out
            DELIVERIES.labels("lost").inc()
            return "lost"
        session.add(
            models.DeliveryAttempt(
                message_id=message.id,
                number=attempt,
                attempted_at=now,
                status_code=status,
                error=error,
                duration_ms=duration_ms,
                outcome=outcome,
            )
        )
        if outcome == "disabled":
            session.execute(
                update(models.Subscription)
                .where(col(models.Subscription.id) == subscription.id)
                .values(
                    active=False,
                    disabled_reason=f"{subscription.url} answered 410 Gone to {message.id}",
                    updated_at=now,
                )
            )
        session.commit()
    fields = {"event": f"delivery_{outcome}", "message_id": message.id, "attempt": attempt}
    if outcome != "delivered":
        fields["reason"] = failure_reason(status, error)
    log.info(
        "delivery %s #%s to %s: %s (%s)",
        message.id,
        attempt,
        subscription.url,
        outcome,
        status or error,
        extra=fields,
    )
    DELIVERIES.labels(outcome).inc()
    if outcome == "retry":
        RETRIES.labels("delivery", fields["reason"]).inc()
    return outcome


def failure_reason(status: int | None, error: str | None) -> str:
    """Why a delivery failed, short: `http_503`, or the name of the error (`ConnectTimeout`), else
    `unreachable` (refused before sending: a private address, an unsendable URL).

    >>> failure_reason(503, None), failure_reason(None, "ConnectError: [Errno 111] refused")
    ('http_503', 'ConnectError')
    """
    if status is not None:
        return f"http_{status}"
    name = (error or "").partition(":")[0]
    return name if name.isidentifier() else "unreachable"
