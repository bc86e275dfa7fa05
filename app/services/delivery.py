"""Sending one claimed outbox message to its subscriber, and recording what happened.

    outcome = deliver(engine, "msg_3f9a0c1b2d4e", token, settings, client)   # httpx.Client

Each attempt is signed afresh (Standard Webhooks headers; the webhook-id stays the message id) and logged
as a `delivery_attempts` row. A 2xx answer delivers; `410 Gone` disables the subscription; anything else
(another status, a timeout, a refused connection, a target that now resolves to a private address) is
retried after an exponential backoff with jitter, until `webhook_max_attempts`. Redirects are not followed.
"""

from __future__ import annotations

import json
import logging
import random
import time
from datetime import timedelta
from typing import Literal

import httpx
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from app import models
from app.config import Settings
from app.services.signatures import signed_headers
from app.services.targets import RefusedTarget, check_target

log = logging.getLogger("tally.webhooks")
Outcome = Literal["delivered", "retry", "failed", "disabled", "cancelled", "lost"]
USER_AGENT = "Tally-Webhooks/0.1"


def backoff(attempt: int, base: float, cap: float) -> float:
    """Seconds to wait after failed attempt number `attempt` (1, 2, ...): base * 2^(n-1), jittered.

    "Equal jitter": half the delay is fixed, half random, so retries of many messages spread out.
    """
    delay = min(cap, base * 2 ** (attempt - 1))
    return delay / 2 + random.uniform(0, delay / 2)


def _send(
    client: httpx.Client, subscription: models.Subscription, message: models.OutboxMessage, settings: Settings
) -> tuple[int | None, str | None]:
    """POST the message; (status, None) when the receiver answered, (None, error) when it could not."""
    try:
        check_target(subscription.url, allow_private=settings.webhook_allow_private_targets)
    except RefusedTarget as exc:
        return None, exc.detail
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
    return response.status_code, None


def deliver(engine: Engine, message_id: str, token: str, settings: Settings, client: httpx.Client) -> Outcome:
    """Attempt one delivery of a message this worker has claimed, and record it."""
    with Session(engine, expire_on_commit=False) as session:
        message = session.get(models.OutboxMessage, message_id)
        if message is None or message.lock_token != token:
            return "lost"
        subscription = session.get(models.Subscription, message.subscription_id)
        if subscription is None or not subscription.active:
            message.status, message.locked_until, message.lock_token = "cancelled", None, None
            session.add(message)
            session.commit()
            return "cancelled"
    started = time.monotonic()
    status, error = _send(client, subscription, message, settings)
    duration_ms = int((time.monotonic() - started) * 1000)
    return _record(engine, message, subscription, token, status, error, duration_ms, settings)


def _outcome(status: int | None, attempt: int, settings: Settings) -> Outcome:
    if status is not None and 200 <= status < 300:
        return "delivered"
    if status == 410:
        return "disabled"
    return "failed" if attempt >= settings.webhook_max_attempts else "retry"


def _record(
    engine: Engine,
    message: models.OutboxMessage,
    subscription: models.Subscription,
    token: str,
    status: int | None,
    error: str | None,
    duration_ms: int,
    settings: Settings,
) -> Outcome:
    """Log the attempt and move the message on, in one transaction (only while we hold its lease)."""
    attempt = message.attempts
    outcome = _outcome(status, attempt, settings)
    now = models.utcnow()
    values: dict[str, object] = {"locked_until": None, "lock_token": None}
    if outcome == "delivered":
        values.update(status="delivered", delivered_at=now)
    elif outcome == "retry":
        wait = backoff(attempt, settings.webhook_backoff_base, settings.webhook_backoff_max)
        values.update(status="pending", next_attempt_at=now + timedelta(seconds=wait))
    else:
        values.update(status="failed" if outcome == "failed" else "cancelled")
    if error is None and outcome != "delivered":
        error = f"the receiver answered {status}"
    with Session(engine) as session:
        released = session.execute(
            update(models.OutboxMessage)
            .where(col(models.OutboxMessage.id) == message.id, col(models.OutboxMessage.lock_token) == token)
            .values(**values)
        )
        if released.rowcount != 1:  # type: ignore[attr-defined]
            session.rollback()  # deleted with its subscription, or taken over after our lease ran out
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
    log.info(
        "delivery %s #%s to %s: %s (%s)", message.id, attempt, subscription.url, outcome, status or error
    )
    return outcome
