"""OpenAPI documentation of the problem+json error responses each route can answer."""

from __future__ import annotations

from typing import Any

from app.schemas import Problem

_TEXT = {
    400: "Malformed body (e.g. not valid UTF-8)",
    401: "Missing or unknown API key",
    403: "Read-only API key on a route that stores",
    404: "Not found",
    409: "Conflicting article identity",
    413: "Body larger than TALLY_MAX_BODY_BYTES, or more articles than TALLY_MAX_ARTICLES",
    422: "Invalid fields (each named in `errors`)",
    503: "Not ready",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries documenting problem+json answers for `statuses`."""
    return {status: {"model": Problem, "description": _TEXT[status]} for status in statuses}


READ = (401, 422)
