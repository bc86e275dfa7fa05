"""POST /v1/check: the cross-source report of submitted articles, stored nowhere."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.api.responses import problems
from app.schemas import CheckRequest, CheckResponse
from app.services import check as service

router = APIRouter(tags=["check"])


@router.post(
    "/check",
    operation_id="check_articles",
    response_model=CheckResponse,
    responses=problems(400, 401, 413, 422),
    summary="Check articles against each other (stateless)",
)
def check_articles(body: CheckRequest, request: Request) -> CheckResponse:
    """Extract the claims of every article, group the articles into stories, and report agreements,
    discrepancies and corrections. Article ids must be unique within the request."""
    return service.check(body, request.app.state.settings.max_articles)
