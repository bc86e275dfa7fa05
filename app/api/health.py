"""Liveness and readiness probes (outside /v1, never behind a key)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.api import examples
from app.api.deps import SessionDep
from app.api.responses import example, problems
from app.schemas import Health, Readiness
from app.services.health import migration_head, readiness

router = APIRouter(tags=["health"])


@router.get(
    "/healthz",
    operation_id="healthz",
    response_model=Health,
    responses=example(examples.HEALTH),
    summary="Liveness probe",
)
async def healthz() -> Health:
    """The process answers. Served on the event loop (no worker thread) and never touches the database,
    so it answers however busy the service is."""
    return Health(status="ok")


@router.get(
    "/readyz",
    operation_id="readyz",
    response_model=Readiness,
    responses={**example(examples.READINESS), **problems(503)},
    summary="Readiness probe: database reachable and migrated",
)
def readyz(session: SessionDep, request: Request) -> Readiness:
    """The engine is warm, the database answers and its schema is at the newest migration."""
    startup = getattr(request.app.state, "startup", None)
    return readiness(session, migration_head(), warm=startup is None or startup.ready)
