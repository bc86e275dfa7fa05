"""Stories in the database: which story a stored article joins, and the story's recomputed findings.

Grouping is the engine's: a new article is checked together with a few recent articles of the most
recently updated stories, and joins the stored story of the articles the engine groups it with (a new
story when it groups with none). An explicit story key from the caller wins over the engine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlmodel import Session, col, select

from app import engine, models
from app.config import Settings
from app.services.findings import current_claims, engine_article, recompute_story, with_current_text

ARTICLES_PER_STORY = 3  # recent articles of each candidate story shown to the engine


def story_by_key(session: Session, key: str) -> models.Story:
    """The story with explicit key `key`, created when new."""
    story = session.exec(select(models.Story).where(models.Story.key == key)).first()
    if story is None:
        story = models.Story(id=models.new_id("st"), key=key, label=key)
        session.add(story)
        session.flush()
    return story


def assign_story(
    session: Session,
    article: models.Article,
    key: str | None,
    settings: Settings,
    extracted: dict[str, Sequence[engine.Claim]] | None = None,
) -> models.Story:
    """The story `article` belongs to: by explicit key, its current story, or the engine's grouping.

    Claims extracted on the way are added to `extracted` (article id -> claims), for the caller to reuse.
    """
    if key is not None:
        return story_by_key(session, key)
    if article.story_id is not None:
        current = session.get(models.Story, article.story_id)
        if current is not None:
            return current
    candidates = session.exec(
        select(models.Story)
        .where(col(models.Story.key).is_(None))
        .order_by(col(models.Story.updated_at).desc())
        .limit(settings.story_window)
    ).all()
    pool: list[models.Article] = []
    for story in candidates:
        pool.extend(
            session.exec(
                select(models.Article)
                .where(models.Article.story_id == story.id, models.Article.id != article.id)
                .order_by(col(models.Article.created_at).desc())
                .limit(ARTICLES_PER_STORY)
            ).all()
        )
    if pool:
        pairs = with_current_text(session, [*pool, article])
        claims = current_claims(session, pairs, extracted)
        if extracted is not None:
            extracted[article.id] = claims[article.id]
        groups = engine.group_into_stories([engine_article(a, r, None) for a, r in pairs], claims)
        stored_story = {a.id: a.story_id for a in pool}
        for group in groups:
            if article.id in group.article_ids:
                votes = Counter(stored_story[i] for i in group.article_ids if stored_story.get(i))
                if votes:
                    chosen = session.get(models.Story, votes.most_common(1)[0][0])
                    if chosen is not None:
                        return chosen
    story = models.Story(id=models.new_id("st"), label=(article.title or article.source)[:500])
    session.add(story)
    session.flush()
    return story


def forget_or_recompute(session: Session, story: models.Story) -> None:
    """After an article left `story`: delete the story if it is now empty, else recompute it."""
    remaining = session.exec(select(models.Article.id).where(models.Article.story_id == story.id)).first()
    if remaining is None:
        session.delete(story)
        session.flush()
    else:
        recompute_story(session, story)
