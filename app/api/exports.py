"""A story's findings for fact-check desks: schema.org ClaimReview (JSON-LD) and CSV."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from app.api import examples
from app.api.deps import SessionDep
from app.api.filters import finding_filter
from app.api.responses import READ, problems
from app.api.stories import CSV, StoryId
from app.services import exports as service
from app.services.finding_filter import FindingFilter

router = APIRouter(prefix="/stories", tags=["exports"])
JSON_LD = "application/ld+json"


@router.get(
    "/{story_id}/claimreview",
    operation_id="get_story_claimreview",
    response_class=Response,
    responses={
        200: {
            "content": {JSON_LD: {"schema": {"type": "object"}, "example": examples.CLAIM_REVIEW}},
            "description": "JSON-LD: a schema.org graph of ClaimReview nodes",
        },
        **problems(*READ, 404),
    },
    summary="Export a story's discrepancies and corrections as schema.org ClaimReview",
)
def get_story_claimreview(story_id: StoryId, session: SessionDep, request: Request) -> Response:
    """One `ClaimReview` per discrepancy and per correction: `claimReviewed` (the figures and who printed
    them), `itemReviewed` (a `Claim` with an `appearance` per outlet's article URL), `reviewRating` (its
    `alternateName`, e.g. "Conflicting figures", and the reason), `author` (`TALLY_CLAIMREVIEW_AUTHOR`)
    and `datePublished` (when Tally found it). Links are absolute when `TALLY_PUBLIC_URL` is set."""
    document: dict[str, Any] = service.claim_reviews(
        session, story_id, request.app.state.settings, str(request.base_url)
    )
    return Response(json.dumps(document, ensure_ascii=False), media_type=JSON_LD)


@router.get(
    "/{story_id}/findings.csv",
    operation_id="get_story_findings_csv",
    response_class=Response,
    responses={
        200: {
            "content": {CSV: {"schema": {"type": "string"}, "example": examples.FINDINGS_CSV}},
            "description": "CSV (RFC 4180), a header row then one row per finding",
        },
        **problems(*READ, 404),
    },
    summary="Export a story's findings as CSV",
)
def get_story_findings_csv(
    story_id: StoryId, session: SessionDep, only: Annotated[FindingFilter, Depends(finding_filter)]
) -> Response:
    """The story's findings (filtered as GET /v1/stories/{story_id}/findings) as CSV, one row per finding:
    id, type, kind, severity, verdict, reason, the values with their outlets (restated in the other units
    compared), the outlets, which outlets carry the same copy, corrected values, claim ids. Cells that a
    spreadsheet would read as a formula are prefixed with an apostrophe."""
    filename = "tally-" + re.sub(r"[^A-Za-z0-9._-]", "_", story_id) + "-findings.csv"
    return Response(
        service.findings_csv(session, story_id, only),
        media_type=CSV,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
