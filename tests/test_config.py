"""Settings come from TALLY_ environment variables; database URLs pick psycopg 3 for PostgreSQL."""

from __future__ import annotations

from app.config import Settings
from app.db import normalize_url


def test_environment_variables_override_the_defaults(monkeypatch):
    monkeypatch.setenv("TALLY_MAX_ARTICLES", "7")
    monkeypatch.setenv("TALLY_MAX_BODY_BYTES", "1024")
    monkeypatch.setenv("TALLY_DATABASE_URL", "sqlite:///./elsewhere.db")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert (settings.max_articles, settings.max_body_bytes) == (7, 1024)
    assert settings.database_url == "sqlite:///./elsewhere.db"


def test_defaults_are_the_local_ones(monkeypatch):
    for name in ("TALLY_DATABASE_URL", "TALLY_API_KEYS", "TALLY_MAX_ARTICLES", "TALLY_MAX_BODY_BYTES"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.database_url == "sqlite:///./tally.db"
    assert settings.max_body_bytes == 5 * 1024 * 1024 and settings.max_articles == 500
    assert settings.keys == ()


def test_postgresql_urls_use_psycopg_3():
    assert normalize_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("sqlite:///./tally.db") == "sqlite:///./tally.db"
