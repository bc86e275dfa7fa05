"""POST /v1/extract: the quantitative claims of one text."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app.api import examples
from app.api.deps import SettingsDep
from app.api.responses import DEADLINE, example, problems
from app.schemas import ExtractRequest, ExtractResponse
from app.services import check as service
from app.services.work import budget_for, check_answer, check_sizes, claim_sizes, run_off_loop

router = APIRouter(tags=["check"])


@router.post(
    "/extract",
    operation_id="extract_claims",
    response_model=ExtractResponse,
    responses={**example(examples.EXTRACT), **problems(400, 401, 413, 422), **DEADLINE},
    summary="Extract the quantitative claims of a text",
)
async def extract_claims(body: ExtractRequest, request: Request, settings: SettingsDep) -> Response:
    """Every quantity of the text, normalised; `published_at` anchors relative dates. Bounded like
    /v1/check."""
    check_sizes([body.text], settings, where="text")

    def work() -> bytes:
        answer = service.extract(body)
        check_answer(claim_sizes(answer.claims), settings)
        return answer.model_dump_json(by_alias=True).encode("utf-8")

    answer = await run_off_loop(request, work, budget_for(settings), settings)
    return Response(answer, media_type="application/json")
