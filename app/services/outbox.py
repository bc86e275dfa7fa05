"""The outbox: events for subscribers, written in the same transaction as the findings they announce.

    enqueue_story_events(session, story, article_id, new_findings, settings, updated)  # flushes only
    enqueue_events(session, [merge_event(leaving_id, survivor, settings)])

Nothing is sent here: the worker (`app.services.delivery`) reads the outbox after the commit, so an event
exists if and only if its finding was stored. One row per (event, subscription), each retried on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from app import models
from app.config import Settings
from app.webhook_schemas import EventData, EventLinks, EventPayload


def _links(settings: Settings, story_id: str, article_id: str | None, finding_id: str | None) -> EventLinks:
    base = settings.public_url.rstrip("/")
    return EventLinks(
        story=f"{base}/v1/stories/{story_id}",
        report=f"{base}/v1/stories/{story_id}/report",
        article=f"{base}/v1/articles/{article_id}" if article_id else None,
        finding=f"{base}/v1/stories/{story_id}/report#f{finding_id}" if finding_id else None,
    )


def story_events(
    story: models.Story,
    article_id: str | None,
    new_findings: Sequence[models.Finding],
    settings: Settings,
    updated: Sequence[models.Finding] = (),
) -> list[EventPayload]:
    """The events one recomputation of `story` produces: one per new finding (`finding.<type>`), one per
    finding whose claims changed (`finding.updated`: a new outlet joined a side, a figure was revised),
    then `story.updated`."""
    now = models.utcnow()
    announced = [(f"finding.{f.type}", f) for f in new_findings] + [("finding.updated", f) for f in updated]
    events = [
        EventPayload(
            type=event,  # type: ignore[arg-type]
            timestamp=now,
            data=EventData(
                story_id=story.id,
                article_id=article_id,
                finding_id=f"f{finding.id}",
                finding_type=finding.type,  # type: ignore[arg-type]
                reason=finding.reason,
                severity=finding.severity,
                links=_links(settings, story.id, article_id, str(finding.id)),
            ),
        )
        for event, finding in announced
    ]
    events.append(
        EventPayload(
            type="story.updated",
            timestamp=now,
            data=EventData(
                story_id=story.id,
                article_id=article_id,
                new_findings=len(new_findings),
                updated_findings=len(updated),
                links=_links(settings, story.id, article_id, None),
            ),
        )
    )
    return events


def merge_event(leaving_id: str, survivor: models.Story, settings: Settings) -> EventPayload:
    """The event telling subscribers that story `leaving_id` is now part of `survivor`."""
    return EventPayload(
        type="story.merged",
        timestamp=models.utcnow(),
        data=EventData(
            story_id=leaving_id, merged_into=survivor.id, links=_links(settings, survivor.id, None, None)
        ),
    )


def enqueue_story_events(
    session: Session,
    story: models.Story,
    article_id: str | None,
    new_findings: Sequence[models.Finding],
    settings: Settings,
    updated: Sequence[models.Finding] = (),
) -> int:
    """Write the outbox rows for the active subscriptions that want these events; return how many."""
    return enqueue_events(session, story_events(story, article_id, new_findings, settings, updated))


def enqueue_events(session: Session, events: Sequence[EventPayload]) -> int:
    """Write one outbox row per event and active subscription that asked for it; return how many."""
    subscriptions = session.exec(select(models.Subscription).where(col(models.Subscription.active))).all()
    if not subscriptions:
        return 0
    rows: list[models.OutboxMessage] = []
    for event in events:
        payload: dict[str, Any] = event.model_dump(mode="json", exclude_none=True)
        payload["data"]["links"] = {k: v for k, v in payload["data"]["links"].items() if v}
        rows.extend(
            models.OutboxMessage(
                id=models.new_id("msg"), subscription_id=sub.id, event=event.type, payload=payload
            )
            for sub in subscriptions
            if event.type in sub.events
        )
    session.add_all(rows)
    session.flush()
    return len(rows)
