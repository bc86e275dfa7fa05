"""Rate limiting of the /v1 routes, per API key (per client address when the API is open or no valid key is
sent), with the `limits` library.

    app.add_middleware(RateLimit, settings=settings)     # TALLY_RATE_LIMIT="120/minute;2000/hour"

Every answer of a limited route carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`
(seconds until the window frees a request) and `RateLimit-Policy` (the limits, `120;w=60`); a request over
a limit is answered `429` problem+json with `Retry-After`. Off unless TALLY_RATE_LIMIT is set (the local
default). The counters live in TALLY_RATE_LIMIT_STORAGE: `memory://` counts per process; with several
workers or servers use a shared store (`redis://host:6379`, as `limits` names it) so that they count
together. Behind a proxy, let uvicorn take the client address from `X-Forwarded-For` (its
`--forwarded-allow-ips`).
"""

from __future__ import annotations

import hashlib
import math
import time

from limits import RateLimitItem, parse_many
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.auth import match_key
from app.config import Settings
from app.errors import TallyError, error_response

LIMITED_PREFIX = "/v1/"


class TooManyRequests(TallyError):
    status, slug, title = 429, "rate-limited", "Too many requests"


def _presented_key(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"authorization" and value[:7].lower() == b"bearer ":
            return value[7:].decode("latin-1").strip()
        if name == b"x-api-key":
            return value.decode("latin-1").strip()
    return None


class RateLimit:
    """ASGI middleware: count each request of a /v1 route against the limits of whoever sent it."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.items: list[RateLimitItem] = parse_many(settings.rate_limit) if settings.rate_limit else []
        storage = storage_from_string(f"async+{settings.rate_limit_storage}")
        self.limiter = MovingWindowRateLimiter(storage) if self.items else None
        self.policy = ", ".join(f"{i.amount};w={i.get_expiry()}" for i in self.items)

    def identity(self, scope: Scope) -> str:
        """Who is counted: a configured API key (as a hash), else the client address."""
        presented = _presented_key(scope)
        if presented and match_key(presented, self.settings.keys) is not None:
            return "key:" + hashlib.sha256(presented.encode("utf-8")).hexdigest()[:24]
        client = scope.get("client")
        return f"addr:{client[0] if client else 'unknown'}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.limiter is None or scope["type"] != "http" or not scope["path"].startswith(LIMITED_PREFIX):
            await self.app(scope, receive, send)
            return
        who = self.identity(scope)
        allowed = [await self.limiter.hit(item, "tally", who) for item in self.items]
        stats = [await self.limiter.get_window_stats(item, "tally", who) for item in self.items]
        tightest = min(range(len(self.items)), key=lambda i: (allowed[i], stats[i].remaining))
        reset = max(0, math.ceil(stats[tightest].reset_time - time.time()))
        headers = {
            "RateLimit-Limit": str(self.items[tightest].amount),
            "RateLimit-Remaining": str(max(0, stats[tightest].remaining)),
            "RateLimit-Reset": str(reset),
            "RateLimit-Policy": self.policy,
        }
        if not all(allowed):
            limit = self.items[tightest]
            error = TooManyRequests(
                f"more than {limit.amount} requests in {limit.get_expiry()} s (TALLY_RATE_LIMIT); "
                f"retry in {max(1, reset)} s",
                headers={**headers, "Retry-After": str(max(1, reset))},
            )
            await error_response(error, scope.get("path"))(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(k.encode(), v.encode()) for k, v in headers.items()]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)
