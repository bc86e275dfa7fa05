"""OpenAPI documentation of what each route answers: an example of its success, and one example per problem
type it can answer (problem+json; `app.main` moves them from application/json to application/problem+json).

    @router.get(..., responses={**example(examples.STORY_LIST), **problems(*READ, 404)})
"""

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

# One example per problem type (`urn:tally:problem:<slug>`): status, title, detail (see app/errors.py and
# the TallyError subclasses of app/services; a test checks that every type has its example here).
PROBLEM_EXAMPLES: dict[str, tuple[int, str, str]] = {
    "invalid-encoding": (
        400,
        "Body is not valid UTF-8",
        "byte 117 of the body is not valid UTF-8 (invalid start byte)",
    ),
    "malformed-webhook-body": (
        400,
        "Malformed webhook body",
        "the body is not JSON: Expecting value: line 1 column 1",
    ),
    "unauthorized": (
        401,
        "Missing or unknown API key",
        "this API needs a key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
    ),
    "invalid-signature": (
        401,
        "Webhook signature not accepted",
        "no signature in webhook-signature matches the body with a configured secret",
    ),
    "forbidden": (
        403,
        "Not allowed with this API key",
        "this key is read-only; changing stored data needs a read-write key (KEY:rw)",
    ),
    "not-found": (404, "Not found", "no story with id 'st_000000000000'"),
    "conflict": (409, "Conflict", "article id 'wire-1' already belongs to https://wire.example/ferry"),
    "body-too-large": (
        413,
        "Request body too large",
        "the body has 6291456 bytes or more; the limit is 5242880 bytes (TALLY_MAX_BODY_BYTES)",
    ),
    "too-many-articles": (
        413,
        "Too many articles",
        "501 articles in one request; the limit is 500 (TALLY_MAX_ARTICLES)",
    ),
    "validation-error": (
        422,
        "Invalid request",
        "1 invalid field: articles.0.text: Value error, the text is empty",
    ),
    "refused-target": (
        422,
        "Webhook URL not allowed",
        "localhost resolves to 127.0.0.1, a private or loopback address; "
        "set TALLY_WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow it",
    ),
    "budget-exceeded": (
        413,
        "Request over the work budget",
        "the request holds 5120000 characters of text; the limit is 1000000 (TALLY_MAX_REQUEST_CHARS): "
        "send fewer or shorter articles per request",
    ),
    "malformed-json": (400, "Malformed JSON", "the JSON body nests arrays or objects too deeply"),
    "body-timeout": (
        408,
        "Request body not received in time",
        "the body did not arrive within 30 s (TALLY_BODY_TIMEOUT)",
    ),
    "rate-limited": (
        429,
        "Too many requests",
        "more than 120 requests in 60 s (TALLY_RATE_LIMIT); retry in 17 s",
    ),
    "client-closed-request": (499, "Client closed the request", "the client disconnected"),
    "deadline-exceeded": (
        503,
        "Work stopped at its deadline",
        "the work ran past its deadline of 20 s (TALLY_WORK_DEADLINE); retry later or send less",
    ),
    "not-ready": (
        503,
        "Service not ready",
        "the database schema is at 0002, not 0004: run `alembic upgrade head`",
    ),
    "overloaded": (
        503,
        "Service overloaded",
        "no database connection came free in time (TALLY_DATABASE_POOL_SIZE, TALLY_DATABASE_POOL_TIMEOUT); "
        "try again later",
    ),
    "webhook-secret-missing": (
        503,
        "Signed ingestion is not configured",
        "set TALLY_WEBHOOK_SECRET (whsec_...) to accept signed ingestion",
    ),
}
# Which problem types a status stands for on ordinary routes (the webhook route names its own).
_TYPES_OF = {
    400: ("invalid-encoding",),
    401: ("unauthorized",),
    403: ("forbidden",),
    404: ("not-found",),
    409: ("conflict",),
    413: ("body-too-large", "too-many-articles", "budget-exceeded"),
    422: ("validation-error",),
    503: ("not-ready",),
}


def problem_example(slug: str, instance: str = "/v1/stories/st_000000000000") -> dict[str, Any]:
    """The example problem document of type `slug`."""
    status, title, detail = PROBLEM_EXAMPLES[slug]
    body: dict[str, Any] = {
        "type": f"urn:tally:problem:{slug}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
    }
    if slug == "validation-error":
        body["errors"] = [
            {
                "loc": ["body", "articles", 0, "text"],
                "pointer": "#/articles/0/text",
                "detail": "Value error, the text is empty",
                "type": "value_error",
            }
        ]
    return body


def problem_response(description: str, slugs: tuple[str, ...]) -> dict[str, Any]:
    """One `responses=` entry: a Problem answer with a named example per problem type."""
    return {
        "model": Problem,
        "description": description,
        "content": {
            "application/json": {"examples": {slug: {"value": problem_example(slug)} for slug in slugs}}
        },
    }


def problems(
    *statuses: int, types: dict[int, tuple[str, ...]] | None = None
) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries documenting problem+json answers for `statuses` (`types` overrides which
    problem types a status stands for)."""
    chosen = {**_TYPES_OF, **(types or {})}
    return {status: problem_response(_TEXT[status], chosen[status]) for status in statuses}


def example(value: Any, status: int = 200, description: str | None = None) -> dict[int | str, dict[str, Any]]:
    """A `responses=` entry showing `value` as the example of the success answer."""
    entry: dict[str, Any] = {"content": {"application/json": {"example": value}}}
    if description:
        entry["description"] = description
    return {status: entry}


READ = (401, 422)
DEADLINE = {
    503: problem_response(
        "The work ran past TALLY_WORK_DEADLINE and was stopped; retry after `Retry-After` s",
        ("deadline-exceeded",),
    )
}
