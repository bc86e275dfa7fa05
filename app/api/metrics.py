"""GET /metrics: the Prometheus text format (outside /v1, but behind the API keys when they are set)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.api.responses import problems
from app.metrics import exposition

router = APIRouter(tags=["health"])


@router.get(
    "/metrics",
    operation_id="metrics",
    response_class=Response,
    responses={
        200: {"content": {"text/plain": {}}, "description": "Prometheus text exposition format 0.0.4"},
        **problems(401),
    },
    summary="Prometheus metrics of this process (or of every worker, in multiprocess mode)",
)
async def metrics() -> Response:
    """Requests by route template and status, their latency, retries by kind and reason, overloads, and
    ingest jobs and deliveries by the state they ended in. Never touches the database."""
    body, content_type = exposition()
    return Response(body, media_type=content_type)
