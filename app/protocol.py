"""HTTP details below the routes: HEAD wherever GET is served, and uvicorn's own answers as problem+json.

    app.add_middleware(HeadAsGet)
    uvicorn.run(app, http="app.protocol:HttpToolsProtocol")     # what `tally serve` does

A HEAD request is answered by the GET route of its path, with the same status and headers (Content-Length
included) and no body, so HEAD works on every GET route without a second operation in `openapi.yaml`.

uvicorn answers a request it cannot parse itself, in plain text; `HttpToolsProtocol` and `H11Protocol` (its
protocols, extended) answer problem+json instead, and close a connection that sends no complete request
head within 20 s (a client trickling its headers). A trickled body is BodyGuard's (TALLY_BODY_TIMEOUT).
"""

from __future__ import annotations

import asyncio
import json
from http import HTTPStatus

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http import h11_impl as uvicorn_h11
from uvicorn.protocols.http import httptools_impl as uvicorn_httptools

from app.errors import PROBLEM_JSON


class HeadAsGet:
    """ASGI middleware: route HEAD as GET and drop the body of the answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def _problem_bytes(status: int, detail: str) -> bytes:
    """A complete HTTP/1.1 problem+json answer that closes the connection (for uvicorn's own errors)."""
    body = json.dumps(
        {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": detail}
    ).encode("utf-8")
    head = (
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
        f"content-type: {PROBLEM_JSON}\r\ncontent-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class _ProblemAnswers:
    """What Tally's HTTP protocols add to uvicorn's: a malformed request gets problem+json (not plain
    text), and a connection that sends no complete request head within `HEADER_TIMEOUT` s is closed."""

    HEADER_TIMEOUT = 20.0
    transport: asyncio.Transport
    cycle: object

    def connection_made(self, transport: asyncio.Transport) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        loop = asyncio.get_running_loop()
        self._head_timer = loop.call_later(self.HEADER_TIMEOUT, self._head_overdue)

    def _head_overdue(self) -> None:
        if self.cycle is None and not self.transport.is_closing():
            self.transport.write(_problem_bytes(408, f"no request arrived within {self.HEADER_TIMEOUT:g} s"))
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_timer.cancel()
        super().connection_lost(exc)  # type: ignore[misc]

    def send_400_response(self, msg: str) -> None:
        self.transport.write(_problem_bytes(400, f"malformed HTTP request: {msg}"))
        self.transport.close()


class HttpToolsProtocol(_ProblemAnswers, uvicorn_httptools.HttpToolsProtocol):
    """uvicorn's httptools protocol with problem+json protocol errors (`tally serve` uses it)."""


class H11Protocol(_ProblemAnswers, uvicorn_h11.H11Protocol):
    """uvicorn's h11 protocol with problem+json protocol errors."""
