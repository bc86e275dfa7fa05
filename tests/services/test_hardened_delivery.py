"""Outgoing delivery hardened (issue 12, items 5 and 6): unsendable messages fail once and are logged, and
the connection goes to the address that was checked (no DNS rebinding)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest
from sqlmodel import Session

from app import models
from app.services.pinned import PinnedTransport
from app.services.targets import RefusedTarget
from tests.api.test_webhooks import Live, live_app
from tests.factories import article
from tests.live import Receiver, signed
from tests.services.test_delivery import deliveries, run_worker_until_settled, subscribe

SECRET_16 = "whsec_" + "A" * 24


@pytest.fixture
def live(database_url: str) -> Iterator[Live]:
    yield from live_app(database_url, webhook_backoff_base=0.01, webhook_backoff_max=0.05)


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch):
    """A resolver for names under .test: `dns["hooks.test"] = ["127.0.0.1", ...]` answers each call with
    the next address (the last one repeats); other names resolve as usual. Counts the lookups."""
    answers: dict[str, list[str]] = {}
    lookups: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if isinstance(host, str) and host in answers:
            lookups.append(host)
            queue = answers[host]
            address = queue.pop(0) if len(queue) > 1 else queue[0]
            return real(address, port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    answers["__lookups__"] = lookups  # type: ignore[assignment]
    return answers


def test_a_subscription_url_httpx_cannot_send_is_422_not_500(client):
    for url in ("http://8.8.8.8/\x01", "http://[::1"):
        response = client.post("/v1/subscriptions", json={"url": url, "events": ["story.updated"]})
        assert response.status_code == 422, response.text
        assert response.json()["type"].endswith("refused-target")
    assert client.get("/v1/subscriptions").json()["total"] == 0


def test_a_message_that_cannot_be_sent_fails_once_and_is_logged(live: Live):
    # a subscription stored before URLs were checked: httpx refuses its URL at every attempt
    with Session(live.worker.db) as session:
        session.add(
            models.Subscription(
                id="sub_legacy", url="http://8.8.8.8/\x01", events=["story.updated"], secret=SECRET_16
            )
        )
        session.commit()
    live.post(*signed(article("wire-1")))
    [delivery] = run_worker_until_settled(live, {"id": "sub_legacy"})
    assert delivery["status"] == "failed"
    [attempt] = delivery["attempt_log"]
    assert attempt["outcome"] == "failed" and "cannot be sent" in attempt["error"]
    assert live.worker.run_once() == 0  # never claimed again


def test_the_delivery_connects_to_the_address_it_checked(live: Live, dns):
    with Receiver() as receiver:
        port = receiver.url.split(":")[-1].split("/")[0]
        subscription = subscribe(live, f"http://hooks.test:{port}/hook", ["story.updated"])
        # the first answer is the receiver; a second lookup would send the request nowhere
        dns["hooks.test"] = ["127.0.0.1", "203.0.113.9"]
        live.post(*signed(article("wire-1")))
        [delivery] = run_worker_until_settled(live, subscription)
    assert delivery["status"] == "delivered"
    assert dns["__lookups__"] == ["hooks.test"]  # resolved once; the connection used that answer
    assert receiver.requests[0].headers["host"] == f"hooks.test:{port}"


def test_a_name_that_rebinds_to_loopback_is_refused_at_delivery(dns):
    dns["rebind.test"] = ["127.0.0.1"]
    with httpx.Client(transport=PinnedTransport(allow_private=False)) as client, pytest.raises(RefusedTarget):
        client.post("http://rebind.test/hook", content=b"{}")


def test_a_refused_address_at_delivery_is_an_attempt_with_its_reason(database_url: str, dns):
    for live in live_app(database_url, webhook_allow_private_targets=False, webhook_max_attempts=1):
        dns["public.test"] = ["93.184.215.14"]
        subscription = subscribe(live, "http://public.test/hook", ["story.updated"])
        dns["public.test"] = ["169.254.169.254"]  # the name now points at the metadata service
        live.post(*signed(article("wire-1")))
        live.worker.run_once()
        [delivery] = deliveries(live, subscription)
        assert delivery["status"] == "failed"
        assert "169.254.169.254" in delivery["attempt_log"][0]["error"]
