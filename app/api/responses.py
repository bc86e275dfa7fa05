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
    413: "Body larger than TALLY_MAX_BODY_BYTES, more articles than TALLY_MAX_ARTICLES, or more work than "
    "the budget: text (TALLY_MAX_TEXT_CHARS per article, TALLY_MAX_REQUEST_CHARS in all), claims "
    "(TALLY_MAX_CLAIMS) or answer (TALLY_MAX_ANSWER_BYTES)",
    422: "Invalid fields (each named in `errors`)",
    503: "Not ready",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries documenting problem+json answers for `statuses`."""
    return {status: {"model": Problem, "description": _TEXT[status]} for status in statuses}


READ = (401, 422)
DEADLINE = {
    503: {
        "model": Problem,
        "description": "The work ran past TALLY_WORK_DEADLINE and was stopped; retry after `Retry-After` s",
    }
}
