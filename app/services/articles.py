"""Reading stored articles: lists, one article with its revisions, its claims."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from app import models
from app.errors import NotFound
from app.schemas import ArticleDetail, ArticleList, ArticleOut, ClaimList, Processing, RevisionOut
from app.services.search import matching_articles
from app.services.shapes import shown_datetime, stored_claim_out

# Stored articles in an order fixed by what they are (publication time, source, title, URL), never by when
# they were stored or by their ids (which only separate articles that agree on all of these). The engine
# orders what it is given by content again (in Python), so no finding depends on this order or on the
# database's collation; reports list articles and claims in it (newest first).
CONTENT_ORDER = (
    col(models.Article.published_at).asc().nulls_first(),
    col(models.Article.source),
    col(models.Article.title).asc().nulls_first(),
    col(models.Article.url).asc().nulls_first(),
    col(models.Article.id),
)


def get_article(session: Session, article_id: str) -> models.Article:
    """The stored article `article_id`, or NotFound."""
    article = session.get(models.Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id!r}")
    return article


def _claim_counts(session: Session, revision_ids: Sequence[int]) -> dict[int, int]:
    if not revision_ids:
        return {}
    rows = session.exec(
        select(models.Claim.revision_id, func.count())
        .where(col(models.Claim.revision_id).in_(revision_ids))
        .group_by(col(models.Claim.revision_id))
    ).all()
    return dict(rows)


def _current_revision_ids(session: Session, articles: Sequence[models.Article]) -> dict[str, int]:
    if not articles:
        return {}
    rows = session.exec(
        select(models.ArticleRevision.article_id, models.ArticleRevision.id)
        .where(col(models.ArticleRevision.article_id).in_([a.id for a in articles]))
        .join(models.Article, col(models.Article.id) == col(models.ArticleRevision.article_id))
        .where(col(models.ArticleRevision.number) == col(models.Article.current_revision))
    ).all()
    return dict(rows)  # type: ignore[arg-type]


def article_docs(session: Session, articles: Sequence[models.Article]) -> list[ArticleOut]:
    """Response documents for `articles`, with the claim count of each current revision."""
    revision_of = _current_revision_ids(session, articles)
    counts = _claim_counts(session, list(revision_of.values()))
    return [
        ArticleOut(
            id=a.id,
            url=a.url,
            source=a.source,
            title=a.title,
            published_at=shown_datetime(a.published_at, a.published_date_only),
            story_id=a.story_id,
            revision=a.current_revision,
            claim_count=counts.get(revision_of.get(a.id, -1), 0),
            created_at=a.created_at,
            updated_at=a.updated_at,
        )
        for a in articles
    ]


def story_article_docs(session: Session, story_id: str) -> list[ArticleOut]:
    """Response documents for the articles of one story, newest publication first (one query: the columns
    shown and the claim count of each current revision)."""
    a, r = models.Article, models.ArticleRevision
    rows = session.exec(
        select(
            a.id, a.url, a.source, a.title, a.published_at, a.published_date_only, a.story_id,
            a.current_revision, a.created_at, a.updated_at, func.count(col(models.Claim.id)),
        )
        .join(r, (col(r.article_id) == col(a.id)) & (col(r.number) == col(a.current_revision)))
        .outerjoin(models.Claim, col(models.Claim.revision_id) == col(r.id))
        .where(a.story_id == story_id)
        .group_by(col(a.id))
        .order_by(col(a.published_at).desc().nulls_last(), *CONTENT_ORDER[1:])
    ).all()
    return [
        ArticleOut(
            id=id_,
            url=url,
            source=source,
            title=title,
            published_at=shown_datetime(published_at, date_only),
            story_id=story,
            revision=revision,
            claim_count=count,
            created_at=created_at,
            updated_at=updated_at,
        )
        for id_, url, source, title, published_at, date_only, story, revision, created_at, updated_at, count
        in rows
    ]


def list_articles(
    session: Session,
    *,
    story: str | None,
    source: str | None,
    limit: int,
    offset: int,
    q: str | None = None,
) -> ArticleList:
    """Stored articles, newest publication first (undated last, then newest ingested); with `q`, only
    those whose current title or text holds every word of it."""
    statement = select(models.Article)
    if q is not None:
        statement = statement.where(col(models.Article.id).in_(matching_articles(session, q)))
    if story is not None:
        statement = statement.where(models.Article.story_id == story)
    if source is not None:
        statement = statement.where(models.Article.source == source)
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    page = session.exec(
        statement.order_by(
            col(models.Article.published_at).desc().nulls_last(),
            col(models.Article.created_at).desc(),
            col(models.Article.id).desc(),
        )
        .limit(limit)
        .offset(offset)
    ).all()
    return ArticleList(items=article_docs(session, page), total=total)


def article_detail(session: Session, article_id: str) -> ArticleDetail:
    """One stored article with its current text and all revisions, oldest first."""
    article = get_article(session, article_id)
    revisions = session.exec(
        select(models.ArticleRevision)
        .where(models.ArticleRevision.article_id == article.id)
        .order_by(col(models.ArticleRevision.number))
    ).all()
    counts = _claim_counts(session, [r.id for r in revisions if r.id is not None])
    base = article_docs(session, [article])[0]
    job = session.exec(
        select(models.Job).where(models.Job.article_id == article.id).order_by(col(models.Job.id).desc())
    ).first()
    processing = Processing.model_validate(
        {"status": job.status, "attempts": job.attempts, "error": job.last_error}
    ) if job else None
    return ArticleDetail(
        **base.model_dump(),
        processing=processing,
        text=revisions[-1].text,
        revisions=[
            RevisionOut(
                number=r.number,
                title=r.title,
                published_at=shown_datetime(r.published_at, r.published_date_only),
                text=r.text,
                text_sha256=r.text_sha256,
                claim_count=counts.get(r.id or -1, 0),
                created_at=r.created_at,
            )
            for r in revisions
        ],
    )


def article_claims(
    session: Session, article_id: str, *, revision: int | None, limit: int, offset: int
) -> ClaimList:
    """The claims of one revision (default: the current one), in text order."""
    article = get_article(session, article_id)
    number = revision if revision is not None else article.current_revision
    row = session.exec(
        select(models.ArticleRevision).where(
            models.ArticleRevision.article_id == article.id, models.ArticleRevision.number == number
        )
    ).first()
    if row is None:
        raise NotFound(f"article {article_id!r} has no revision {number}")
    statement = select(models.Claim).where(models.Claim.revision_id == row.id)
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    claims = session.exec(statement.order_by(col(models.Claim.position)).limit(limit).offset(offset)).all()
    return ClaimList(items=[stored_claim_out(c, number) for c in claims], total=total)
