"""The FastAPI app: routers mounted under /v1, problem+json errors, body guard, the database, warm-up.

uvicorn --factory app.main:create_app        # or app.main:app
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi

from app.api import (
    articles,
    check,
    exports,
    extract,
    health,
    metrics,
    pages,
    stories,
    subscriptions,
    webhooks,
)
from app.api.docs import install_docs
from app.api.responses import problem_example
from app.auth import require_read
from app.capacity import RequestSlots
from app.config import Settings, get_settings
from app.db import database_for, probe_database_for
from app.errors import PROBLEM_JSON, BodyGuard, install_error_handlers
from app.logs import configure_logging
from app.metrics import Instrument
from app.protocol import HeadAsGet
from app.ratelimit import RateLimit
from app.services.startup import Startup

DESCRIPTION = """Tally finds the quantitative claims of news articles, lines the same fact up across
sources and reports agreements, discrepancies and corrections, each with the character spans that prove it.

Errors are RFC 9457 `application/problem+json`. When `TALLY_API_KEYS` is set, every `/v1` route needs a key
(`Authorization: Bearer <key>` or `X-API-Key: <key>`); read-only keys cannot store articles. The report
pages for people are `/stories` and `/stories/{story_id}` (HTML; with keys set, open `/stories?key=<key>`
once: the key is then kept in a cookie)."""


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Listen at once and warm the engine up beside it (`/readyz` answers 503 until warm); then run the
    background worker (ingest jobs, outgoing webhooks) unless TALLY_WORKER_ENABLED is false; dispose the
    pool at the end."""
    app.state.startup = Startup(app.state.database, app.state.settings)
    app.state.startup.begin()
    app.state.probe_threads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="probe")
    yield
    app.state.startup.end()
    app.state.probe_threads.shutdown(wait=False)
    app.state.database.dispose()
    if app.state.probe_database is not app.state.database:
        app.state.probe_database.dispose()


# Paths that take no request slot and never touch the database pool: they answer under any load.
UNLIMITED = frozenset({"/healthz", "/metrics"})
# ... and the readiness probe, which takes no slot either and has a pool and threads of its own
PROBES = UNLIMITED | {"/readyz"}


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for `settings` (default: the environment's)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="Tally",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served from the package's files by install_docs: no CDN
        redoc_url=None,
        openapi_tags=[
            {"name": "check", "description": "Stateless checks: nothing is stored"},
            {"name": "articles", "description": "Stored articles and their revisions"},
            {"name": "stories", "description": "Stored stories and their reports"},
            {"name": "webhooks", "description": "Signed ingestion (Standard Webhooks)"},
            {"name": "subscriptions", "description": "Outgoing events: subscriptions and their deliveries"},
            {
                "name": "exports",
                "description": "A story's findings as schema.org ClaimReview (JSON-LD) or CSV",
            },
            {"name": "health", "description": "Probes"},
            {"name": "pages", "description": "HTML report pages for people (server-rendered)"},
        ],
    )
    configure_logging(settings.log_format, settings.log_level)
    app.state.settings = settings
    app.state.database = database_for(settings)
    app.state.probe_database = probe_database_for(settings, app.state.database)
    install_error_handlers(app)
    app.add_middleware(
        BodyGuard, max_bytes=lambda: settings.max_body_bytes, timeout=lambda: settings.body_timeout
    )
    app.add_middleware(HeadAsGet)
    # outermost last: every answer is counted; over the rate limit is refused before waiting for a slot;
    # a request takes a slot before any other work
    app.add_middleware(
        RequestSlots,
        slots=settings.max_concurrent_requests,
        wait=settings.request_queue_timeout,
        retry_after=settings.overload_retry_after,
        exempt=PROBES,
    )
    app.add_middleware(RateLimit, settings=settings)
    app.add_middleware(Instrument, uncounted=UNLIMITED)
    v1 = [Depends(require_read)]
    for module in (check, extract, articles, stories, exports, subscriptions):
        app.include_router(module.router, prefix="/v1", dependencies=v1)
    app.include_router(webhooks.router, prefix="/v1")  # authenticated by its signature, not by API keys
    webhooks.document_events(app)
    app.include_router(health.router)
    app.include_router(metrics.router, dependencies=v1)
    pages.install(app)  # /stories pages (their own key check: header, cookie or ?key=) and their assets
    install_docs(app)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, with error responses served as application/problem+json (500 on every route)."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            webhooks=app.webhooks.routes,
            tags=app.openapi_tags,
        )
        for path, operations in schema.get("paths", {}).items():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if status[0] in "45" and "application/json" in content:
                        content[PROBLEM_JSON] = content.pop("application/json")
                    if PROBLEM_JSON in content:  # pages: FastAPI also files the Problem under text/html
                        content.pop("text/html", None)
                responses = operation.setdefault("responses", {})
                if "requestBody" in operation:
                    responses.setdefault("400", copy.deepcopy(_MALFORMED))
                    responses.setdefault("408", copy.deepcopy(_BODY_TIMEOUT))
                if path.startswith("/v1/"):
                    responses.setdefault("429", copy.deepcopy(_RATE_LIMITED))
                if path not in UNLIMITED:
                    _document_overload(responses)
                responses.setdefault("500", copy.deepcopy(_UNEXPECTED))
        app.openapi_schema = schema
    return app.openapi_schema


def _document_overload(responses: dict[str, Any]) -> None:
    """Every route that takes a request slot or a connection may answer 503 overloaded, with Retry-After."""
    overloaded = {"overloaded": {"value": problem_example("overloaded")}}
    if "503" in responses:
        media = responses["503"]["content"][PROBLEM_JSON]
        media.setdefault("examples", {}).update(overloaded)
        responses["503"]["description"] += "; or overloaded: come back after Retry-After seconds"
    else:
        responses["503"] = {
            "description": "Overloaded: no request slot or database connection came free in time; "
            "come back after Retry-After seconds",
            "headers": {"Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}},
            "content": {
                PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}, "examples": overloaded}
            },
        }


def _problem_doc(description: str, slug: str | None = None) -> dict[str, Any]:
    """An error response of the OpenAPI document: `description`, served as problem+json, with an example."""
    media: dict[str, Any] = {"schema": {"$ref": "#/components/schemas/Problem"}}
    if slug:
        media["examples"] = {slug: {"value": problem_example(slug)}}
    return {"description": description, "content": {PROBLEM_JSON: media}}


_MALFORMED = _problem_doc("Malformed body (not JSON, not UTF-8, nested too deeply)", "malformed-json")
_BODY_TIMEOUT = _problem_doc(
    "The body did not arrive within TALLY_BODY_TIMEOUT; the connection is closed", "body-timeout"
)
_RATE_LIMITED = _problem_doc(
    "Over TALLY_RATE_LIMIT: retry after `Retry-After` seconds (RateLimit-* headers)", "rate-limited"
)
_UNEXPECTED = _problem_doc("Unexpected error (logged; the answer holds no internals; the connection closes)")
_app: FastAPI | None = None


def __getattr__(name: str) -> Any:
    """`app.main:app` builds the app on first use (importing this module stays cheap)."""
    global _app
    if name == "app":
        if _app is None:
            _app = create_app()
        return _app
    raise AttributeError(name)
