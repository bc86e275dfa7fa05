"""Liveness and readiness probes (outside /v1, never behind a key)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from sqlmodel import Session

from app.api import examples
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
async def readyz(request: Request) -> Readiness:
    """The engine is warm, the database answers and its schema is at the newest migration."""
    # asked on a connection and a thread of the probe's own, with no request slot: it answers while
    # ingests take every worker thread and pooled connection
    state = request.app.state
    startup = getattr(state, "startup", None)
    warm = startup is None or startup.ready

    def check() -> Readiness:
        with Session(state.probe_database) as session:
            return readiness(session, migration_head(), warm=warm)

    threads = getattr(state, "probe_threads", None)  # None before the lifespan starts
    return await asyncio.get_running_loop().run_in_executor(threads, check)
