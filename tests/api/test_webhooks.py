"""POST /v1/webhooks/ingest over real HTTP (uvicorn on loopback), signed by the standardwebhooks package."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from app import models
from app.config import Settings
from app.db import make_database
from app.main import create_app
from app.services.worker import Worker
from tests.factories import FERRY_DAILY, FERRY_WIRE, article
from tests.live import OLD_SECRET, SECRET, serve, signed


@dataclass
class Live:
    url: str
    settings: Settings
    worker: Worker

    # httpx's default of 5 s is no bound on a busy 2-core machine (a webhook runs the extractor); this one
    # only keeps a broken server from hanging the suite
    TIMEOUT = 60

    def post(self, raw: bytes, headers: dict[str, str]) -> httpx.Response:
        url = f"{self.url}/v1/webhooks/ingest"
        return httpx.post(url, content=raw, headers=headers, timeout=self.TIMEOUT)

    def get(self, path: str) -> Any:
        response = httpx.get(f"{self.url}{path}", timeout=self.TIMEOUT)
        assert response.status_code == 200, response.text
        return response.json()

    def count(self, model: Any) -> int:
        with Session(self.worker.db) as session:
            return session.exec(select(func.count()).select_from(model)).one()


def live_app(database_url: str, **overrides: Any) -> Iterator[Live]:
    values: dict[str, Any] = {
        "database_url": database_url,
        "webhook_secret": SECRET,
        "webhook_allow_private_targets": True,
        "worker_enabled": False,  # the tests run the worker themselves, when they choose
        **overrides,
    }
    settings = Settings(_env_file=None, **values)  # type: ignore[call-arg]
    db = make_database(database_url)
    worker = Worker(db, settings)
    with serve(create_app(settings)) as url:
        yield Live(url, settings, worker)
    worker.close()
    db.dispose()


@pytest.fixture
def live(database_url: str) -> Iterator[Live]:
    yield from live_app(database_url)


def test_a_signed_article_is_accepted_and_appears_in_a_story(live: Live):
    raw, headers = signed(article("wire-1"), webhook_id="msg_one")
    response = live.post(raw, headers)
    assert response.status_code == 202, response.text
    answer = response.json()
    assert answer["webhook_id"] == "msg_one"
    assert answer["articles"] == [
        {"id": "wire-1", "outcome": "created", "processing": "queued", "href": "/v1/articles/wire-1"}
    ]
    assert live.get("/v1/articles/wire-1")["story_id"] is None  # accepted, not processed yet
    assert live.worker.run_once() >= 1
    stored = live.get(answer["articles"][0]["href"])
    assert stored["story_id"] is not None
    assert stored["claim_count"] > 0
    story = live.get(f"/v1/stories/{stored['story_id']}")
    assert [a["id"] for a in story["articles"]] == ["wire-1"]


def test_a_replayed_webhook_id_returns_the_first_answer_and_stores_nothing(live: Live):
    raw, headers = signed(article("wire-1"), webhook_id="msg_replayed")
    first = live.post(raw, headers)
    counts = [live.count(m) for m in (models.Article, models.ArticleRevision, models.Job)]
    again = live.post(raw, headers)
    assert again.status_code == first.status_code == 202
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert [live.count(m) for m in (models.Article, models.ArticleRevision, models.Job)] == counts
    assert live.count(models.InboundWebhook) == 1


def test_a_reused_webhook_id_with_another_body_is_a_conflict(live: Live):
    live.post(*signed(article("wire-1"), webhook_id="msg_same"))
    response = live.post(*signed(article("wire-2"), webhook_id="msg_same"))
    assert response.status_code == 409
    assert live.count(models.Article) == 1


def _assert_refused(response: httpx.Response, status: int, live: Live) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [live.count(m) for m in (models.Article, models.Job, models.InboundWebhook)] == [0, 0, 0]
    return response.json()


def test_a_bad_signature_is_refused_and_nothing_is_stored(live: Live):
    raw, headers = signed(article("wire-1"), secret="whsec_" + "d3JvbmctdGFsbHktc2VjcmV0LWtleS0zMiEh")
    problem = _assert_refused(live.post(raw, headers), 401, live)
    assert problem["type"] == "urn:tally:problem:invalid-signature"


def test_a_body_changed_after_signing_is_refused(live: Live):
    raw, headers = signed(article("wire-1"))
    _assert_refused(live.post(raw.replace(b"212", b"213"), headers), 401, live)


def test_a_stale_timestamp_is_refused(live: Live):
    stale = datetime.now(UTC) - timedelta(minutes=6)
    problem = _assert_refused(live.post(*signed(article("wire-1"), timestamp=stale)), 401, live)
    assert "in the past" in problem["detail"]


def test_missing_signature_headers_are_refused(live: Live):
    raw, headers = signed(article("wire-1"))
    del headers["webhook-signature"]
    problem = _assert_refused(live.post(raw, headers), 401, live)
    assert "webhook-signature" in problem["detail"]


def test_a_malformed_body_is_refused_with_400(live: Live):
    _assert_refused(live.post(*signed(b"{not json")), 400, live)
    problem = _assert_refused(live.post(*signed({"articles": [article("ok"), {"source": "x"}]})), 400, live)
    assert [e["pointer"] for e in problem["errors"]] == ["#/articles/1/text"]


def test_a_previous_secret_still_verifies_during_a_rotation(database_url: str):
    for live in live_app(database_url, webhook_secret=f"{SECRET} {OLD_SECRET}"):
        assert live.post(*signed(article("wire-1"), secret=OLD_SECRET)).status_code == 202


def test_without_a_secret_the_route_answers_503(database_url: str):
    for live in live_app(database_url, webhook_secret=None):
        _assert_refused(live.post(*signed(article("wire-1"))), 503, live)


def test_a_batch_is_stored_with_one_job_per_article(live: Live):
    batch = [article("wire-1"), article("daily-1", source="Daily", text=FERRY_DAILY)]
    answer = live.post(*signed({"articles": batch})).json()
    assert [a["id"] for a in answer["articles"]] == ["wire-1", "daily-1"]
    assert live.count(models.Job) == 2
    live.worker.run_once()
    assert live.get("/v1/articles/wire-1")["story_id"] == live.get("/v1/articles/daily-1")["story_id"]


def test_a_ninjs_3_item_with_an_html_body_is_stored_as_text(live: Live):
    html = "".join(f"<p>{sentence}.</p>" for sentence in FERRY_WIRE.split(". "))
    item = {
        "uri": "urn:newsml:wire.example:2025:ferry",
        "versionCreated": "2025-05-13T09:00:00Z",
        "headlines": [{"role": "main", "value": "Ferry runs aground"}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": html}],
        "infoSources": [{"name": "Wire Service"}],
    }
    answer = live.post(*signed(item)).json()
    stored = live.get(answer["articles"][0]["href"])
    assert stored["url"] is None and stored["id"].startswith("urn-newsml-wire.example-2025-ferry-")
    assert stored["source"] == "Wire Service"
    assert stored["title"] == "Ferry runs aground"
    text = live.get(answer["articles"][0]["href"])["revisions"][0]["text"]
    assert "212 passengers" in text and "<p>" not in text


def test_an_unchanged_article_is_not_queued_again(live: Live):
    live.post(*signed(article("wire-1"), webhook_id="msg_a"))
    live.worker.run_once()
    answer = live.post(*signed(article("wire-1"), webhook_id="msg_b")).json()
    assert answer["articles"][0]["outcome"] == "unchanged"
    assert answer["articles"][0]["processing"] == "none"
    assert live.count(models.Job) == 1
