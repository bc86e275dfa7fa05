"""Subscriptions to outgoing events: create (with a generated secret), list, read, delete; deliveries.

created = create_subscription(session, SubscriptionCreate(url=..., events=[...]), settings)
created.secret    # "whsec_..." shown this once
"""

from __future__ import annotations

import base64
import secrets
from collections import defaultdict

from sqlalchemy import func
from sqlmodel import Session, col, select

from app import models
from app.config import Settings
from app.errors import NotFound
from app.services.targets import check_target
from app.webhook_schemas import (
    AttemptOut,
    DeliveryList,
    DeliveryOut,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionList,
    SubscriptionOut,
)


def new_secret() -> str:
    """A fresh Standard Webhooks secret: `whsec_` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def _out(row: models.Subscription) -> SubscriptionOut:
    return SubscriptionOut(
        id=row.id,
        url=row.url,
        events=list(row.events),
        active=row.active,
        disabled_reason=row.disabled_reason,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def get_subscription(session: Session, subscription_id: str) -> models.Subscription:
    """The subscription `subscription_id`, or NotFound."""
    row = session.get(models.Subscription, subscription_id)
    if row is None:
        raise NotFound(f"no subscription with id {subscription_id!r}")
    return row


def create_subscription(
    session: Session, data: SubscriptionCreate, settings: Settings
) -> SubscriptionCreated:
    """Store a subscription after checking its URL may receive webhooks; commit."""
    url = check_target(data.url, allow_private=settings.webhook_allow_private_targets)
    row = models.Subscription(
        id=models.new_id("sub"), url=url, events=list(data.events), secret=data.secret or new_secret()
    )
    session.add(row)
    session.commit()
    return SubscriptionCreated(**_out(row).model_dump(), secret=row.secret)


def list_subscriptions(session: Session, *, limit: int, offset: int) -> SubscriptionList:
    """Subscriptions, newest first (secrets are never listed)."""
    total = session.exec(select(func.count()).select_from(models.Subscription)).one()
    rows = session.exec(
        select(models.Subscription)
        .order_by(col(models.Subscription.created_at).desc(), col(models.Subscription.id))
        .limit(limit)
        .offset(offset)
    ).all()
    return SubscriptionList(items=[_out(r) for r in rows], total=total)


def subscription_detail(session: Session, subscription_id: str) -> SubscriptionOut:
    """One subscription (without its secret)."""
    return _out(get_subscription(session, subscription_id))


def delete_subscription(session: Session, subscription_id: str) -> None:
    """Delete a subscription with its pending and past deliveries; commit."""
    session.delete(get_subscription(session, subscription_id))
    session.commit()


def list_deliveries(session: Session, subscription_id: str, *, limit: int, offset: int) -> DeliveryList:
    """The subscription's events, newest first, each with its attempts in order."""
    get_subscription(session, subscription_id)
    statement = select(models.OutboxMessage).where(models.OutboxMessage.subscription_id == subscription_id)
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    messages = session.exec(
        statement.order_by(col(models.OutboxMessage.created_at).desc(), col(models.OutboxMessage.id))
        .limit(limit)
        .offset(offset)
    ).all()
    attempts: dict[str, list[AttemptOut]] = defaultdict(list)
    for row in session.exec(
        select(models.DeliveryAttempt)
        .where(col(models.DeliveryAttempt.message_id).in_([m.id for m in messages]))
        .order_by(col(models.DeliveryAttempt.message_id), col(models.DeliveryAttempt.number))
    ).all():
        attempts[row.message_id].append(
            AttemptOut(
                number=row.number,
                attempted_at=row.attempted_at,
                status_code=row.status_code,
                error=row.error,
                duration_ms=row.duration_ms,
                outcome=row.outcome,  # type: ignore[arg-type]
            )
        )
    items = [
        DeliveryOut(
            id=m.id,
            event=m.event,
            status=m.status,  # type: ignore[arg-type]
            attempts=len(attempts[m.id]),
            created_at=m.created_at,
            next_attempt_at=m.next_attempt_at if m.status == "pending" else None,
            delivered_at=m.delivered_at,
            payload=m.payload,
            attempt_log=attempts[m.id],
        )
        for m in messages
    ]
    return DeliveryList(items=items, total=total)
