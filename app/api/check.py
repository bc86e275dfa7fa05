"""POST /v1/check: the cross-source report of submitted articles, stored nowhere."""

from __future__ import annotations

from fastapi import APIRouter

from app.api import examples
from app.api.deps import SettingsDep
from app.api.responses import example, problems
from app.schemas import CheckRequest, CheckResponse
from app.services import check as service

router = APIRouter(tags=["check"])


@router.post(
    "/check",
    operation_id="check_articles",
    response_model=CheckResponse,
    responses={**example(examples.CHECK), **problems(400, 401, 413, 422)},
    summary="Check articles against each other (stateless)",
)
def check_articles(body: CheckRequest, settings: SettingsDep) -> CheckResponse:
    """Extract the claims of every article, group the articles into stories, and report agreements,
    discrepancies and corrections. Article ids must be unique within the request.

    Articles are compared only within a story: give related articles the same `story` key to compare
    them whatever their wording (the example does), or let the engine group them by the terms they share.
    """
    return service.check(body, settings.max_articles)
