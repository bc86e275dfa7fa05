"""GET /metrics: Prometheus text, counted by route template and status, with the retries that concurrent
writers cause, jobs and deliveries by state; behind the API keys when they are set."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
from sqlmodel import Session

from app.config import Settings
from app.db import make_database
from app.main import create_app
from app.services.webhook_bodies import articles_of
from app.services.webhook_ingest import accept
from tests.api.test_webhooks import Live, live_app
from tests.factories import article
from tests.live import SECRET, serve, signed
from tests.races import rival_commits_first
from tests.scrape import parse, scrape
from tests.services.test_delivery import run_worker_until_settled, subscribe


def test_requests_are_counted_by_route_template_and_status(client):
    before = parse(client.get("/metrics").text)
    assert client.get("/v1/articles/nowhere").status_code == 404
    assert client.get("/v1/articles/elsewhere").status_code == 404
    assert client.get("/no/such/page").status_code == 404
    after = parse(client.get("/metrics").text)
    route = "/v1/articles/{article_id}"
    assert after.delta(before, "tally_http_requests_total", route=route, status="404", method="GET") == 2
    assert after.delta(before, "tally_http_request_duration_seconds_count", route=route) == 2
    assert after.delta(before, "tally_http_requests_total", route="unmatched", status="404") == 1


def test_metrics_need_a_key_when_keys_are_set(make_client):
    client = make_client(api_keys="desk:rw, board:ro")
    assert client.get("/metrics").status_code == 401
    answer = client.get("/metrics", headers={"X-API-Key": "board"})
    assert answer.status_code == 200 and "tally_http_requests_total" in answer.text


def test_metrics_show_the_retry_a_concurrent_delivery_of_one_webhook_causes(database_url, caplog):
    """Two deliveries of one webhook-id at once: the second commits first, ours loses the race on the
    webhook-id, is replayed, logged once and counted once."""
    caplog.set_level(logging.INFO, logger="tally")
    settings = Settings(
        _env_file=None, database_url=database_url, webhook_secret=SECRET, worker_enabled=False
    )  # type: ignore[call-arg]
    app = create_app(settings)
    raw, headers = signed(article("wire-1"), webhook_id="msg_twice")
    rival_db = make_database(database_url)

    def rival() -> None:
        with Session(rival_db) as other:
            accept(other, "msg_twice", raw, articles_of(json.loads(raw), 10))

    with serve(app) as url:
        before = scrape(url)
        with rival_commits_first(app.state.database, rival):
            answer = httpx.post(f"{url}/v1/webhooks/ingest", content=raw, headers=headers, timeout=60)
        after = scrape(url)
    rival_db.dispose()
    assert answer.status_code == 202 and answer.headers.get("idempotent-replayed") == "true"
    assert after.delta(before, "tally_retries_total", kind="race", reason="unique_violation") == 1
    [logged] = [r for r in caplog.records if getattr(r, "event", None) == "retry"]
    assert logged.reason == "unique_violation"


def deltas(live: Live, before: Any, **names: dict[str, str]) -> dict[str, float]:
    after = scrape(live.url)
    return {key: after.delta(before, name, **labels) for key, (name, labels) in names.items()}


def test_jobs_deliveries_and_their_retries_are_counted_by_state_and_reason(database_url, caplog):
    caplog.set_level(logging.INFO, logger="tally")
    from tests.live import Receiver

    for live in live_app(database_url, webhook_backoff_base=0.01, webhook_backoff_max=0.05):
        before = scrape(live.url)
        with Receiver(answers=[500]) as receiver:
            subscription = subscribe(live, receiver.url, ["story.updated"])
            assert live.post(*signed(article("wire-1"))).status_code == 202
            run_worker_until_settled(live, subscription)
        after = scrape(live.url)
    assert after.delta(before, "tally_jobs_total", state="done") == 1
    assert after.delta(before, "tally_deliveries_total", state="retry") == 1
    assert after.delta(before, "tally_deliveries_total", state="delivered") == 1
    assert after.delta(before, "tally_retries_total", kind="delivery", reason="http_500") == 1
    [logged] = [r for r in caplog.records if getattr(r, "event", None) == "delivery_retry"]
    assert logged.reason == "http_500"
