"""GET /healthz and /readyz."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.services.startup import Startup
from tests.conftest import alembic_config, wait_warm


class _Warm(TestClient):
    """A client whose app has warmed up when the `with` block starts."""

    def __enter__(self) -> TestClient:
        client = super().__enter__()
        wait_warm(self.app)
        return client


def _client(url: str) -> TestClient:
    return _Warm(create_app(Settings(_env_file=None, database_url=url)))  # type: ignore[call-arg]


def test_healthz_answers_ok(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_reports_the_migration_head(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.text
    newest = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert newest is not None
    assert response.json()["migration"] == newest


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


def test_healthz_answers_and_readyz_is_503_while_the_engine_warms_up(make_client):
    client = make_client(worker_enabled=False)
    started = client.app.state.startup
    cold = Startup(client.app.state.database, client.app.state.settings)  # not begun: still cold
    client.app.state.startup = cold
    assert client.get("/healthz").status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 503 and "warming up" in response.json()["detail"]
    cold.begin()
    wait_warm(client.app)
    assert client.get("/readyz").status_code == 200
    cold.end()
    client.app.state.startup = started
