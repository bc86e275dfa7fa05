"""Fixtures: the real app on a real database, migrated by the real Alembic migrations.

SQLite (default): the migrations run once per session into a template file, copied for every test.
PostgreSQL (`TALLY_TEST_DATABASE_URL=postgresql+psycopg://...`): the schema is rebuilt once per session by
the migrations, and every table is emptied before each test.
"""

from __future__ import annotations

import os
import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlmodel import SQLModel

from app.config import Settings
from app.db import make_database, normalize_url
from app.main import create_app

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("TALLY_TEST_DATABASE_URL")


def alembic_config(url: str) -> Config:
    """The project's alembic.ini, pointed at `url`."""
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["url"] = url
    config.attributes["configure_logger"] = False
    return config


def migrate(url: str, revision: str = "head") -> None:
    """`alembic upgrade <revision>` on `url`, as production runs it."""
    command.upgrade(alembic_config(url), revision)


@pytest.fixture(scope="session")
def migrated_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database URL whose schema the migrations built (a template file for SQLite)."""
    if PG_URL:
        url = normalize_url(PG_URL)
        db = make_database(url)
        with db.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        db.dispose()
        migrate(url)
        return url
    template = tmp_path_factory.mktemp("db") / "template.db"
    url = f"sqlite:///{template}"
    migrate(url)
    return url


def empty_database(migrated_url: str, folder: Path) -> str:
    """A migrated, empty database: a copy of the template in `folder` (SQLite), or the test database with
    every table emptied (PostgreSQL)."""
    if PG_URL:
        db = make_database(migrated_url)
        tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
        with db.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        db.dispose()
        return migrated_url
    path = folder / "tally.db"
    shutil.copyfile(migrated_url.removeprefix("sqlite:///"), path)
    return f"sqlite:///{path}"


def wait_warm(app: Any) -> None:
    """Wait until the app's engine is warm (the server answers /healthz before that, /readyz after)."""
    if not app.state.startup.warm.wait(300):
        raise RuntimeError("the engine did not warm up")


@pytest.fixture
def database_url(migrated_url: str, tmp_path: Path) -> str:
    """A migrated, empty database for one test."""
    return empty_database(migrated_url, tmp_path)


@pytest.fixture
def make_client(database_url: str) -> Iterator[Callable[..., TestClient]]:
    """Build clients of the real app on the test database; keyword arguments override settings."""
    clients: list[TestClient] = []

    def build(**overrides: Any) -> TestClient:
        values = {"database_url": database_url, **overrides}
        settings = Settings(_env_file=None, **values)  # type: ignore[call-arg]
        client = TestClient(create_app(settings))
        client.__enter__()
        clients.append(client)
        wait_warm(client.app)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    """A client of the app with default settings (open API, default limits)."""
    return make_client()


@pytest.fixture
def live_server(database_url: str) -> Iterator[Callable[..., str]]:
    """Start the real app under uvicorn on a free loopback port; returns its base URL.

    `live_server(api_keys="k:rw")` overrides settings; every server is stopped after the test.
    """
    import socket
    import threading
    import time

    import uvicorn

    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(**overrides: Any) -> str:
        settings = Settings(_env_file=None, database_url=database_url, **overrides)  # type: ignore[call-arg]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        wait_warm(server.config.app)
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join()
