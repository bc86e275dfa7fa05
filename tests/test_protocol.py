"""The HTTP layer below the routes over real sockets (issue 12, item 8): protocol errors are problem+json,
and a stalled upload does not hold its connection (uvicorn with Tally's protocol class)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from app.config import Settings
from app.main import create_app
from app.protocol import H11Protocol, HttpToolsProtocol
from tests.live import bound_socket, wait_until


@contextmanager
def tally_server(database_url: str, protocol: type, **overrides) -> Iterator[tuple[str, int]]:
    settings = Settings(_env_file=None, database_url=database_url, worker_enabled=False, **overrides)  # type: ignore[call-arg]
    sock = bound_socket()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), http=protocol, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    wait_until(lambda: server.started, what="uvicorn to start")
    try:
        yield sock.getsockname()
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()


def _exchange(address: tuple[str, int], raw: bytes) -> bytes:
    """Send `raw`, read until the server closes the connection."""
    with socket.create_connection(address) as conn:
        conn.sendall(raw)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _problem(answer: bytes, status: int) -> dict:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ", 2)[1] == str(status).encode(), head
    assert b"content-type: application/problem+json" in head.lower()
    return json.loads(body)


def test_malformed_http_is_answered_with_problem_json(database_url):
    for protocol in (HttpToolsProtocol, H11Protocol):
        with tally_server(database_url, protocol) as address:
            answer = _exchange(address, b"GET /v1/articles HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")
        assert _problem(answer, 400)["detail"].startswith("malformed HTTP request")


def test_a_stalled_upload_is_answered_408_and_its_connection_closed(database_url):
    with tally_server(database_url, HttpToolsProtocol, body_timeout=0.2) as address:
        head = (
            b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n"
        )
        answer = _exchange(address, head + b'{"text": "5 dro')  # and then nothing more
    problem = _problem(answer, 408)
    assert problem["type"].endswith("body-timeout") and b"connection: close" in answer.lower()


def test_a_client_that_never_finishes_its_headers_is_disconnected(database_url, monkeypatch):
    monkeypatch.setattr(HttpToolsProtocol, "HEADER_TIMEOUT", 0.2)
    with tally_server(database_url, HttpToolsProtocol) as address:
        answer = _exchange(address, b"GET /v1/articles HTTP/1.1\r\nHost: x\r\n")  # no blank line, ever
    assert _problem(answer, 408)["detail"].startswith("no request arrived")
