"""What crosses HTTP for webhooks: ingest answers, subscriptions, deliveries and the outgoing events."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.validation import SECRET_PATTERN, WEBHOOK_URL_PATTERN

EventType = Literal[
    "finding.discrepancy",
    "finding.correction",
    "finding.agreement",
    "finding.updated",
    "story.updated",
    "story.merged",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]


class IngestedArticle(BaseModel):
    """One article of an accepted webhook, and whether it waits for processing."""

    id: str
    outcome: Literal["created", "revised", "unchanged"]
    processing: Literal["queued", "none"] = Field(
        description="queued: a worker will group it into a story and compute findings; none: nothing new"
    )
    href: str = Field(examples=["/v1/articles/wire-ferry-2025-05-16"])


class WebhookAccepted(BaseModel):
    """The answer to a signed ingest; the same answer is given again to a redelivery of the webhook-id."""

    webhook_id: str
    received_at: datetime
    articles: list[IngestedArticle]


class SubscriptionCreate(BaseModel):
    """What to send where: the events of `events`, POSTed to `url`, signed with `secret`."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "url": "https://desk.example.com/hooks/tally",
                    "events": ["finding.discrepancy", "finding.updated"],
                }
            ]
        },
    )

    url: str = Field(
        max_length=2048,
        examples=["https://desk.example.com/hooks/tally"],
        description="http(s) URL with a host name (ASCII: punycode for international names) or an [IPv6] "
        "address; stored normalised (lower-case host, percent-encoded path); on a public address unless "
        "TALLY_WEBHOOK_ALLOW_PRIVATE_TARGETS is true",
        json_schema_extra={"pattern": WEBHOOK_URL_PATTERN},
    )
    events: list[EventType] = Field(min_length=1, examples=[["finding.discrepancy", "finding.correction"]])
    secret: str | None = Field(
        None,
        max_length=200,
        description="whsec_<base64 of at least 16 bytes> key to sign deliveries with; omitted: one is "
        "generated and returned once",
        json_schema_extra={"pattern": SECRET_PATTERN},
    )

    @field_validator("events")
    @classmethod
    def _unique(cls, events: list[str]) -> list[str]:
        return list(dict.fromkeys(events))

    @field_validator("secret")
    @classmethod
    def _secret_shape(cls, secret: str | None) -> str | None:
        from app.config import parse_webhook_secrets

        if secret is not None:
            if not re.match(SECRET_PATTERN, secret):
                raise ValueError("a secret is whsec_ and the base64 of 16 bytes or more (22+ characters)")
            parse_webhook_secrets(secret)
        return secret


class SubscriptionOut(BaseModel):
    id: str
    url: str
    events: list[str]
    active: bool
    disabled_reason: str | None = Field(
        None, description="why deliveries stopped (e.g. the receiver answered 410)"
    )
    created_at: datetime
    updated_at: datetime


class SubscriptionCreated(SubscriptionOut):
    """The new subscription, with its signing secret: the only time the secret is shown."""

    secret: str


class SubscriptionList(BaseModel):
    items: list[SubscriptionOut]
    total: int


class AttemptOut(BaseModel):
    number: int
    attempted_at: datetime
    status_code: int | None = Field(
        description="the receiver's HTTP status; null when it could not be reached"
    )
    error: str | None
    duration_ms: int
    outcome: Literal["delivered", "retry", "failed", "disabled"]


class DeliveryOut(BaseModel):
    """One event for the subscription, its state and every attempt at delivering it."""

    id: str = Field(description="the webhook-id of every attempt")
    event: str
    status: Literal["pending", "delivered", "failed", "cancelled"]
    attempts: int
    created_at: datetime
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    payload: dict[str, object]
    attempt_log: list[AttemptOut]


class DeliveryList(BaseModel):
    items: list[DeliveryOut]
    total: int


class EventLinks(BaseModel):
    story: str
    report: str
    article: str | None = None
    finding: str | None = None


class EventData(BaseModel):
    """Ids and links; fetch the report for the claims and spans."""

    story_id: str
    article_id: str | None = Field(None, description="the article whose ingest produced the event")
    finding_id: str | None = Field(None, description="finding events: the finding's id in the story report")
    finding_type: Literal["agreement", "discrepancy", "correction"] | None = None
    reason: str | None = Field(None, description="finding events: the one-line reason")
    severity: str | None = None
    new_findings: int | None = Field(None, description="story.updated: findings that appeared")
    updated_findings: int | None = Field(
        None, description="story.updated: findings whose claims changed (each also sent as finding.updated)"
    )
    merged_into: str | None = Field(
        None, description="story.merged: the story that now holds the articles and findings of `story_id`"
    )
    links: EventLinks


class EventPayload(BaseModel):
    """The body of every outgoing webhook (signed with Standard Webhooks headers)."""

    type: EventType
    timestamp: datetime
    data: EventData
