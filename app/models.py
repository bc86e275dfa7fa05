"""What is stored: stories, articles and their revisions, claims per revision, findings per story.

    story 1--* article 1--* article_revision 1--* claim *--* finding (via finding_claims) *--1 story

An article is identified by its URL (by its id when it has none). The same URL with the same text is the
same article; changed text adds a revision and keeps the old one. Claims belong to one revision; a story's
findings are recomputed from the current revisions of its articles, and keep their row (and id) while the
same finding (`fingerprint`) keeps being found. Later features (webhook jobs, outbox, subscriptions) add
their own tables to `SQLModel.metadata` and write them in the same transaction as these.
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Now, timezone-aware in UTC (datetime columns store aware datetimes and return them in UTC)."""
    return datetime.now(UTC)


def new_id(prefix: str) -> str:
    """A short random public id: `new_id("st")` -> `"st_3f9a0c1b2d4e"`."""
    return f"{prefix}_{secrets.token_hex(6)}"


class Story(SQLModel, table=True):
    """Articles that report the same event.

    A story found by the engine (no `key`) keeps what a new article is compared with: the signatures of its
    representatives, its publication dates (`first_published`..`last_published`, the engine's window) and
    the days it was active (`active_from`..`active_until`: publication, else ingest days), which bound the
    stories an article is looked up among; `story_terms` indexes it by the telling words of its articles.
    """

    __tablename__ = "stories"

    id: str = Field(primary_key=True, max_length=64)
    key: str | None = Field(default=None, max_length=200, unique=True, description="explicit caller key")
    label: str = Field(default="", max_length=500)
    key_terms: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    representatives: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default=text("'[]'"))
    )
    first_published: date | None = None
    last_published: date | None = None
    active_from: date | None = None
    active_until: date | None = Field(default=None, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, index=True)
    stamp: str | None = Field(
        default=None,
        max_length=32,
        description="a fresh token each time the story's findings are written (None after a merge or a new "
        "revision): a process trusts the comparison it kept only at the stamp it wrote",
    )


class StoryTerm(SQLModel, table=True):
    """The index of stories by what identifies an event: a telling word, name (`@name`) or figure
    (`#counted:value`) of one of the story's articles."""

    __tablename__ = "story_terms"

    term: str = Field(primary_key=True, max_length=200)
    story_id: str = Field(
        sa_column=Column(
            String(64), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )


class Article(SQLModel, table=True):
    """One article as its source published it; `current_revision` numbers its latest text."""

    __tablename__ = "articles"

    id: str = Field(primary_key=True, max_length=128)
    url: str | None = Field(default=None, max_length=2048, unique=True)
    source: str = Field(max_length=200, index=True)
    title: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    published_at: datetime | None = Field(default=None, index=True)
    published_date_only: bool = False
    story_id: str | None = Field(
        default=None, sa_column=Column(String(64), ForeignKey("stories.id", ondelete="SET NULL"), index=True)
    )
    current_revision: int = 1
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class Signature(SQLModel, table=True):
    """The engine's signature of an article's current text (`engine.signature_to_dict`): what a story keeps
    of its representatives, and what it is rebuilt from. A row of its own, so reading articles never
    reads it."""

    __tablename__ = "article_signatures"

    article_id: str = Field(
        sa_column=Column(String(128), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    )
    signature: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class ArticleRevision(SQLModel, table=True):
    """One text of an article; older revisions are kept when the text changes."""

    __tablename__ = "article_revisions"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: str = Field(
        sa_column=Column(
            String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    number: int
    title: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    published_at: datetime | None = None
    published_date_only: bool = False
    text: str = Field(sa_column=Column(Text, nullable=False))
    text_sha256: str = Field(max_length=64, index=True)
    claims_engine: str | None = Field(
        default=None, max_length=64, description="fingerprint of the engine that extracted the stored claims"
    )
    created_at: datetime = Field(default_factory=utcnow)


class Claim(SQLModel, table=True):
    """One quantitative claim of one revision, as the engine extracted it."""

    __tablename__ = "claims"
    __table_args__ = (UniqueConstraint("revision_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    revision_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("article_revisions.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    article_id: str = Field(
        sa_column=Column(
            String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    position: int = Field(description="index in the revision's claim list (text order)")
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(max_length=32)
    trend: str | None = Field(default=None, max_length=16)
    context: str = Field(default="body", max_length=32)
    sentence_start: int
    sentence_end: int
    sentence: str = Field(sa_column=Column(Text, nullable=False))
    value: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    frame: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    converted: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    conversion_ok: bool | None = Field(
        default=None, description="False: the restatement contradicts the value"
    )
    is_conversion: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )


class Finding(SQLModel, table=True):
    """An agreement, discrepancy or correction between claims of one story."""

    __tablename__ = "findings"
    __table_args__ = (UniqueConstraint("story_id", "fingerprint"),)

    id: int | None = Field(default=None, primary_key=True)
    story_id: str = Field(
        sa_column=Column(String(64), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    fingerprint: str = Field(max_length=64, description="hash of type and claims: same finding, same row")
    type: str = Field(max_length=32, index=True)
    verdict: str | None = Field(default=None, max_length=64)
    kind: str | None = Field(default=None, max_length=32, index=True)
    confidence: float = Field(default=1.0)
    severity: str = Field(default="info", max_length=16)
    reason: str = Field(sa_column=Column(Text, nullable=False))
    fact: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    old_value: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    new_value: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    independent_sources: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class FindingClaim(SQLModel, table=True):
    """A claim a finding rests on; `side` numbers the camp of a discrepancy (None: no camp)."""

    __tablename__ = "finding_claims"

    finding_id: int = Field(
        sa_column=Column(Integer, ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True)
    )
    claim_id: int = Field(
        sa_column=Column(Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    position: int
    side: int | None = None


# --- Webhooks: signed ingestion in (inbound_webhooks, jobs), events out (subscriptions, outbox) ---


class InboundWebhook(SQLModel, table=True):
    """A signed ingest request accepted once, by its `webhook-id`: a redelivery gets the same answer."""

    __tablename__ = "inbound_webhooks"

    id: str = Field(primary_key=True, max_length=256, description="the sender's webhook-id")
    body_sha256: str = Field(max_length=64)
    status_code: int
    response: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    received_at: datetime = Field(default_factory=utcnow)


class Job(SQLModel, table=True):
    """Accepted work not done yet: process one stored article (story, claims, findings).

    Committed with the article, so it survives a crash; a worker claims it by setting `lock_token` and
    `locked_until` (a lease: when it runs out, another worker may take the job over).
    """

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_due", "status", "run_after"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: str = Field(
        sa_column=Column(
            String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    story_key: str | None = Field(default=None, max_length=200)
    webhook_id: str | None = Field(default=None, max_length=256)
    status: str = Field(default="pending", max_length=16, description="pending | done | failed")
    attempts: int = 0
    run_after: datetime = Field(default_factory=utcnow)
    locked_until: datetime | None = None
    lock_token: str | None = Field(default=None, max_length=32)
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None


class Subscription(SQLModel, table=True):
    """A receiver of outgoing events; a 410 answer disables it."""

    __tablename__ = "subscriptions"

    id: str = Field(primary_key=True, max_length=64)
    url: str = Field(max_length=2048)
    events: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    secret: str = Field(max_length=200, description="whsec_... key the deliveries are signed with")
    active: bool = True
    disabled_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class OutboxMessage(SQLModel, table=True):
    """One event for one subscription, written in the transaction that stored its finding.

    Its id is the `webhook-id` of every attempt, so receivers can recognise a redelivery.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)

    id: str = Field(primary_key=True, max_length=64)
    subscription_id: str = Field(
        sa_column=Column(
            String(64), ForeignKey("subscriptions.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    event: str = Field(max_length=64)
    payload: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    status: str = Field(
        default="pending", max_length=16, description="pending | delivered | failed | cancelled"
    )
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow)
    locked_until: datetime | None = None
    lock_token: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    delivered_at: datetime | None = None


class DeliveryAttempt(SQLModel, table=True):
    """One try at delivering an outbox message: what the receiver answered, or why it could not."""

    __tablename__ = "delivery_attempts"
    __table_args__ = (UniqueConstraint("message_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    message_id: str = Field(
        sa_column=Column(String(64), ForeignKey("outbox.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    number: int
    attempted_at: datetime = Field(default_factory=utcnow)
    status_code: int | None = None
    error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    duration_ms: int = 0
    outcome: str = Field(max_length=16, description="delivered | retry | failed | disabled")
