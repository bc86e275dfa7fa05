"""Which story a stored article joins: by the caller's key, else by the engine among indexed candidates.

    story = assign_story(session, article, key, settings, signature)   # flushes, never commits

An article without a key is looked up in the story index (`app.services.story_index`) among the stories
active around its day; the engine chooses among those candidates (`engine.choose_story`, the rule of the
batch grouping applied one article at a time) or the article starts a story. The story then keeps the
article's signature among its representatives (`engine.representatives`: the most central members, a
bounded set) and its terms in the index. Candidates the grown story now fits with (`engine.stories_fit`)
are merged into it (`app.services.merges`): fragments of one event become one story, whatever the order
the feed delivered them in. A revised article stays in its story; an explicit key always wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from app import engine, models
from app.config import Settings
from app.services.findings import recompute_story
from app.services.merges import merge_stories
from app.services.story_index import active_day, add_terms, candidate_stories, index_terms, lock_terms


def story_by_key(session: Session, key: str) -> models.Story:
    """The story with explicit key `key`, created when new."""
    story = session.exec(select(models.Story).where(models.Story.key == key)).first()
    if story is None:
        story = models.Story(id=models.new_id("st"), key=key, label=key)
        session.add(story)
        session.flush()
    return story


def stored_story(story: models.Story) -> engine.StoredStory:
    """What the engine compares a new article with: the story's representatives and publication dates."""
    reps = tuple(engine.signature_from_dict(r) for r in story.representatives)
    return engine.StoredStory(story.id, reps, story.first_published, story.last_published)


def _lock(session: Session, story_id: str) -> models.Story | None:
    """The story row, re-read under a lock (PostgreSQL `FOR NO KEY UPDATE`) that later writers wait for."""
    return session.get(
        models.Story, story_id, with_for_update={"key_share": True}, populate_existing=True
    )


def _widen(low: date | None, high: date | None, day: date | None) -> tuple[date | None, date | None]:
    if day is None:
        return low, high
    return (min(low, day) if low else day), (max(high, day) if high else day)


def add_member(story: models.Story, signature: engine.ArticleSignature) -> None:
    """Let `story` stand for one more article: representatives, publication and active dates."""
    others = [engine.signature_from_dict(r) for r in story.representatives]
    members = [s for s in others if s.article_id != signature.article_id] + [signature]
    story.representatives = [engine.signature_to_dict(s) for s in engine.representatives(members)]
    story.first_published, story.last_published = _widen(
        story.first_published, story.last_published, signature.published_at
    )
    story.active_from, story.active_until = _widen(
        story.active_from, story.active_until, active_day(signature.published_at)
    )


def assign_story(
    session: Session,
    article: models.Article,
    key: str | None,
    settings: Settings,
    signature: engine.ArticleSignature,
) -> models.Story:
    """The story `article` belongs to (locked, and standing for the article): by explicit key, its current
    story, or the engine's choice among the indexed candidates (a new story when none fits)."""
    if key is not None:
        return story_by_key(session, key)
    if article.story_id is not None:
        current = _lock(session, article.story_id)
        if current is not None:
            if current.key is None:
                add_member(current, signature)
                add_terms(session, current.id, index_terms(signature))
            return current
    terms = index_terms(signature)
    lock_terms(session, terms)
    day = active_day(signature.published_at)
    candidates = candidate_stories(session, terms, day, settings)
    chosen_id = engine.choose_story(signature, [stored_story(s) for s in candidates])
    story = _lock(session, chosen_id) if chosen_id else None
    if story is None:
        story = models.Story(id=models.new_id("st"), label=(article.title or article.source)[:500])
        session.add(story)
    add_member(story, signature)
    session.flush()
    add_terms(session, story.id, terms)
    return _absorb_fitting(session, story, [c for c in candidates if c.id != story.id], settings)


def _absorb_fitting(
    session: Session, story: models.Story, others: Sequence[models.Story], settings: Settings
) -> models.Story:
    """Merge into one story every candidate that `story`, grown by its new article, now fits with.

    Candidates are judged as the index lookup read them, and only one that fits is locked and read again
    (and judged again, as it now stands): re-reading every candidate's representatives would cost more
    than the rest of the choice. The older story survives (its id is the one subscribers have known
    longest)."""
    survivor, grown = story, stored_story(story)
    for candidate in sorted(others, key=lambda s: s.id):
        if not engine.stories_fit(grown, stored_story(candidate)):
            continue
        other = _lock(session, candidate.id)
        if other is None or not engine.stories_fit(grown, stored_story(other)):
            continue
        keep, leave = sorted((survivor, other), key=lambda s: (s.created_at, s.id))
        merge_stories(session, keep, leave, settings)
        survivor = keep
        grown = stored_story(survivor)
    return survivor


def forget_or_recompute(session: Session, story: models.Story, article_id: str) -> None:
    """After article `article_id` left `story`: delete the story if it is now empty, else let it stand for
    its remaining articles only and recompute it."""
    remaining = session.exec(select(models.Article.id).where(models.Article.story_id == story.id)).first()
    if remaining is None:
        session.delete(story)
        session.flush()
        return
    if story.key is None:
        rebuild_members(session, story, exclude=article_id)
    recompute_story(session, story)


REBUILD_POOL = 48  # latest articles a story's representatives are chosen among again after one left


def rebuild_members(session: Session, story: models.Story, exclude: str | None = None) -> None:
    """Representatives and dates of `story` from its articles' stored signatures (after one left).

    Representatives are chosen among the kept ones and the latest REBUILD_POOL articles, so the cost stays
    bounded however large the story."""
    kept = [r for r in story.representatives if r.get("article_id") != exclude]
    recent = session.exec(
        select(models.Signature.signature)
        .join(models.Article, col(models.Article.id) == col(models.Signature.article_id))
        .where(models.Article.story_id == story.id)
        .order_by(col(models.Article.created_at).desc(), col(models.Article.id))
        .limit(REBUILD_POOL)
    ).all()
    pool = {d["article_id"]: d for d in [*kept, *recent] if d["article_id"] != exclude}
    signatures = [engine.signature_from_dict(d) for d in pool.values()]
    story.representatives = [engine.signature_to_dict(s) for s in engine.representatives(signatures)]
    first, last = session.execute(
        select(func.min(models.Article.published_at), func.max(models.Article.published_at)).where(
            models.Article.story_id == story.id
        )
    ).one()
    story.first_published = first.date() if first else None
    story.last_published = last.date() if last else None
    session.add(story)
    session.flush()
