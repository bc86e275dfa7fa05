"""Outgoing webhooks end to end: ingest -> finding -> outbox -> worker -> a uvicorn receiver on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import closing

import httpx
import pytest
from sqlmodel import Session, select
from standardwebhooks.webhooks import Webhook

from app import models
from tests.api.test_webhooks import Live, live_app
from tests.factories import FERRY_DAILY, FERRY_WIRE, article
from tests.live import Receiver, base_url, bound_socket, signed, wait_until


@pytest.fixture
def live(database_url: str) -> Iterator[Live]:
    # small backoff so that retries come due at once; the test never asserts how long anything took
    yield from live_app(database_url, webhook_backoff_base=0.01, webhook_backoff_max=0.05)


def subscribe(live: Live, url: str, events: list[str]) -> dict:
    response = httpx.post(f"{live.url}/v1/subscriptions", json={"url": url, "events": events})
    assert response.status_code == 201, response.text
    return response.json()


def deliveries(live: Live, subscription: dict) -> list[dict]:
    return live.get(f"/v1/subscriptions/{subscription['id']}/deliveries")["items"]


def run_worker_until_settled(live: Live, subscription: dict) -> list[dict]:
    """Run the worker until no delivery of `subscription` is pending; return the deliveries."""

    def settled() -> tuple[list[dict]] | None:
        idle = live.worker.run_once() == 0
        items = deliveries(live, subscription)
        pending = any(d["status"] == "pending" for d in items)
        return (items,) if idle and not pending else None

    return wait_until(settled, what="the deliveries to settle")[0]


def verified(secret: str, request) -> dict:
    """The payload of a received request, verified by the standardwebhooks package."""
    return Webhook(secret).verify(request.body, request.headers)


DISPUTED = (
    "A ferry carrying 240 passengers ran aground near Port Avel on Tuesday, the coast guard said. "
    "Rescue boats brought 198 people ashore."
)


def test_a_discrepancy_from_an_ingest_reaches_the_subscriber_signed(live: Live):
    with Receiver() as receiver:
        subscription = subscribe(live, receiver.url, ["finding.discrepancy"])
        live.post(*signed(article("wire-1", text=FERRY_WIRE, story="ferry")))
        live.post(*signed(article("daily-1", source="Daily", text=DISPUTED, story="ferry")))
        items = run_worker_until_settled(live, subscription)
    assert items and {d["status"] for d in items} == {"delivered"}
    payloads = [verified(subscription["secret"], r) for r in receiver.requests]
    assert payloads and {p["type"] for p in payloads} == {"finding.discrepancy"}
    data = payloads[0]["data"]
    assert data["finding_type"] == "discrepancy" and data["reason"]
    report = live.get(data["links"]["report"])
    found = {f["id"]: f for f in report["findings"]}
    assert found[data["finding_id"]]["type"] == "discrepancy"
    assert "212" in found[data["finding_id"]]["reason"] and "240" in found[data["finding_id"]]["reason"]


def test_a_receiver_failing_twice_gets_the_event_once_as_a_success_with_three_attempts(live: Live):
    with Receiver(answers=[500, 503]) as receiver:
        subscription = subscribe(live, receiver.url, ["story.updated"])
        live.post(*signed(article("wire-1")))
        items = run_worker_until_settled(live, subscription)
    assert [r.answered for r in receiver.requests] == [500, 503, 200]
    assert len({r.headers["webhook-id"] for r in receiver.requests}) == 1  # one event, redelivered
    assert [verified(subscription["secret"], r)["type"] for r in receiver.requests] == ["story.updated"] * 3
    [delivery] = items
    assert delivery["status"] == "delivered" and delivery["id"] == receiver.requests[0].headers["webhook-id"]
    assert [(a["number"], a["status_code"], a["outcome"]) for a in delivery["attempt_log"]] == [
        (1, 500, "retry"),
        (2, 503, "retry"),
        (3, 200, "delivered"),
    ]


def test_a_410_disables_the_subscription(live: Live):
    with Receiver(answers=[410]) as receiver:
        subscription = subscribe(live, receiver.url, ["story.updated"])
        live.post(*signed(article("wire-1")))
        run_worker_until_settled(live, subscription)
        live.post(*signed(article("daily-1", source="Daily", text=FERRY_DAILY)))
        live.worker.run_once()
    assert len(receiver.requests) == 1
    state = live.get(f"/v1/subscriptions/{subscription['id']}")
    assert state["active"] is False and "410" in state["disabled_reason"]
    assert [d["attempt_log"][0]["outcome"] for d in deliveries(live, subscription)] == ["disabled"]


def test_an_unreachable_receiver_is_retried_then_given_up(database_url: str):
    for live in live_app(database_url, webhook_backoff_base=0.01, webhook_max_attempts=2):
        with closing(bound_socket()) as silent:  # bound, never listening: connections are refused
            subscription = subscribe(live, f"{base_url(silent)}/hook", ["story.updated"])
            live.post(*signed(article("wire-1")))
            [delivery] = run_worker_until_settled(live, subscription)
        assert delivery["status"] == "failed"
        assert [a["outcome"] for a in delivery["attempt_log"]] == ["retry", "failed"]
        assert all(a["status_code"] is None and "Connect" in a["error"] for a in delivery["attempt_log"])


def test_payloads_are_thin_with_ids_links_and_reason(live: Live):
    with Receiver() as receiver:
        subscription = subscribe(live, receiver.url, ["finding.agreement", "story.updated"])
        live.post(*signed(article("wire-1", text=FERRY_WIRE)))
        live.post(*signed(article("daily-1", source="Daily", text=FERRY_DAILY)))
        run_worker_until_settled(live, subscription)
    payloads = [json.loads(r.body) for r in receiver.requests]
    agreement = next(p for p in payloads if p["type"] == "finding.agreement")
    assert set(agreement) == {"type", "timestamp", "data"}
    assert {"story_id", "article_id", "finding_id", "reason", "links"} <= set(agreement["data"])
    assert "claims" not in agreement["data"]  # thin: the report has the claims and spans
    assert live.get(agreement["data"]["links"]["story"])["id"] == agreement["data"]["story_id"]


def test_articles_posted_to_the_api_also_write_outbox_rows_in_their_transaction(live: Live):
    with Receiver() as receiver:
        subscription = subscribe(live, receiver.url, ["story.updated"])
        response = httpx.post(f"{live.url}/v1/articles", json=article("wire-1"))
        assert response.status_code == 201
        with Session(live.worker.db) as session:
            rows = session.exec(select(models.OutboxMessage)).all()
        assert [(r.event, r.payload["data"]["article_id"]) for r in rows] == [("story.updated", "wire-1")]
        run_worker_until_settled(live, subscription)
    assert len(receiver.requests) == 1

