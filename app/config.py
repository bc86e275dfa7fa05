"""Settings: one pydantic-settings class, read from environment variables prefixed `TALLY_`.

    >>> Settings(database_url="sqlite:///./other.db").database_url
    'sqlite:///./other.db'

API keys (`TALLY_API_KEYS`) are separated by commas or whitespace; each is `KEY:rw` (read-write) or
`KEY:ro` (read-only); a bare `KEY` is read-write. Unset or empty leaves the API open.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Access = Literal["ro", "rw"]


@dataclass(frozen=True, slots=True)
class ApiKey:
    """One configured API key and what it may do."""

    key: str
    access: Access


def parse_api_keys(spec: str | None) -> tuple[ApiKey, ...]:
    """Parse `"k1:rw, k2:ro k3"` into keys; raise ValueError on an unknown access suffix."""
    keys: list[ApiKey] = []
    for token in (spec or "").replace(",", " ").split():
        key, sep, access = token.rpartition(":")
        if not sep:
            key, access = token, "rw"
        if access not in ("ro", "rw") or not key:
            raise ValueError(f"API key entries look like KEY:rw or KEY:ro, got {token[:4]}...:{access}")
        keys.append(ApiKey(key=key, access=access))  # type: ignore[arg-type]
    return tuple(keys)


class Settings(BaseSettings):
    """Everything configurable, with the local defaults (`make run` needs no environment)."""

    model_config = SettingsConfigDict(env_prefix="TALLY_", env_file=".env", extra="ignore")

    database_url: str = Field(
        "sqlite:///./tally.db",
        description="SQLAlchemy URL: sqlite:///./tally.db (WAL mode) or postgresql+psycopg://user:pw@host/db",
    )
    host: str = Field("127.0.0.1", description="interface `tally serve` binds")
    port: int = Field(8000, gt=0, lt=65536, description="port `tally serve` listens on")
    workers: int = Field(1, gt=0, description="uvicorn worker processes of `tally serve`")
    max_body_bytes: int = Field(5 * 1024 * 1024, gt=0, description="largest accepted request body")
    max_articles: int = Field(500, gt=0, description="most articles in one POST /v1/check")
    api_keys: str | None = Field(None, description="KEY:rw / KEY:ro entries; unset = open API")
    story_window: int = Field(
        10,
        gt=0,
        description="recently updated stories (3 recent articles each) a new article is compared with",
    )
    webhook_secret: str | None = Field(None, description="whsec_... secrets for signed ingestion (issue 5)")
    webhook_allow_private_targets: bool = Field(
        False, description="allow webhook deliveries to private hosts"
    )

    @field_validator("api_keys")
    @classmethod
    def _keys_parse(cls, value: str | None) -> str | None:
        parse_api_keys(value)
        return value

    @property
    def keys(self) -> tuple[ApiKey, ...]:
        """The parsed API keys (empty: the API is open)."""
        return parse_api_keys(self.api_keys)


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
