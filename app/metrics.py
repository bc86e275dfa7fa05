"""What the service did, counted for Prometheus (`GET /metrics`, the text exposition format).

    RETRIES.labels(kind="race", reason="unique_violation").inc()
    app.add_middleware(Instrument)        # requests by route template and status, and their latency

Counters live in the process that counted them: with `tally serve --workers N` each worker counts its
own, and a scrape sees the one that answered, unless `PROMETHEUS_MULTIPROC_DIR` names an empty directory
that the workers share (`tally serve` sets one up for N > 1): then every scrape adds up all workers.
Nothing here touches the database, so `/metrics` answers however busy the pool is.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUESTS = Counter(
    "tally_http_requests",
    "HTTP requests answered, by method, route template and status",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "tally_http_request_duration_seconds",
    "Time from receiving a request to the end of its answer, by method and route template",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
IN_FLIGHT = Gauge(
    "tally_http_requests_in_flight",
    "Requests being worked on now (probes and /metrics not counted)",
    multiprocess_mode="livesum",
)
RETRIES = Counter(
    "tally_retries",
    "Retries: of a transaction that lost a race (kind=race), of an ingest job (job), of a delivery "
    "(delivery), by reason",
    ["kind", "reason"],
)
OVERLOADED = Counter(
    "tally_overloaded", "Requests answered 503 because no connection or request slot was free", ["resource"]
)
JOBS = Counter("tally_jobs", "Ingest job runs, by the state each left its job in", ["state"])
DELIVERIES = Counter("tally_deliveries", "Delivery attempts of outgoing webhooks, by outcome", ["state"])

UNMATCHED = "unmatched"  # the route label of requests no route serves (kept apart: paths are unbounded)


def exposition() -> tuple[bytes, str]:
    """(body, content type) of a scrape: this process's metrics, or every worker's in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def route_template(scope: Scope) -> str:
    """The path template of the route that serves `scope` ("/v1/articles/{article_id}"), else UNMATCHED.

    Found by matching the app's routes again (routers included with a prefix are searched through), so the
    label is the template a reader finds in openapi.yaml, whatever the request path held.
    """
    app = scope.get("app")
    found = _match(getattr(getattr(app, "router", None), "routes", ()), scope)
    return found or UNMATCHED


def _match(routes: Iterable[Any], scope: Scope) -> str | None:
    partial = None
    for route in routes:
        match, _ = route.matches(scope)
        if match == Match.NONE:
            continue
        nested = getattr(route, "effective_candidates", None)  # FastAPI's included routers
        path = _match(nested(), scope) if nested else getattr(route, "path", None)
        if match == Match.FULL and path:
            return path
        partial = partial or path  # the path exists, the method does not (405)
    return partial


class Instrument:
    """ASGI middleware: count every HTTP answer by route template and status, and time it."""

    def __init__(self, app: ASGIApp, uncounted: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.uncounted = uncounted  # paths left out of the in-flight gauge (probes, /metrics)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client sees when the app fails before answering

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        counted = scope["path"] not in self.uncounted
        if counted:
            IN_FLIGHT.inc()
        try:
            await self.app(scope, receive, send_status)
        finally:
            if counted:
                IN_FLIGHT.dec()
            route = route_template(scope)
            REQUESTS.labels(scope["method"], route, str(status)).inc()
            LATENCY.labels(scope["method"], route).observe(time.perf_counter() - started)
