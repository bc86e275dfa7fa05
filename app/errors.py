"""Errors: domain exceptions, and their one translation into RFC 9457 `application/problem+json`.

Services raise `TallyError` subclasses (`raise NotFound("no article 'x'")`); `install_error_handlers`
turns them, FastAPI's validation errors, Starlette's 404/405 and anything unexpected into problem
documents: `{"type", "title", "status", "detail", "instance"}` plus `errors` (one entry per offending
field, with a JSON `pointer` into the body) for validation problems. `BodyGuard` rejects oversized,
non-UTF-8 and trickled bodies before any route reads them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.db import BUSY, failure_reason
from app.metrics import OVERLOADED

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:tally:problem:"
log = logging.getLogger("tally")


class TallyError(Exception):
    """A problem the caller can act on; subclasses fix the status, the `type` slug and the title."""

    status: int = 400
    slug: str = "bad-request"
    title: str = "Bad request"

    def __init__(
        self,
        detail: str,
        *,
        errors: Sequence[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = list(errors) if errors else None
        self.headers = headers


class InvalidInput(TallyError):
    """The body parsed but breaks a rule no schema can state (e.g. duplicate ids)."""

    status, slug, title = 422, "validation-error", "Invalid request"


class NotFound(TallyError):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(TallyError):
    status, slug, title = 409, "conflict", "Conflict"


class TooManyArticles(TallyError):
    status, slug, title = 413, "too-many-articles", "Too many articles"


class BodyTooLarge(TallyError):
    status, slug, title = 413, "body-too-large", "Request body too large"


class BodyTimeout(TallyError):
    status, slug, title = 408, "body-timeout", "Request body not received in time"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"Connection": "close"})


class InvalidEncoding(TallyError):
    status, slug, title = 400, "invalid-encoding", "Body is not valid UTF-8"


class Unauthorized(TallyError):
    status, slug, title = 401, "unauthorized", "Missing or unknown API key"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="tally"'})


class Forbidden(TallyError):
    status, slug, title = 403, "forbidden", "Not allowed with this API key"


class NotReady(TallyError):
    status, slug, title = 503, "not-ready", "Service not ready"


class Overloaded(TallyError):
    """No database connection or request slot came free in time: come back after `Retry-After` seconds."""

    status, slug, title = 503, "overloaded", "Service overloaded"

    def __init__(self, detail: str, retry_after: int | None = None) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)} if retry_after else None)


def field_error(loc: Sequence[str | int], detail: str, type_: str = "value_error") -> dict[str, Any]:
    """One entry of a problem's `errors`: where (`loc`, and a JSON `pointer` for body fields) and what."""
    entry: dict[str, Any] = {"loc": list(loc), "detail": detail, "type": type_}
    if loc and loc[0] == "body":
        entry["pointer"] = "#/" + "/".join(
            str(part).replace("~", "~0").replace("/", "~1") for part in loc[1:]
        )
    return entry


def problem(
    status: int,
    detail: str,
    *,
    slug: str | None = None,
    title: str | None = None,
    instance: str | None = None,
    errors: Sequence[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """Build a problem+json response; without a slug the type is `about:blank` and the title the phrase."""
    body: dict[str, Any] = {
        "type": TYPE_PREFIX + slug if slug else "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = list(errors)
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_JSON)


def error_response(exc: TallyError, instance: str | None = None) -> JSONResponse:
    """The problem+json response for a domain error."""
    return problem(
        exc.status,
        exc.detail,
        slug=exc.slug,
        title=exc.title,
        instance=instance,
        errors=exc.errors,
        headers=exc.headers,
    )


async def _on_tally_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TallyError)
    if isinstance(exc, Overloaded) and not exc.headers:
        exc.headers = {"Retry-After": str(request.app.state.settings.overload_retry_after)}
    return error_response(exc, request.url.path)


async def _on_pool_timeout(request: Request, exc: Exception) -> JSONResponse:
    """No connection of the pool came free within TALLY_DATABASE_POOL_TIMEOUT."""
    OVERLOADED.labels("database_pool").inc()
    busy = Overloaded(
        "no database connection came free in time (TALLY_DATABASE_POOL_SIZE, TALLY_DATABASE_POOL_TIMEOUT); "
        "try again later"
    )
    return await _on_tally_error(request, busy)


async def _on_database_error(request: Request, exc: Exception) -> JSONResponse:
    """A database too busy (locked, deadlocked, away) is an overload; any other database error is a bug."""
    assert isinstance(exc, DBAPIError)
    reason = failure_reason(exc)
    if reason not in BUSY:
        return await _on_unexpected(request, exc)
    log.warning(
        "database busy on %s %s: %s",
        request.method,
        request.url.path,
        reason,
        extra={"event": "database_busy", "reason": reason},
    )
    OVERLOADED.labels("database").inc()
    return await _on_tally_error(request, Overloaded(f"the database is busy ({reason}); try again later"))


def _message(error: dict[str, Any]) -> str:
    """pydantic's message without its "Value error, " prefix (our validators' messages stand alone)."""
    return str(error.get("msg", "invalid")).removeprefix("Value error, ")


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [field_error(e.get("loc", ()), _message(e), e.get("type", "value_error")) for e in exc.errors()]
    shown = "; ".join(
        f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['detail']}" for e in errors[:3]
    )
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    return problem(
        422,
        f"{len(errors)} invalid field{'s' if len(errors) != 1 else ''}: {shown}{more}",
        slug=InvalidInput.slug,
        title=InvalidInput.title,
        instance=request.url.path,
        errors=errors,
    )


_METHODS = ("DELETE", "GET", "PATCH", "POST", "PUT")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route accepts on the request's path (HEAD wherever GET is), for `Allow`."""
    routes = request.app.router.routes
    methods = {
        method
        for method in _METHODS
        if any(route.matches({**request.scope, "method": method})[0] == Match.FULL for route in routes)
    }
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def _parse_failure(exc: BaseException | None) -> str | None:
    """Why FastAPI could not parse a JSON body (it only says "There was an error parsing the body")."""
    if isinstance(exc, RecursionError):
        return "the JSON body nests arrays or objects too deeply"
    if isinstance(exc, ValueError) and "digits" in str(exc):
        return "the JSON body holds an integer with too many digits"
    return None


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    phrase = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    if exc.status_code == 400 and (why := _parse_failure(exc.__cause__)):
        return problem(400, why, slug="malformed-json", title="Malformed JSON", instance=request.url.path)
    if detail is None:
        detail = {
            404: f"nothing at {request.url.path}",
            405: f"{request.method} is not allowed on {request.url.path}",
        }.get(exc.status_code, phrase)
    return problem(exc.status_code, detail, instance=request.url.path, headers=headers or None)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    # the server closes the connection after an unhandled error: say so rather than drop it silently
    return problem(
        500,
        "an unexpected error occurred; it has been logged",
        instance=request.url.path,
        headers={"Connection": "close"},
    )


def install_error_handlers(app: FastAPI) -> None:
    """Route every error the app can raise through problem+json."""
    app.add_exception_handler(TallyError, _on_tally_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(PoolTimeout, _on_pool_timeout)
    app.add_exception_handler(DBAPIError, _on_database_error)
    app.add_exception_handler(Exception, _on_unexpected)


_BODYLESS = {"GET", "HEAD", "OPTIONS", "DELETE"}


class BodyGuard:
    """ASGI middleware: refuse bodies over the limit (413) and JSON bodies that are not UTF-8 (400).

    The check runs on the raw bytes before any route parses them; the body is then replayed unchanged,
    so signature checks downstream see exactly what was sent.
    """

    def __init__(
        self, app: ASGIApp, max_bytes: Callable[[], int], timeout: Callable[[], float] = lambda: 30.0
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _BODYLESS:
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await self._reject(scope, receive, send, BodyTooLarge(_too_large(int(declared), limit)))
            return
        body = bytearray()
        more = True
        seconds = self.timeout()
        deadline = asyncio.get_running_loop().time() + seconds
        while more:
            try:
                message = await asyncio.wait_for(receive(), deadline - asyncio.get_running_loop().time())
            except TimeoutError:
                error = BodyTimeout(f"the body did not arrive within {seconds:g} s (TALLY_BODY_TIMEOUT)")
                await self._reject(scope, receive, send, error)
                return
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > limit:
                await self._reject(scope, receive, send, BodyTooLarge(_too_large(len(body), limit)))
                return
        content_type = headers.get("content-type", "application/json").lower()
        if "json" in content_type:
            try:
                bytes(body).decode("utf-8")
            except UnicodeDecodeError as exc:
                error = InvalidEncoding(f"byte {exc.start} of the body is not valid UTF-8 ({exc.reason})")
                await self._reject(scope, receive, send, error)
                return
        await self.app(scope, _replay(bytes(body), receive), send)

    @staticmethod
    async def _reject(scope: Scope, receive: Receive, send: Send, error: TallyError) -> None:
        await error_response(error, scope.get("path"))(scope, receive, send)


def _too_large(size: int, limit: int) -> str:
    return f"the body has {size} bytes or more; the limit is {limit} bytes (TALLY_MAX_BODY_BYTES)"


def _replay(body: bytes, downstream: Receive) -> Receive:
    """Hand the buffered body over once, then pass later messages (disconnects) through."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await downstream()

    return receive
