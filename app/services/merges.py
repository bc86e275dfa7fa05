"""Two stories found to report one event become one: the later one's articles and findings move.

    merge_stories(session, survivor, leaving, settings)   # flushes, never commits; the caller recomputes

Findings keep their rows and ids (a finding's fingerprint names its claims, which belong to one story's
articles, so the two stories' findings never collide); the index terms of the story that leaves are added
to the survivor's; subscribers get a `story.merged` event naming both; the story that left is deleted.
The caller recomputes the survivor (which finds what the two fragments had not yet compared).
"""

from __future__ import annotations

import logging

from sqlalchemy import update
from sqlmodel import Session

from app import engine, models
from app.config import Settings
from app.services.outbox import enqueue_events, merge_event
from app.services.story_index import move_terms

log = logging.getLogger("tally.stories")


def _span(*days):
    present = [d for d in days if d is not None]
    return (min(present), max(present)) if present else (None, None)


def merge_stories(
    session: Session, survivor: models.Story, leaving: models.Story, settings: Settings
) -> None:
    """Move everything of `leaving` into `survivor` and delete `leaving` (both rows locked by the caller)."""
    session.execute(
        update(models.Article).where(models.Article.story_id == leaving.id).values(story_id=survivor.id)
    )
    session.execute(
        update(models.Finding).where(models.Finding.story_id == leaving.id).values(story_id=survivor.id)
    )
    move_terms(session, leaving.id, survivor.id)
    members = [engine.signature_from_dict(r) for r in [*survivor.representatives, *leaving.representatives]]
    survivor.representatives = [engine.signature_to_dict(s) for s in engine.representatives(members)]
    survivor.first_published, survivor.last_published = _span(
        survivor.first_published, survivor.last_published, leaving.first_published, leaving.last_published
    )
    survivor.active_from, survivor.active_until = _span(
        survivor.active_from, survivor.active_until, leaving.active_from, leaving.active_until
    )
    survivor.stamp = None  # it holds other articles now: no comparison kept of it stands
    session.add(survivor)
    enqueue_events(session, [merge_event(leaving.id, survivor, settings)])
    session.delete(leaving)
    session.flush()
    log.info(
        "story %s merged into %s",
        leaving.id,
        survivor.id,
        extra={"event": "story_merged", "story_id": leaving.id, "merged_into": survivor.id},
    )
