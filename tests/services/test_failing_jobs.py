"""A job that can never succeed fails once, with its reason, and an operator runs it again (issue 12, item 2).

The article stays stored and visibly failed (`processing` on GET /v1/articles/{id}, `tally jobs list`), never
half-processed: the processing rolls back whole.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from app import models
from app.cli import cli
from app.config import get_settings
from tests.api.test_webhooks import Live, live_app
from tests.factories import article
from tests.live import signed

MANY = "Rescuers saved 12 people, 14 dogs, 3 cats and 2 horses near Port Avel on Tuesday."


@pytest.fixture
def live(database_url: str) -> Iterator[Live]:
    yield from live_app(database_url, max_claims=3)  # the article holds more claims than one job may read


def test_a_job_over_its_budget_fails_once_with_its_reason(live: Live):
    response = live.post(*signed(article("wire-1", text=MANY)))
    assert response.status_code == 202, response.text
    assert live.worker.run_once() == 1
    assert live.worker.run_once() == 0  # failed for good: not claimed again, no retry storm
    stored = live.get("/v1/articles/wire-1")
    assert stored["story_id"] is None and stored["claim_count"] == 0  # no half state
    assert stored["processing"]["status"] == "failed" and stored["processing"]["attempts"] == 1
    assert "more than 3 claims" in stored["processing"]["error"]
    assert live.count(models.Claim) == 0 and live.count(models.Finding) == 0


def test_tally_jobs_lists_the_failure_and_retry_runs_it_again(live: Live, database_url: str, monkeypatch):
    live.post(*signed(article("wire-1", text=MANY)))
    live.worker.run_once()
    monkeypatch.setenv("TALLY_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        listed = CliRunner().invoke(cli, ["jobs", "list", "--status", "failed"], env={"COLUMNS": "200"})
        assert listed.exit_code == 0, listed.output
        assert "wire-1" in listed.stdout and "claims" in listed.stdout
        retried = CliRunner().invoke(cli, ["jobs", "retry"])
        assert retried.exit_code == 0 and "queued 1 failed job again" in retried.stdout
    finally:
        get_settings.cache_clear()
    # the operator raised the limit: the same job now succeeds
    for fixed in live_app(database_url, max_claims=100):
        assert fixed.worker.run_once() == 1
        stored = fixed.get("/v1/articles/wire-1")
        assert stored["processing"]["status"] == "done" and stored["story_id"] is not None
        assert stored["claim_count"] > 3


def test_an_article_over_the_text_limit_is_refused_at_the_door(database_url: str):
    for live in live_app(database_url, max_text_chars=50):
        found = live.post(*signed(article("wire-1", text=MANY)))
        assert found.status_code == 413 and "TALLY_MAX_TEXT_CHARS" in found.json()["detail"]
        assert live.count(models.Article) == 0
