"""Real HTTP for the webhook tests: uvicorn servers on loopback, a recording receiver, signed requests.

with serve(create_app(settings)) as base_url: httpx.post(f"{base_url}/v1/...")
with Receiver(answers=[500, 500]) as receiver: ... receiver.requests
"""

from __future__ import annotations

import base64
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import uvicorn
from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

PORTS = range(18104, 18200)  # the ports this project's webhook tests may bind (see the task brief)
# Fresh secrets per test run: a request signed by another run of this suite (another worktree, same ports
# range) cannot be accepted by our servers.
SECRET = "whsec_" + base64.b64encode(os.urandom(32)).decode("ascii")
OLD_SECRET = "whsec_" + base64.b64encode(os.urandom(32)).decode("ascii")


def bound_socket() -> socket.socket:
    """A TCP socket bound to a free loopback port of PORTS (any free port when all are taken).

    Servers are handed the bound socket itself, so no other test run (another worktree running the same
    suite) can take the port between choosing it and listening on it.
    """
    for port in [*PORTS, 0]:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            sock.close()
            continue
        sock.set_inheritable(True)
        return sock
    raise RuntimeError("no free loopback port")


def base_url(sock: socket.socket) -> str:
    """http://127.0.0.1:<port> of a bound socket."""
    return f"http://127.0.0.1:{sock.getsockname()[1]}"


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Run the ASGI `app` under uvicorn in a thread; yield its base URL; stop it at the end."""
    sock = bound_socket()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    wait_until(lambda: server.started, what="uvicorn to start")
    try:
        yield base_url(sock)
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()


def wait_until(condition: Callable[[], Any], *, what: str, timeout: float = 60.0) -> Any:
    """Poll `condition` until it is truthy and return it (a wait for something to happen, not a timing
    assertion: the generous timeout only stops a broken test from hanging)."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def signed(
    body: Any, *, secret: str = SECRET, webhook_id: str | None = None, timestamp: datetime | None = None
) -> tuple[bytes, dict[str, str]]:
    """(raw body, headers) signed by the `standardwebhooks` package, as a sender would (a fresh
    webhook-id unless one is given)."""
    webhook_id = webhook_id or f"msg_{uuid.uuid4().hex}"
    raw = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    when = timestamp or datetime.now(UTC)
    signature = Webhook(secret).sign(webhook_id, when, raw.decode("utf-8"))
    return raw, {
        "content-type": "application/json",
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(when.timestamp())),
        "webhook-signature": signature,
    }


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    answered: int


@dataclass
class Receiver:
    """A webhook receiver on loopback: answers the statuses of `answers` in turn, then 200; records all."""

    answers: list[int] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)
    url: str = ""

    async def _hook(self, request: Request) -> Response:
        status = self.answers.pop(0) if self.answers else 200
        self.requests.append(Received(dict(request.headers), await request.body(), status))
        return Response(status_code=status)

    def __enter__(self) -> Receiver:
        self._serving = serve(Starlette(routes=[Route("/hook", self._hook, methods=["POST"])]))
        self.url = self._serving.__enter__() + "/hook"
        return self

    def __exit__(self, *exc: object) -> None:
        self._serving.__exit__(*exc)
