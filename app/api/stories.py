"""Stored stories, their cross-source reports, and their findings (filtered; JSON or CSV)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from app.api import examples
from app.api.deps import SessionDep
from app.api.filters import finding_filter
from app.api.params import ID_PATTERN, Limit, Offset
from app.api.responses import READ, example, problems
from app.schemas import FindingList, StoryDetail, StoryList, StoryReport
from app.services import exports
from app.services import reports as service
from app.services.finding_filter import FindingFilter

router = APIRouter(prefix="/stories", tags=["stories"])

StoryId = Annotated[
    str, Path(max_length=64, pattern=ID_PATTERN, description="a story id, as listed by GET /v1/stories")
]
CSV = "text/csv; charset=utf-8"


@router.get(
    "",
    operation_id="list_stories",
    response_model=StoryList,
    responses={**example(examples.STORY_LIST), **problems(*READ)},
    summary="List the stored stories",
)
def list_stories(
    session: SessionDep,
    limit: Limit = 50,
    offset: Offset = 0,
) -> StoryList:
    """Stories, most recently updated first, with article and finding counts."""
    return service.list_stories(session, limit=limit, offset=offset)


@router.get(
    "/{story_id}",
    operation_id="get_story",
    response_model=StoryDetail,
    responses={**example(examples.STORY_DETAIL), **problems(*READ, 404)},
    summary="Read one story and its articles",
)
def get_story(story_id: StoryId, session: SessionDep) -> StoryDetail:
    """One story with its articles (metadata; their texts are in GET /v1/articles/{article_id})."""
    return service.story_detail(session, story_id)


@router.get(
    "/{story_id}/report",
    operation_id="get_story_report",
    response_model=StoryReport,
    responses={**example(examples.STORY_REPORT), **problems(*READ, 404)},
    summary="Read a story's report: claims and findings",
)
def get_story_report(
    story_id: StoryId, session: SessionDep, limit: Limit = 100, offset: Offset = 0
) -> StoryReport:
    """The story's articles and a page of its findings (by fact and kind) with the claims they rest on, as
    stored at its last ingest (same shapes as /v1/check); a page ends early once its findings cite 1,000
    claims (`next_offset`). The page for people is `/stories/{story_id}`."""
    return service.story_report(
        session, story_id, limit=limit, offset=offset, claims_per_page=service.CLAIMS_PER_PAGE
    )


@router.get(
    "/{story_id}/findings",
    operation_id="list_story_findings",
    response_model=FindingList,
    responses={
        200: {
            "content": {
                "application/json": {"example": examples.FINDING_LIST},
                "text/csv": {"schema": {"type": "string"}, "example": examples.FINDINGS_CSV},
            },
            "description": "The findings; as CSV when the request sends `Accept: text/csv`",
        },
        **problems(*READ, 404),
    },
    summary="List a story's findings, filtered by type and severity",
)
def list_story_findings(
    story_id: StoryId,
    session: SessionDep,
    request: Request,
    only: Annotated[FindingFilter, Depends(finding_filter)],
) -> FindingList | Response:
    """The story's findings that match every filter given (`?type=discrepancy&severity=high`; a repeated
    parameter matches any of its values), oldest first. `Accept: text/csv` answers the CSV of
    GET /v1/stories/{story_id}/findings.csv instead."""
    if "text/csv" in request.headers.get("accept", ""):
        return Response(exports.findings_csv(session, story_id, only), media_type=CSV)
    story = service.get_story(session, story_id)
    items = service.story_findings(session, story, only)
    return FindingList(items=items, total=len(items))
