"""Settings: one pydantic-settings class, read from environment variables prefixed `TALLY_`.

    >>> Settings(database_url="sqlite:///./other.db").database_url
    'sqlite:///./other.db'

API keys (`TALLY_API_KEYS`) are separated by commas or whitespace; each is `KEY:rw` (read-write) or
`KEY:ro` (read-only); a bare `KEY` is read-write. Unset or empty leaves the API open.
"""

from __future__ import annotations

import base64
import binascii
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


def parse_webhook_secrets(spec: str | None) -> tuple[bytes, ...]:
    """The HMAC keys of `"whsec_<base64> whsec_<base64>"` (Standard Webhooks secrets, space-separated).

    >>> parse_webhook_secrets("whsec_c2VjcmV0")
    (b'secret',)
    """
    keys: list[bytes] = []
    for token in (spec or "").split():
        encoded = token.removeprefix("whsec_")
        try:
            key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
        except binascii.Error:
            raise ValueError(f"webhook secrets look like whsec_<base64>, got {token[:10]}...") from None
        if not key:
            raise ValueError("a webhook secret may not be empty")
        keys.append(key)
    return tuple(keys)


class Settings(BaseSettings):
    """Everything configurable, with the local defaults (`make run` needs no environment)."""

    model_config = SettingsConfigDict(env_prefix="TALLY_", env_file=".env", extra="ignore")

    database_url: str = Field(
        "sqlite:///./tally.db",
        description="SQLAlchemy URL: sqlite:///./tally.db (WAL mode) or postgresql+psycopg://user:pw@host/db",
    )
    database_pool_size: int = Field(
        5, gt=0, description="database connections each app process keeps open (its pool)"
    )
    database_max_overflow: int = Field(
        5, ge=0, description="connections a process may open beyond the pool when it is busy"
    )
    database_pool_timeout: float = Field(
        3.0, gt=0, description="seconds a request waits for a free connection; then 503 with Retry-After"
    )
    max_concurrent_requests: int = Field(
        16, gt=0, description="requests each process works on at once; the others wait for a free slot"
    )
    request_queue_timeout: float = Field(
        3.0, gt=0, description="seconds a request waits for a free slot; then 503 with Retry-After"
    )
    overload_retry_after: int = Field(
        2, gt=0, description="seconds an overloaded answer (503) tells the client to wait (Retry-After)"
    )
    log_format: Literal["text", "json"] = Field(
        "text", description="text: one readable line per event; json: one JSON object per line"
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="the least severe events Tally logs"
    )
    host: str = Field("127.0.0.1", description="interface `tally serve` binds")
    port: int = Field(8000, gt=0, lt=65536, description="port `tally serve` listens on")
    workers: int = Field(1, gt=0, description="uvicorn worker processes of `tally serve`")
    healthcheck_timeout: int = Field(
        30,
        gt=0,
        description="seconds `tally serve --workers N` waits for a worker process to answer uvicorn's "
        "health ping (or to start) before it replaces the process",
    )
    max_body_bytes: int = Field(5 * 1024 * 1024, gt=0, description="largest accepted request body")
    max_articles: int = Field(500, gt=0, description="most articles in one POST /v1/check")
    max_text_chars: int = Field(200_000, gt=0, description="longest text of one article (413 beyond)")
    max_request_chars: int = Field(
        1_000_000, gt=0, description="most characters of text in one request, all articles together (413)"
    )
    max_claims: int = Field(20_000, gt=0, description="most claims the engine reads for one request (413)")
    max_claims_per_text: int = Field(
        1_000, gt=0, description="most claims the engine reads in one text (413): no article holds more"
    )
    max_answer_bytes: int = Field(
        50 * 1024 * 1024, gt=0, description="largest answer of /v1/check or /v1/extract, estimated (413)"
    )
    work_deadline: float = Field(
        20.0, gt=0, description="seconds the engine may work on one request; then 503 with Retry-After"
    )
    job_deadline: float = Field(120.0, gt=0, description="seconds the engine may work on one ingest job")
    body_timeout: float = Field(
        30.0, gt=0, description="seconds a client may take to send its request body; then 408"
    )
    rate_limit: str | None = Field(
        None,
        description="limits per API key (per client address without one), e.g. '120/minute;2000/hour'; "
        "unset = no rate limit",
    )
    rate_limit_storage: str = Field(
        "memory://", description="where the rate-limit counters live: memory:// (per process) or redis://..."
    )
    api_keys: str | None = Field(None, description="KEY:rw / KEY:ro entries; unset = open API")
    story_active_days: int = Field(
        21,
        gt=0,
        le=3650,
        description="days around a new article's publication (else ingest) day within which a story must "
        "have been active to be a candidate for it; at least the engine's 14-day window",
    )
    webhook_secret: str | None = Field(
        None,
        description="whsec_... secrets of POST /v1/webhooks/ingest, separated by spaces during a rotation; "
        "unset = the route answers 503",
    )
    webhook_allow_private_targets: bool = Field(
        False, description="allow subscriptions to private and loopback addresses (tests, local development)"
    )
    webhook_timeout: float = Field(10.0, gt=0, description="seconds one outgoing delivery may take")
    webhook_concurrency: int = Field(
        8, gt=0, description="outgoing deliveries a worker sends at once (to different subscribers)"
    )
    webhook_per_subscriber: int = Field(
        2, gt=0, description="outgoing deliveries in flight to one subscription at once"
    )
    webhook_max_attempts: int = Field(8, gt=0, description="deliveries of one event before it is given up")
    webhook_backoff_base: float = Field(
        10.0, gt=0, description="seconds before the first retry; doubles per attempt, with jitter"
    )
    webhook_backoff_max: float = Field(3600.0, gt=0, description="longest wait between two attempts")
    claimreview_author: str = Field(
        "Tally", max_length=200, description="the organisation named as `author` of exported ClaimReviews"
    )
    public_url: str = Field(
        "", description="base URL put before the links of outgoing events (empty: relative links)"
    )
    worker_enabled: bool = Field(
        True, description="run the background worker (ingest jobs, outgoing webhooks) in each app process"
    )
    worker_poll_interval: float = Field(1.0, gt=0, description="seconds the idle worker waits between polls")
    worker_lease_seconds: float = Field(
        120.0, gt=0, description="how long a claimed job is reserved before another worker may take it over"
    )
    job_max_attempts: int = Field(5, gt=0, description="tries of one ingest job before it is marked failed")

    @field_validator("rate_limit")
    @classmethod
    def _rate_limit_parses(cls, value: str | None) -> str | None:
        if value:
            from limits import parse_many

            parse_many(value)  # ValueError on a malformed limit
        return value

    @field_validator("api_keys")
    @classmethod
    def _keys_parse(cls, value: str | None) -> str | None:
        parse_api_keys(value)
        return value

    @property
    def keys(self) -> tuple[ApiKey, ...]:
        """The parsed API keys (empty: the API is open)."""
        return parse_api_keys(self.api_keys)

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secrets_parse(cls, value: str | None) -> str | None:
        parse_webhook_secrets(value)
        return value

    @property
    def webhook_keys(self) -> tuple[bytes, ...]:
        """The HMAC keys of the configured ingest secrets (empty: signed ingestion is off)."""
        return parse_webhook_secrets(self.webhook_secret)


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
