"""`tally worker --once` processes what signed ingestion accepted (the same worker the app runs)."""

from __future__ import annotations

import httpx
from typer.testing import CliRunner

from app.cli import cli
from app.config import Settings, get_settings
from app.main import create_app
from tests.factories import article
from tests.live import SECRET, serve, signed


def test_tally_worker_once_processes_accepted_articles(database_url, monkeypatch):
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=database_url, webhook_secret=SECRET, worker_enabled=False
    )
    monkeypatch.setenv("TALLY_DATABASE_URL", database_url)
    get_settings.cache_clear()
    with serve(create_app(settings)) as url:
        raw, headers = signed(article("wire-1"))
        assert httpx.post(f"{url}/v1/webhooks/ingest", content=raw, headers=headers).status_code == 202
        assert httpx.get(f"{url}/v1/articles/wire-1").json()["story_id"] is None
        result = CliRunner().invoke(cli, ["worker", "--once"])
        assert result.exit_code == 0, result.output
        assert "handled 1 jobs" in result.stdout
        assert httpx.get(f"{url}/v1/articles/wire-1").json()["story_id"] is not None
    get_settings.cache_clear()
