"""Stateless checks: `/v1/check` (a report of submitted articles) and `/v1/extract` (claims of a text)."""

from __future__ import annotations

from collections.abc import Callable

from app import engine
from app.errors import InvalidInput, TooManyArticles, field_error
from app.schemas import (
    CheckedArticle,
    CheckRequest,
    CheckResponse,
    ExtractRequest,
    ExtractResponse,
    StoryOut,
)
from app.services.shapes import claim_fields, claim_out, engine_date, finding_out


def validate_batch(request: CheckRequest, max_articles: int) -> None:
    """Refuse batches over the limit and ids that repeat (every repeat is named)."""
    if len(request.articles) > max_articles:
        raise TooManyArticles(
            f"{len(request.articles)} articles in one request; "
            f"the limit is {max_articles} (TALLY_MAX_ARTICLES)"
        )
    first_seen: dict[str, int] = {}
    errors = []
    for position, article in enumerate(request.articles):
        if article.id in first_seen:
            errors.append(
                field_error(
                    ["body", "articles", position, "id"],
                    f"duplicate id {article.id!r} (first used by article {first_seen[article.id]})",
                    "duplicate_id",
                )
            )
        first_seen.setdefault(article.id, position)
    if errors:
        raise InvalidInput(
            f"{len(errors)} duplicate article id(s); ids must be unique in one request", errors=errors
        )


Progress = Callable[..., None]  # progress(stage, done, total): what a long command shows (app.terminal.Steps)


def check(request: CheckRequest, max_articles: int, progress: Progress | None = None) -> CheckResponse:
    """Run the engine over the submitted articles; claim ids are `<article id>:<index>`.

    `progress`, when given, is told of each article extracted (`"extract", done, total`) and of the
    comparison (`"compare"`); the answer is the same either way."""
    validate_batch(request, max_articles)
    inputs = [
        engine.ArticleText(
            id=a.id,
            source=a.source,
            text=a.text,
            published_at=engine_date(a.published_at),
            url=a.url,
            title=a.title,
            story_key=a.story,
        )
        for a in request.articles
    ]
    claims: dict[str, list[engine.Claim]] | None = None
    if progress is not None:
        claims = {}
        for done, article in enumerate(inputs, start=1):
            claims[article.id] = engine.extract_claims(article.text, article.published_at)
            progress("extract", done, len(inputs))
        progress("compare")
    report = engine.check_articles(inputs, claims)
    story_of = {aid: story.id for story in report.stories for aid in story.article_ids}
    claim_ids = {(aid, i): f"{aid}:{i}" for aid, claims in report.claims.items() for i in range(len(claims))}
    return CheckResponse(
        articles=[
            CheckedArticle(
                id=a.id,
                source=a.source,
                url=a.url,
                title=a.title,
                published_at=a.published_at,
                story_id=story_of.get(a.id),
                claim_count=len(report.claims.get(a.id, ())),
            )
            for a in request.articles
        ],
        stories=[
            StoryOut(id=s.id, label=s.label, key_terms=list(s.key_terms), article_ids=list(s.article_ids))
            for s in report.stories
        ],
        claims=[
            claim_out(f"{aid}:{i}", aid, claim_fields(c))
            for a in request.articles
            for aid in [a.id]
            for i, c in enumerate(report.claims.get(aid, ()))
        ],
        findings=[
            finding_out(f"f{n}", f, claim_ids, f.story_id or _story_of_finding(f, story_of))
            for n, f in enumerate(report.findings, start=1)
        ],
    )


def _story_of_finding(finding: engine.Finding, story_of: dict[str, str]) -> str | None:
    return story_of.get(finding.claims[0].article_id) if finding.claims else None


def extract(request: ExtractRequest) -> ExtractResponse:
    """The claims of one text; claim ids are `c<index>` and `article_id` is null."""
    claims = engine.extract_claims(request.text, engine_date(request.published_at))
    return ExtractResponse(claims=[claim_out(f"c{i}", None, claim_fields(c)) for i, c in enumerate(claims)])
