"""Reading stored stories and their cross-source reports (served from what ingest stored)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, tuple_
from sqlmodel import Session, col, select

from app import models
from app.errors import NotFound
from app.schemas import (
    ClaimOut,
    FindingCounts,
    FindingOut,
    StoryDetail,
    StoryList,
    StoryReport,
    StorySummary,
)
from app.services.articles import story_article_docs
from app.services.finding_filter import EVERY, FindingFilter
from app.services.shapes import CLAIM_COLUMNS, claim_out, stored_claim_id

_CHUNK = 500  # ids per IN (...) list

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


def story_detail(session: Session, story_id: str) -> StoryDetail:
    """One story with its articles."""
    story = get_story(session, story_id)
    summary = story_summaries(session, [story])[0]
    return StoryDetail(**summary.model_dump(), articles=story_article_docs(session, story.id))


CLAIMS_PER_PAGE = 1000  # a report page ends early once its findings cite this many claims


def story_report(
    session: Session,
    story_id: str,
    *,
    limit: int | None = None,
    offset: int = 0,
    claims_per_page: int | None = None,
) -> StoryReport:
    """The stored report of one story: its articles, a page of its findings (in `FINDING_ORDER`; all when
    `limit` is None) and the claims those findings rest on.

    With `claims_per_page` the page ends early (after at least one finding) once its findings cite that
    many claims, so that a page of a 1,000-article story stays small; `next_offset` says where the next page
    starts. Only the columns the response shows are read, and claims only for the findings of the page.
    """
    story = get_story(session, story_id)
    summary = story_summaries(session, [story])[0]
    total = sum(summary.findings.model_dump().values())
    findings = story_findings(session, story, limit=limit, offset=offset, claims_per_page=claims_per_page)
    cited = list(dict.fromkeys(c for f in findings for c in f.claims))
    following = offset + len(findings)
    return StoryReport(
        story=summary,
        articles=story_article_docs(session, story.id),
        claims=cited_claims(session, story, cited),
        findings=findings,
        findings_total=total,
        next_offset=following if following < total and findings else None,
    )


_CLAIM_COLUMNS = [getattr(models.Claim, name) for name in ("article_id", "position", *CLAIM_COLUMNS)]


def cited_claims(session: Session, story: models.Story, claim_ids: Sequence[str]) -> list[ClaimOut]:
    """The claims of `story` with public ids `claim_ids` (`<article>:<revision>:<position>`), in order."""
    keys = []
    for claim_id in claim_ids:
        article_revision, _, position = claim_id.rpartition(":")
        keys.append((article_revision.rpartition(":")[0], int(position)))
    found: dict[str, ClaimOut] = {}
    for chunk in (keys[i : i + _CHUNK] for i in range(0, len(keys), _CHUNK)):
        rows = session.exec(
            select(models.ArticleRevision.number, *_CLAIM_COLUMNS)
            .join(models.ArticleRevision, col(models.ArticleRevision.id) == col(models.Claim.revision_id))
            .join(models.Article, col(models.Article.id) == col(models.Claim.article_id))
            .where(
                tuple_(col(models.Claim.article_id), col(models.Claim.position)).in_(chunk),
                models.Article.story_id == story.id,
                col(models.ArticleRevision.number) == col(models.Article.current_revision),
            )
        ).all()
        for number, article_id, position, *values in rows:
            public = stored_claim_id(article_id, number, position)
            found[public] = claim_out(public, article_id, dict(zip(CLAIM_COLUMNS, values, strict=True)))
    return [found[c] for c in claim_ids if c in found]


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


def story_findings(
    session: Session,
    story: models.Story,
    only: FindingFilter = EVERY,
    *,
    limit: int | None = None,
    offset: int = 0,
    claims_per_page: int | None = None,
) -> list[FindingOut]:
    """The stored findings of a story (those `only` admits), by what they say (`FINDING_ORDER`; a page of
    them: `limit` from `offset`, ending early once they cite `claims_per_page` claims), with their claims'
    public ids."""
    page = stored_findings(session, story, only, limit=limit, offset=offset, claims_per_page=claims_per_page)
    return [out for _, out in page]


def stored_findings(
    session: Session,
    story: models.Story,
    only: FindingFilter = EVERY,
    *,
    limit: int | None = None,
    offset: int = 0,
    claims_per_page: int | None = None,
) -> list[tuple[models.Finding, FindingOut]]:
    """`story_findings`, each with its stored row (for what the documents do not carry: `created_at`)."""
    findings = list(
        session.exec(
            select(models.Finding)
            .where(models.Finding.story_id == story.id, *only.clauses())
            .order_by(*FINDING_ORDER)
            .offset(offset)
            .limit(limit)
        ).all()
    )
    if claims_per_page is not None:
        findings = _within(session, findings, claims_per_page)
    ids = [f.id for f in findings if f.id is not None]
    links = [
        row
        for chunk in (ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK))
        for row in session.exec(  # columns, not rows: a story of 200 articles links thousands of claims
            select(
                models.FindingClaim.finding_id,
                models.FindingClaim.side,
                models.Claim.article_id,
                models.Claim.position,
                models.ArticleRevision.number,
            )
            .join(models.Claim, col(models.Claim.id) == col(models.FindingClaim.claim_id))
            .join(models.ArticleRevision, col(models.ArticleRevision.id) == col(models.Claim.revision_id))
            .where(col(models.FindingClaim.finding_id).in_(chunk))
            .order_by(col(models.FindingClaim.finding_id), col(models.FindingClaim.position))
        ).all()
    ]
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


def _within(session: Session, findings: list[models.Finding], claims: int) -> list[models.Finding]:
    """The first of `findings` that together cite at most `claims` claims (at least one finding)."""
    ids = [f.id for f in findings]
    cited: dict[int, int] = {}
    for chunk in (ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
        cited.update(
            session.exec(
                select(models.FindingClaim.finding_id, func.count())
                .where(col(models.FindingClaim.finding_id).in_(chunk))
                .group_by(col(models.FindingClaim.finding_id))
            ).all()
        )
    kept, total = [], 0
    for finding in findings:
        total += cited.get(finding.id or -1, 0)
        if kept and total > claims:
            break
        kept.append(finding)
    return kept


def finding_public_id(finding: models.Finding) -> str:
    """Public id of a stored finding: `f<row id>`."""
    return f"f{finding.id}"
