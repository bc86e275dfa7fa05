"""`tally serve --workers 2`, a real supervisor and two real worker processes: whichever worker answers a
scrape, /metrics counts the requests of both; with TALLY_LOG_FORMAT=json every line any of them writes is
one JSON object."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx

from tests.live import wait_until
from tests.scrape import scrape

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def tally_serve(database_url: str, *, out: IO | int = subprocess.DEVNULL, **env: str) -> Iterator[str]:
    """Run `tally serve --workers 2` on an ephemeral port (not the range the other live-server tests
    share); yield its base URL once /healthz answers; stop the whole process group at the end."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    environ = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    environ.update(TALLY_DATABASE_URL=database_url, TALLY_WORKER_ENABLED="false", **env)
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        env=environ,
        stdout=out,
        stderr=out,
        start_new_session=True,
    )
    try:

        def up() -> bool:
            assert server.poll() is None, "tally serve exited"
            try:
                return httpx.get(f"{url}/healthz", timeout=2).status_code == 200
            except httpx.TransportError:
                return False

        wait_until(up, what="tally serve to listen", timeout=120)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(60)


def test_metrics_add_up_every_worker_of_tally_serve(database_url):
    with tally_serve(database_url) as url:
        for n in range(30):  # new connections, so that both workers take some
            with httpx.Client(timeout=60) as client:
                assert (
                    client.post(f"{url}/v1/extract", json={"text": f"{n + 2} ferries sank."}).status_code
                    == 200
                )
        totals = {
            scrape(url).value("tally_http_requests_total", route="/v1/extract", status="200")
            for _ in range(6)
        }
        assert totals == {30.0}


def test_every_line_of_tally_serve_is_json_with_tally_log_format_json(database_url, tmp_path):
    """The supervisor's lines (start, stop), the workers' uvicorn lines and the access log alike."""
    log = tmp_path / "serve.log"
    with log.open("w") as out, tally_serve(database_url, out=out, TALLY_LOG_FORMAT="json") as url:
        assert httpx.get(f"{url}/v1/stories", timeout=60).status_code == 200
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    loggers = {line["logger"] for line in lines}
    assert {"uvicorn.error", "uvicorn.access"} <= loggers
    assert any("parent process" in line["message"] for line in lines)  # the supervisor's
    assert not any("color_message" in line for line in lines)
