"""`tally serve --workers 2`: whichever worker answers a scrape, /metrics counts the requests of both."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx

from tests.live import wait_until
from tests.scrape import scrape

ROOT = Path(__file__).resolve().parents[1]


def test_metrics_add_up_every_worker_of_tally_serve(database_url):
    with socket.socket() as probe:  # an ephemeral port, not the range the other live-server tests share
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    env.update(TALLY_DATABASE_URL=database_url, TALLY_WORKER_ENABLED="false")
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
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
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(60)
