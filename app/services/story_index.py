"""The index of stories by what identifies an event, and the locks that make "choose or create" one step.

    terms = index_terms(signature)                    # ["#person:42", "@selvara", "aftershock", ...]
    lock_terms(session, terms)                        # PostgreSQL advisory locks; SQLite's write lock
    stories = candidate_stories(session, terms, day, settings)
    add_terms(session, story.id, terms)

A story is indexed by the telling words, names (`@name`) and figures (`#counted:value`) of every article it
holds (`story_terms`); a new article finds the stories that share most of its own, among those active within
`TALLY_STORY_ACTIVE_DAYS` of its day, and the engine decides among them. Two ingests that share an index
term take turns from the lookup to the commit (on PostgreSQL an advisory lock per term, taken in one order
so that they cannot deadlock; SQLite has one writer at a time), so two reports of one new event cannot both
start a story: the second finds the story of the first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import func, literal
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from app import engine, models
from app.config import Settings
from app.db import lock_for_writing

INDEX_TERMS = 12  # telling words and names an article is indexed by, besides all its figures
CANDIDATES = 10  # stories (sharing most terms) the engine chooses among
TERM_LENGTH = 200  # longest stored term (the column's length)


def index_terms(signature: engine.ArticleSignature) -> list[str]:
    """What identifies the article's event, sorted: its figures and its most telling words and names.

    The same keys as the engine's batch grouping looks articles up by (figures, then telling terms).
    """
    terms = [f"#{f}" for f in signature.figures] + engine.telling_terms(signature, INDEX_TERMS)
    return sorted({t[:TERM_LENGTH] for t in terms})


def lock_key(term: str) -> int:
    """The signed 64-bit PostgreSQL advisory lock key of an index term.

    >>> lock_key("@selvara") == lock_key("@selvara") != lock_key("@norden")
    True
    """
    digest = hashlib.sha256(f"tally:story_terms:{term}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def lock_terms(session: Session, terms: Sequence[str]) -> None:
    """Take the transaction's turn on every story that could hold these terms (until commit or rollback).

    PostgreSQL: `pg_advisory_xact_lock` per term, in key order (every ingest takes its keys in the same
    order, so two never wait on each other in a cycle). SQLite: the database write lock.
    """
    if session.get_bind().dialect.name != "postgresql":
        lock_for_writing(session)
        return
    for key in sorted({lock_key(t) for t in terms}):
        session.execute(select(func.pg_advisory_xact_lock(key)))


def active_day(published: date | None) -> date:
    """The day an article counts as active: its publication day, else today (UTC)."""
    return published or models.utcnow().date()


def candidate_stories(
    session: Session, terms: Sequence[str], day: date, settings: Settings, exclude: Sequence[str] = ()
) -> list[models.Story]:
    """The engine-found stories active within `story_active_days` of `day` that share most `terms`
    (at most CANDIDATES; more shared terms first, then the most recently active, then by id)."""
    if not terms:
        return []
    period = timedelta(days=settings.story_active_days)
    hits = func.count().label("hits")
    ranked = (
        select(models.StoryTerm.story_id, hits)
        .join(models.Story, col(models.Story.id) == col(models.StoryTerm.story_id))
        .where(
            col(models.StoryTerm.term).in_(list(terms)),
            col(models.Story.key).is_(None),
            col(models.Story.active_until) >= day - period,
            col(models.Story.active_from) <= day + period,
        )
        .group_by(col(models.StoryTerm.story_id), col(models.Story.active_until))
        .order_by(hits.desc(), col(models.Story.active_until).desc(), col(models.StoryTerm.story_id))
        .limit(CANDIDATES + len(exclude))
    )
    ids = [story_id for story_id, _ in session.exec(ranked).all() if story_id not in exclude]
    ids = ids[:CANDIDATES]
    if not ids:
        return []
    stories = {s.id: s for s in session.exec(select(models.Story).where(col(models.Story.id).in_(ids))).all()}
    return [stories[i] for i in ids if i in stories]


def _insert(session: Session):  # the dialect's INSERT, which knows ON CONFLICT DO NOTHING
    return (postgresql if session.get_bind().dialect.name == "postgresql" else sqlite).insert(
        models.StoryTerm
    )


def add_terms(session: Session, story_id: str, terms: Sequence[str]) -> None:
    """Index `story_id` under `terms` (terms it already has are left as they are)."""
    if terms:
        statement = _insert(session).on_conflict_do_nothing()
        session.execute(statement, [{"term": t, "story_id": story_id} for t in terms])


def move_terms(session: Session, leaving: str, survivor: str) -> None:
    """Index `survivor` under every term of `leaving` (whose rows go when the story is deleted)."""
    rows = select(models.StoryTerm.term, literal(survivor)).where(models.StoryTerm.story_id == leaving)
    statement = _insert(session).from_select(["term", "story_id"], rows).on_conflict_do_nothing()
    session.execute(statement)
