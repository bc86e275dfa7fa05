"""HTTP details below the routes: HEAD wherever GET is served.

    app.add_middleware(HeadAsGet)

A HEAD request is answered by the GET route of its path, with the same status and headers (Content-Length
included) and no body, so HEAD works on every GET route without a second operation in `openapi.yaml`.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


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
