"""Deliveries to different subscribers run concurrently, a few per subscriber (issue 12, item 7): slow
receivers (real HTTP servers that hold each request until the test lets them answer) do not delay a healthy
one. The assertions are about order and overlap, never about how long anything took."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.services.worker import start_in_thread
from tests.api.test_webhooks import Live, live_app
from tests.factories import article
from tests.live import serve, signed, wait_until
from tests.services.test_delivery import deliveries, subscribe


@dataclass
class HeldReceiver:
    """A receiver that holds every request until `release` is set; counts what it holds at once."""

    release: threading.Event = field(default_factory=threading.Event)
    arrived: int = 0
    holding: int = 0
    most_held: int = 0

    async def hook(self, request: Request) -> Response:
        await request.body()
        self.arrived += 1
        self.holding += 1
        self.most_held = max(self.most_held, self.holding)
        while not self.release.is_set():
            await asyncio.sleep(0.01)
        self.holding -= 1
        return Response(status_code=200)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/hook", self.hook, methods=["POST"])])


@pytest.fixture
def live(database_url: str) -> Iterator[Live]:
    yield from live_app(
        database_url, webhook_per_subscriber=1, webhook_concurrency=8, worker_poll_interval=0.05
    )


def test_three_held_receivers_do_not_delay_a_healthy_one(live: Live):
    slow = [HeldReceiver() for _ in range(3)]
    healthy = HeldReceiver()
    healthy.release.set()
    with serve(slow[0].app()) as a, serve(slow[1].app()) as b, serve(slow[2].app()) as c, serve(
        healthy.app()
    ) as h:
        subscriptions = [subscribe(live, f"{base}/hook", ["story.updated"]) for base in (a, b, c)]
        fine = subscribe(live, f"{h}/hook", ["story.updated"])
        running = start_in_thread(live.worker.db, live.settings)
        try:
            for n in range(3):  # three events for every subscriber
                live.post(*signed(article(f"wire-{n}", url=f"https://wire.example/{n}")))
            # every held receiver holds a request, and still the healthy one gets all three events
            wait_until(lambda: all(r.holding == 1 for r in slow), what="the slow receivers to be held")
            wait_until(lambda: healthy.arrived == 3, what="the healthy receiver's three events")
            assert all(r.arrived == 1 for r in slow)  # one at a time per subscriber: the others wait
            assert {d["status"] for d in deliveries(live, fine)} == {"delivered"}
            for receiver in slow:
                receiver.release.set()
            for subscription in subscriptions:
                wait_until(
                    lambda s=subscription: {d["status"] for d in deliveries(live, s)} == {"delivered"},
                    what="the slow subscribers' deliveries",
                )
        finally:
            for receiver in slow:
                receiver.release.set()
            running.stop()
    assert [r.arrived for r in slow] == [3, 3, 3]
    assert all(r.most_held == 1 for r in slow)  # never more than webhook_per_subscriber at once
