"""Overload is answered, not failed: a bounded number of requests are worked on at once in each process.

    app.add_middleware(RequestSlots, slots=16, wait=3.0, exempt=frozenset({"/healthz", "/metrics"}))

A request takes a slot before anything else runs; when none is free within `wait` seconds it is answered
at once with `503` problem+json and `Retry-After` (`errors.Overloaded`) instead of queueing without end for
a worker thread or a database connection. The same answer comes when a request that got a slot then waits
longer than TALLY_DATABASE_POOL_TIMEOUT for a database connection (app/errors.py translates the pool's
timeout). Exempt paths (the liveness probe, the metrics) take no slot and never touch the pool.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

from app.errors import Overloaded, error_response
from app.metrics import OVERLOADED


class RequestSlots:
    """ASGI middleware: at most `slots` requests at once; a request waits up to `wait` seconds for one."""

    def __init__(
        self, app: ASGIApp, slots: int, wait: float, retry_after: int, exempt: frozenset[str]
    ) -> None:
        self.app = app
        self.wait = wait
        self.retry_after = retry_after
        self.exempt = exempt
        self._slots = asyncio.Semaphore(slots)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.exempt:
            await self.app(scope, receive, send)
            return
        try:
            await asyncio.wait_for(self._slots.acquire(), self.wait)
        except TimeoutError:
            OVERLOADED.labels("request_slots").inc()
            busy = Overloaded(
                f"every request slot of this process stayed taken for {self.wait:g} s "
                "(TALLY_MAX_CONCURRENT_REQUESTS, TALLY_REQUEST_QUEUE_TIMEOUT); try again later",
                retry_after=self.retry_after,
            )
            await error_response(busy, scope.get("path"))(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self._slots.release()
