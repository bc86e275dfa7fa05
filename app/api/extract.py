"""POST /v1/extract: the quantitative claims of one text."""

from __future__ import annotations

from fastapi import APIRouter

from app.api import examples
from app.api.responses import example, problems
from app.schemas import ExtractRequest, ExtractResponse
from app.services import check as service

router = APIRouter(tags=["check"])


@router.post(
    "/extract",
    operation_id="extract_claims",
    response_model=ExtractResponse,
    responses={**example(examples.EXTRACT), **problems(400, 401, 413, 422)},
    summary="Extract the quantitative claims of a text",
)
def extract_claims(body: ExtractRequest) -> ExtractResponse:
    """Every quantity of the text, normalised; `published_at` anchors relative dates."""
    return service.extract(body)
