"""Overload is answered, not failed: a real server (uvicorn on loopback) pushed past its database pool and
its request slots answers 503 problem+json with Retry-After, never 500, and /healthz answers throughout.

The pool is exhausted on purpose, not by racing the clock: the test itself holds the pool's only connection,
so every request that needs one waits TALLY_DATABASE_POOL_TIMEOUT and is told to come back.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from app.config import Settings
from app.main import create_app
from tests.factories import article
from tests.live import serve, wait_until
from tests.scrape import scrape

OVERLOADED = "urn:tally:problem:overloaded"


def small_app(database_url: str, **overrides: Any):
    values: dict[str, Any] = {
        "database_url": database_url,
        "worker_enabled": False,
        "database_pool_size": 1,
        "database_max_overflow": 0,
        "database_pool_timeout": 0.5,
        "overload_retry_after": 3,
        **overrides,
    }
    return create_app(Settings(_env_file=None, **values))  # type: ignore[call-arg]


class Prober(threading.Thread):
    """Polls /healthz until stopped; keeps every status it got."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.statuses, self.stopping = url, [], threading.Event()

    def run(self) -> None:
        with httpx.Client(timeout=30) as client:
            while not self.stopping.is_set():
                self.statuses.append(client.get(f"{self.url}/healthz").status_code)

    def stop(self) -> list[int]:
        self.stopping.set()
        self.join(60)
        return self.statuses


def assert_overloaded(response: httpx.Response, retry_after: str = "3") -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["retry-after"] == retry_after
    assert response.json()["type"] == OVERLOADED


def test_a_server_past_its_pool_answers_503_with_retry_after_and_healthz_answers_throughout(database_url):
    app = small_app(database_url)
    with serve(app) as url:
        before = scrape(url)
        prober = Prober(url)
        prober.start()
        held = app.state.database.connect()  # the pool's only connection

        def call(n: int) -> httpx.Response:
            with httpx.Client(base_url=url, timeout=60) as client:
                if n % 3 == 0:
                    return client.post("/v1/articles", json=article(f"a{n}"))
                return client.get("/v1/stories" if n % 3 == 1 else f"/v1/articles/a{n}")

        with ThreadPoolExecutor(max_workers=12) as pool:
            answers = list(pool.map(call, range(24)))
        held.close()
        health = prober.stop()

        for response in answers:
            assert_overloaded(response)
        assert health and set(health) == {200}
        assert scrape(url).delta(before, "tally_overloaded_total", resource="database_pool") == 24
        # the connection is free again: the same requests now succeed
        assert httpx.post(f"{url}/v1/articles", json=article("a0"), timeout=60).status_code == 201
        assert httpx.get(f"{url}/v1/stories", timeout=60).status_code == 200


def test_a_request_that_finds_no_free_slot_is_answered_503_at_once(database_url):
    app = small_app(
        database_url, database_pool_timeout=60, max_concurrent_requests=1, request_queue_timeout=0.2
    )
    with serve(app) as url, ThreadPoolExecutor(max_workers=1) as pool:
        held = app.state.database.connect()
        first = pool.submit(httpx.get, f"{url}/v1/stories", timeout=120)  # takes the slot, waits for the pool
        wait_until(lambda: scrape(url).value("tally_http_requests_in_flight") >= 1, what="the first request")
        second = httpx.get(f"{url}/v1/stories", timeout=60)
        assert_overloaded(second)
        assert "TALLY_MAX_CONCURRENT_REQUESTS" in second.json()["detail"]
        assert httpx.get(f"{url}/healthz", timeout=60).status_code == 200  # takes no slot
        held.close()
        assert first.result().status_code == 200


def test_readyz_answers_while_every_slot_and_pooled_connection_is_taken(database_url):
    app = small_app(
        database_url, database_pool_timeout=60, max_concurrent_requests=1, request_queue_timeout=0.2
    )
    with serve(app) as url, ThreadPoolExecutor(max_workers=1) as pool:
        held = app.state.database.connect()  # the main pool's only connection
        first = pool.submit(httpx.get, f"{url}/v1/stories", timeout=120)  # takes the slot, waits for the pool
        wait_until(lambda: scrape(url).value("tally_http_requests_in_flight") >= 1, what="the first request")
        assert_overloaded(httpx.get(f"{url}/v1/stories", timeout=60))  # no slot for a request
        ready = httpx.get(f"{url}/readyz", timeout=60)  # the probe needs neither
        assert ready.status_code == 200 and ready.json()["status"] == "ready"
        held.close()
        assert first.result().status_code == 200
