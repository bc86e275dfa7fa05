"""Stored stories and their cross-source reports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from app.api.deps import SessionDep
from app.api.params import ID_PATTERN, Limit, Offset
from app.api.responses import READ, problems
from app.schemas import StoryDetail, StoryList, StoryReport
from app.services import reports as service

router = APIRouter(prefix="/stories", tags=["stories"])

StoryId = Annotated[str, Path(max_length=64, pattern=ID_PATTERN)]


@router.get("", operation_id="list_stories", response_model=StoryList, responses=problems(*READ))
def list_stories(
    session: SessionDep,
    limit: Limit = 50,
    offset: Offset = 0,
) -> StoryList:
    """Stories, most recently updated first, with article and finding counts."""
    return service.list_stories(session, limit=limit, offset=offset)


@router.get(
    "/{story_id}", operation_id="get_story", response_model=StoryDetail, responses=problems(*READ, 404)
)
def get_story(story_id: StoryId, session: SessionDep) -> StoryDetail:
    """One story with its articles."""
    return service.story_detail(session, story_id)


@router.get(
    "/{story_id}/report",
    operation_id="get_story_report",
    response_model=StoryReport,
    responses=problems(*READ, 404),
)
def get_story_report(story_id: StoryId, session: SessionDep) -> StoryReport:
    """The story's claims and findings as stored at its last ingest (same shapes as /v1/check)."""
    return service.story_report(session, story_id)
