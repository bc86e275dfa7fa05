"""Reading stored stories and their cross-source reports (served from what ingest stored)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from app import models
from app.errors import NotFound
from app.schemas import FindingCounts, FindingOut, StoryDetail, StoryList, StoryReport, StorySummary
from app.services.articles import CONTENT_ORDER, article_docs
from app.services.finding_filter import EVERY, FindingFilter
from app.services.shapes import stored_claim_id, stored_claim_out

# The id only separates findings that say the same of the same fact in the same words.
FINDING_ORDER = (
    col(models.Finding.fact).asc().nulls_first(),
    col(models.Finding.type),
    col(models.Finding.verdict).asc().nulls_first(),
    col(models.Finding.reason),
    col(models.Finding.id),
)


def get_story(session: Session, story_id: str) -> models.Story:
    """The stored story `story_id`, or NotFound."""
    story = session.get(models.Story, story_id)
    if story is None:
        raise NotFound(f"no story with id {story_id!r}")
    return story


def story_summaries(session: Session, stories: Sequence[models.Story]) -> list[StorySummary]:
    """Response documents for `stories`, with article and finding counts."""
    ids = [s.id for s in stories]
    articles = dict(
        session.exec(
            select(models.Article.story_id, func.count())
            .where(col(models.Article.story_id).in_(ids))
            .group_by(col(models.Article.story_id))
        ).all()
    )
    findings: dict[str, dict[str, int]] = defaultdict(dict)
    for story_id, type_, count in session.exec(
        select(models.Finding.story_id, models.Finding.type, func.count())
        .where(col(models.Finding.story_id).in_(ids))
        .group_by(col(models.Finding.story_id), col(models.Finding.type))
    ).all():
        findings[story_id][type_] = count
    return [
        StorySummary(
            id=s.id,
            key=s.key,
            label=s.label,
            key_terms=list(s.key_terms),
            article_count=articles.get(s.id, 0),
            findings=FindingCounts(**findings.get(s.id, {})),
            created_at=s.created_at,
            updated_at=s.updated_at,
        )
        for s in stories
    ]


def list_stories(session: Session, *, limit: int, offset: int) -> StoryList:
    """Stored stories, most recently updated first."""
    total = session.exec(select(func.count()).select_from(models.Story)).one()
    page = session.exec(
        select(models.Story)
        .order_by(col(models.Story.updated_at).desc(), col(models.Story.id))
        .limit(limit)
        .offset(offset)
    ).all()
    return StoryList(items=story_summaries(session, page), total=total)


def _story_articles(session: Session, story: models.Story) -> Sequence[models.Article]:
    return session.exec(
        select(models.Article)
        .where(models.Article.story_id == story.id)
        .order_by(col(models.Article.published_at).desc().nulls_last(), *CONTENT_ORDER[1:])
    ).all()


def story_detail(session: Session, story_id: str) -> StoryDetail:
    """One story with its articles."""
    story = get_story(session, story_id)
    summary = story_summaries(session, [story])[0]
    return StoryDetail(
        **summary.model_dump(), articles=article_docs(session, _story_articles(session, story))
    )


def story_report(session: Session, story_id: str) -> StoryReport:
    """The stored report of one story: its articles, their current claims, and its findings."""
    story = get_story(session, story_id)
    articles = _story_articles(session, story)
    rows = session.exec(
        select(models.Claim, models.ArticleRevision.number)
        .join(models.ArticleRevision, col(models.ArticleRevision.id) == col(models.Claim.revision_id))
        .join(models.Article, col(models.Article.id) == col(models.Claim.article_id))
        .where(
            models.Article.story_id == story.id,
            col(models.ArticleRevision.number) == col(models.Article.current_revision),
        )
        .order_by(*CONTENT_ORDER, col(models.Claim.position))
    ).all()
    claims = [stored_claim_out(claim, number) for claim, number in rows]
    return StoryReport(
        story=story_summaries(session, [story])[0],
        articles=article_docs(session, articles),
        claims=claims,
        findings=story_findings(session, story),
    )


def current_texts(session: Session, article_ids: Sequence[str]) -> dict[str, str]:
    """The current text of each article (one query)."""
    if not article_ids:
        return {}
    rows = session.exec(
        select(models.ArticleRevision.article_id, models.ArticleRevision.text)
        .join(models.Article, col(models.Article.id) == col(models.ArticleRevision.article_id))
        .where(
            col(models.Article.id).in_(list(article_ids)),
            col(models.ArticleRevision.number) == col(models.Article.current_revision),
        )
    ).all()
    return dict(rows)  # type: ignore[arg-type]


def story_findings(session: Session, story: models.Story, only: FindingFilter = EVERY) -> list[FindingOut]:
    """The stored findings of a story (those `only` admits), by fact, kind and reason (what they say, not
    when they were stored), with their claims' public ids."""
    return [out for _, out in stored_findings(session, story, only)]


def stored_findings(
    session: Session, story: models.Story, only: FindingFilter = EVERY
) -> list[tuple[models.Finding, FindingOut]]:
    """`story_findings`, each with its stored row (for what the documents do not carry: `created_at`)."""
    findings = session.exec(
        select(models.Finding)
        .where(models.Finding.story_id == story.id, *only.clauses())
        .order_by(*FINDING_ORDER)
    ).all()
    links = session.exec(  # columns, not rows: a story of 200 articles links thousands of claims
        select(
            models.FindingClaim.finding_id,
            models.FindingClaim.side,
            models.Claim.article_id,
            models.Claim.position,
            models.ArticleRevision.number,
        )
        .join(models.Claim, col(models.Claim.id) == col(models.FindingClaim.claim_id))
        .join(models.ArticleRevision, col(models.ArticleRevision.id) == col(models.Claim.revision_id))
        .join(models.Finding, col(models.Finding.id) == col(models.FindingClaim.finding_id))
        .where(models.Finding.story_id == story.id, *only.clauses())
        .order_by(col(models.FindingClaim.finding_id), col(models.FindingClaim.position))
    ).all()
    claims_of: dict[int, list[str]] = defaultdict(list)
    sides_of: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for finding_id, side, article_id, position, number in links:
        public = stored_claim_id(article_id, number, position)
        claims_of[finding_id].append(public)
        if side is not None:
            sides_of[finding_id][side].append(public)
    return [
        (
            f,
            FindingOut(
                id=finding_public_id(f),
                type=f.type,  # type: ignore[arg-type]
                claims=claims_of.get(f.id or -1, []),
                reason=f.reason,
                severity=f.severity,  # type: ignore[arg-type]
                story_id=f.story_id,
                fact=f.fact,
                verdict=f.verdict,
                kind=f.kind,
                confidence=f.confidence,
                sides=[sides_of[f.id or -1][n] for n in sorted(sides_of.get(f.id or -1, {}))],
                independent_sources=list(f.independent_sources),
                old_value=f.old_value,
                new_value=f.new_value,
            ),
        )
        for f in findings
    ]


def finding_public_id(finding: models.Finding) -> str:
    """Public id of a stored finding: `f<row id>`."""
    return f"f{finding.id}"
