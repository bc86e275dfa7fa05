"""seeds/: the sample articles `make run` loads keep what the README promises the Swagger UI will show.

A story with agreements, a discrepancy and a correction notice, two events (and an unrelated article) that
are never compared with each other, and a unique URL per article so that loading them twice stores nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.schemas import ArticleCreate

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.json"))
BARRAGE = {"mp-barrage", "lakeshore9-barrage", "ledger-barrage"}
STORM = {"mp-storm", "courier-storm", "northwind-storm"}


@pytest.fixture
def seeded(client, database_url, monkeypatch):
    """The test database after `tally import seeds/`, as `make run` loads it."""
    monkeypatch.setenv("TALLY_DATABASE_URL", database_url)
    get_settings.cache_clear()
    result = CliRunner().invoke(cli, ["import", str(SEEDS)])
    get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    return client


def test_every_seed_is_a_valid_article_with_its_own_id_and_url():
    articles = [ArticleCreate.model_validate(json.loads(p.read_text(encoding="utf-8"))) for p in SEED_FILES]
    assert 5 <= len(articles) <= 7
    assert len({a.id for a in articles}) == len(articles)
    assert all(a.url for a in articles)
    assert len({a.url for a in articles}) == len(articles)


def story_reports(client) -> dict[frozenset[str], dict]:
    """Each stored story's report, keyed by the ids of its articles."""
    reports = {}
    for story in client.get("/v1/stories").json()["items"]:
        report = client.get(f"/v1/stories/{story['id']}/report").json()
        reports[frozenset(a["id"] for a in report["articles"])] = report
    return reports


def test_seeded_stories_keep_the_two_events_and_the_budget_apart(seeded):
    assert set(story_reports(seeded)) == {frozenset(BARRAGE), frozenset(STORM), frozenset({"ledger-budget"})}


def test_the_storm_story_shows_agreements_a_discrepancy_and_the_correction(seeded):
    report = story_reports(seeded)[frozenset(STORM)]
    types = {f["type"] for f in report["findings"]}
    assert types == {"agreement", "discrepancy", "correction"}
    claims = {c["id"]: c for c in report["claims"]}
    corrections = [f for f in report["findings"] if f["type"] == "correction"]
    assert any(claims[cid]["article_id"] == "courier-storm" for f in corrections for cid in f["claims"])


def test_the_barrage_story_shows_agreements_and_discrepancies(seeded):
    report = story_reports(seeded)[frozenset(BARRAGE)]
    types = [f["type"] for f in report["findings"]]
    assert "agreement" in types and "discrepancy" in types
