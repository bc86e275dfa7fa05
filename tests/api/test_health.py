"""GET /healthz and /readyz."""

from __future__ import annotations

from alembic import command
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.conftest import alembic_config


def _client(url: str) -> TestClient:
    return TestClient(create_app(Settings(_env_file=None, database_url=url)))  # type: ignore[call-arg]


def test_healthz_answers_ok(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_reports_the_migration_head(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json()["migration"] == client.app.state.migration_head


def test_readyz_is_503_when_the_schema_is_missing(tmp_path):
    with _client(f"sqlite:///{tmp_path / 'empty.db'}") as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "alembic upgrade head" in response.json()["detail"]


def test_readyz_follows_downgrade_and_upgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'down.db'}"
    config = alembic_config(url)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    with _client(url) as client:
        assert client.get("/readyz").status_code == 503
    command.upgrade(config, "head")
    with _client(url) as client:
        assert client.get("/readyz").status_code == 200
