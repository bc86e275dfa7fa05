"""POST /v1/check: the cross-source report of submitted articles, stored nowhere."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app.api import examples
from app.api.deps import SettingsDep
from app.api.responses import DEADLINE, example, problems
from app.schemas import CheckRequest, CheckResponse
from app.services import check as service
from app.services.work import budget_for, check_answer, check_sizes, claim_sizes, run_off_loop

router = APIRouter(tags=["check"])


@router.post(
    "/check",
    operation_id="check_articles",
    response_model=CheckResponse,
    responses={**example(examples.CHECK), **problems(400, 401, 413, 422), **DEADLINE},
    summary="Check articles against each other (stateless)",
)
async def check_articles(body: CheckRequest, request: Request, settings: SettingsDep) -> Response:
    """Extract the claims of every article, group the articles into stories, and report agreements,
    discrepancies and corrections. Article ids must be unique within the request.

    Articles are compared only within a story: give related articles the same `story` key to compare
    them whatever their wording (the example does), or let the engine group them by the terms they share.
    The work is bounded (text size, claims, answer size: 413; TALLY_WORK_DEADLINE: 503 with Retry-After)
    and stops when the client disconnects.
    """
    service.validate_batch(body, settings.max_articles)
    check_sizes([a.text for a in body.articles], settings)

    def work() -> bytes:
        answer = service.check(body, settings.max_articles)
        check_answer(claim_sizes(answer.claims), settings)
        return answer.model_dump_json(by_alias=True).encode("utf-8")

    answer = await run_off_loop(request, work, budget_for(settings), settings)
    return Response(answer, media_type="application/json")
