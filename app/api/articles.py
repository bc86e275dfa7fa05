"""Stored articles: ingest one, list them, read one with its revisions, read its claims."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from app.api import examples
from app.api.deps import SessionDep, SettingsDep
from app.api.params import Limit, LineValue, Offset, Revision, line_query
from app.api.responses import DEADLINE, READ, example, problems
from app.auth import require_write
from app.schemas import (
    ARTICLE_ID_PATTERN,
    ArticleCreate,
    ArticleDetail,
    ArticleIngested,
    ArticleList,
    ClaimList,
)
from app.services import articles as service
from app.services.ingest import ingest_and_commit
from app.services.work import bounded, budget_for, check_sizes

router = APIRouter(prefix="/articles", tags=["articles"])

ArticleId = Annotated[str, Path(max_length=128, pattern=ARTICLE_ID_PATTERN)]


@router.post(
    "",
    operation_id="create_article",
    response_model=ArticleIngested,
    status_code=201,
    responses={
        **example(examples.ARTICLE_INGESTED, 201, "Stored: a new article, or a new revision of a known URL"),
        200: {
            "model": ArticleIngested,
            "description": "Same URL and same text: nothing new stored",
            "content": {
                "application/json": {"example": {**examples.ARTICLE_INGESTED, "outcome": "unchanged"}}
            },
        },
        **problems(400, 401, 403, 409, 413, 422),
        **DEADLINE,
    },
    dependencies=[Depends(require_write)],
    summary="Ingest one article",
)
def create_article(
    body: ArticleCreate, session: SessionDep, settings: SettingsDep, response: Response
) -> ArticleIngested:
    """Store the article (201), a new revision of it when its URL is known and its text changed (201), or
    nothing when the same text is already stored (200); then group it into a story and recompute that
    story's findings."""
    check_sizes([body.text], settings, where="text")
    with bounded(budget_for(settings), settings):
        result = ingest_and_commit(session, body, settings)
    doc = service.article_docs(session, [result.article])[0]
    response.status_code = 200 if result.outcome == "unchanged" else 201
    response.headers["Location"] = f"/v1/articles/{result.article.id}"
    return ArticleIngested(**doc.model_dump(), outcome=result.outcome)


@router.get(
    "",
    operation_id="list_articles",
    response_model=ArticleList,
    responses={**example(examples.ARTICLE_LIST), **problems(*READ)},
    summary="List or search the stored articles",
)
def list_articles(
    session: SessionDep,
    limit: Limit = 50,
    offset: Offset = 0,
    story: Annotated[LineValue | None, line_query("only articles of this story id")] = None,
    source: Annotated[LineValue | None, line_query("only articles of this source")] = None,
    q: Annotated[
        LineValue | None,
        line_query(
            "full-text search: only articles whose title or text holds every word "
            "(stemmed: 'passenger' finds 'passengers')"
        ),
    ] = None,
) -> ArticleList:
    """Stored articles, newest publication first; `q` searches their current titles and texts (SQLite
    FTS5 or PostgreSQL full-text search), `story` and `source` narrow the list further."""
    return service.list_articles(session, story=story, source=source, limit=limit, offset=offset, q=q)


@router.get(
    "/{article_id}",
    operation_id="get_article",
    response_model=ArticleDetail,
    responses={**example(examples.ARTICLE_DETAIL), **problems(*READ, 404)},
    summary="Read one article with its revisions",
)
def get_article(article_id: ArticleId, session: SessionDep) -> ArticleDetail:
    """One article with its current text and every revision."""
    return service.article_detail(session, article_id)


@router.get(
    "/{article_id}/claims",
    operation_id="list_article_claims",
    response_model=ClaimList,
    responses={**example(examples.CLAIM_LIST), **problems(*READ, 404)},
    summary="List the claims of an article's revision",
)
def list_article_claims(
    article_id: ArticleId,
    session: SessionDep,
    limit: Limit = 100,
    offset: Offset = 0,
    revision: Revision = None,
) -> ClaimList:
    """The claims of the article's current (or a given) revision, in text order."""
    return service.article_claims(session, article_id, revision=revision, limit=limit, offset=offset)
