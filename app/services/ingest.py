"""Ingest one article: store it (new article, new revision, or nothing new), then process it.

    result = ingest_article(session, ArticleCreate(...), settings)   # flushes, does not commit
    session.commit()                      # or ingest_and_commit(...), which also retries lost races

`store_article` and `process_revision` are separate so that a caller may commit the stored text with a job
row first and process it later (durable webhook ingestion); `ingest_article` does both in one transaction.
`needs_processing` is the one rule both follow to decide whether a stored article must be processed.
`ingest_and_commit` extracts the text's claims and signature first (`app.services.extraction.prepare`),
outside the transaction, so that the transaction only stores, chooses the story and compares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import update
from sqlmodel import Session, select

from app import engine, models
from app.config import Settings
from app.db import lock_for_writing
from app.errors import Conflict
from app.schemas import ArticleCreate
from app.services.extraction import Prepared, prepare, prepare_revision, text_sha256
from app.services.findings import recompute_story
from app.services.outbox import enqueue_story_events
from app.services.retry import commit_with_retry
from app.services.shapes import stored_datetime
from app.services.stories import assign_story, forget_or_recompute

Outcome = Literal["created", "revised", "unchanged"]


@dataclass
class Stored:
    """What `store_article` did."""

    article: models.Article
    revision: models.ArticleRevision
    outcome: Outcome


@dataclass
class IngestResult:
    """What `ingest_article` did, with the findings that appeared because of it."""

    article: models.Article
    outcome: Outcome
    new_findings: list[models.Finding] = field(default_factory=list)


def current_revision(session: Session, article: models.Article) -> models.ArticleRevision:
    """The revision holding the article's current text."""
    statement = select(models.ArticleRevision).where(
        models.ArticleRevision.article_id == article.id,
        models.ArticleRevision.number == article.current_revision,
    )
    return session.exec(statement).one()


def _find_existing(session: Session, data: ArticleCreate, digest: str) -> models.Article | None:
    if data.url:
        found = session.exec(
            select(models.Article).where(models.Article.url == data.url).with_for_update()
        ).first()
        if found:
            return found
    if data.id:
        found = session.get(models.Article, data.id, with_for_update=True)
        if found and data.url and found.url and found.url != data.url:
            raise Conflict(f"article id {data.id!r} already belongs to {found.url}")
        return found
    if data.url:
        return None
    statement = (
        select(models.Article)
        .join(
            models.ArticleRevision,
            (models.ArticleRevision.article_id == models.Article.id)
            & (models.ArticleRevision.number == models.Article.current_revision),
        )
        .where(
            models.Article.url.is_(None),  # type: ignore[union-attr]
            models.Article.source == data.source,
            models.ArticleRevision.text_sha256 == digest,
        )
        .with_for_update(of=models.Article)  # type: ignore[arg-type]
    )
    return session.exec(statement).first()


def store_article(session: Session, data: ArticleCreate) -> Stored:
    """Store `data` as a new article, a new revision of a known one, or recognise it as unchanged.

    An article is known by its URL, else by its id, else (no URL, no id) by its source and exact text.
    """
    lock_for_writing(session)
    digest = text_sha256(data.text)
    published_at, date_only = stored_datetime(data.published_at)
    article = _find_existing(session, data, digest)
    if article is not None:
        current = current_revision(session, article)
        if current.text_sha256 == digest and current.text == data.text:
            return Stored(article, current, "unchanged")
        number = article.current_revision + 1
        outcome: Outcome = "revised"
        if article.story_id is not None:  # its story's kept comparisons hold the old text
            story = models.Story
            session.execute(update(story).where(story.id == article.story_id).values(stamp=None))
    else:
        article = models.Article(id=data.id or models.new_id("art"), source=data.source, url=data.url)
        number = 1
        outcome = "created"
    article.title = data.title
    article.published_at = published_at
    article.published_date_only = date_only
    article.url = article.url or data.url
    article.current_revision = number
    article.updated_at = models.utcnow()
    revision = models.ArticleRevision(
        article_id=article.id,
        number=number,
        title=data.title,
        published_at=published_at,
        published_date_only=date_only,
        text=data.text,
        text_sha256=digest,
    )
    session.add(article)
    session.flush()
    session.add(revision)
    session.flush()
    return Stored(article, revision, outcome)


def process_revision(
    session: Session,
    article: models.Article,
    story_key: str | None,
    settings: Settings,
    prepared: Prepared | None = None,
) -> list[models.Finding]:
    """Assign the article to a story and recompute that story's claims and findings.

    `prepared` holds the claims and signature computed before the transaction (extracted here when it is
    missing or was computed from another text). Returns the findings that did not exist before; subscribers
    are told about them through the outbox, written in the caller's transaction.
    """
    lock_for_writing(session)
    revision = current_revision(session, article)
    if prepared is None or not prepared.matches(revision):
        prepared = prepare_revision(article, revision)
    signature = prepared.signature_of(article.id)
    previous_story = article.story_id
    story = assign_story(session, article, story_key, settings, signature)
    article.story_id = story.id
    session.add(article)
    session.merge(models.Signature(article_id=article.id, signature=engine.signature_to_dict(signature)))
    session.flush()
    changed: list[models.Finding] = []
    added = recompute_story(session, story, {article.id: prepared.claims}, changed)
    enqueue_story_events(session, story, article.id, added, settings, changed)  # in the findings' transaction
    if previous_story and previous_story != story.id:
        old = session.get(models.Story, previous_story)
        if old is not None:
            forget_or_recompute(session, old, article.id)
    return added


def needs_processing(session: Session, stored: Stored, story_key: str | None) -> bool:
    """Whether a stored article must be (re)assigned to a story and its findings recomputed.

    Yes when its text is new or changed, when it has no story yet, or when the caller names a story key
    other than the key of its story; an unchanged article resent as it was needs nothing.
    """
    article = stored.article
    if stored.outcome != "unchanged" or article.story_id is None:
        return True
    if story_key is None:
        return False
    story = session.get(models.Story, article.story_id)
    return story is None or story.key != story_key


def ingest_article(
    session: Session, data: ArticleCreate, settings: Settings, prepared: Prepared | None = None
) -> IngestResult:
    """Store and process one article in the caller's transaction (the caller commits)."""
    stored = store_article(session, data)
    if not needs_processing(session, stored, data.story):
        return IngestResult(stored.article, "unchanged")
    new_findings = process_revision(session, stored.article, data.story, settings, prepared)
    return IngestResult(stored.article, stored.outcome, new_findings)


def ingest_and_commit(session: Session, data: ArticleCreate, settings: Settings) -> IngestResult:
    """Extract, then `ingest_article` and commit, starting over when a concurrent ingest won a race
    (`commit_with_retry`).

    Extraction runs first, outside the transaction (skipped when the same text is stored already). Two
    requests may store the same URL, story key or finding at once; the loser's transaction is rolled back
    whole and replayed, and then finds what the winner stored.
    """
    prepared = None if _already_stored(session, data) else prepare(data)
    return commit_with_retry(
        session,
        lambda: ingest_article(session, data, settings, prepared),
        what="ingest",
        gave_up="concurrent requests kept changing this article; send it again",
    )


def _already_stored(session: Session, data: ArticleCreate) -> bool:
    """Whether this very text is the current one of the article its URL or id names (a read, no lock)."""
    statement = select(models.ArticleRevision.text_sha256).join(
        models.Article,
        (models.ArticleRevision.article_id == models.Article.id)
        & (models.ArticleRevision.number == models.Article.current_revision),
    )
    if data.url:
        statement = statement.where(models.Article.url == data.url)
    elif data.id:
        statement = statement.where(models.Article.id == data.id)
    else:
        return False
    digest = session.exec(statement).first()
    session.rollback()  # end the read: the write transaction starts afresh
    return digest == text_sha256(data.text)
