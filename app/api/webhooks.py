"""Signed ingestion (`POST /v1/webhooks/ingest`) and the documentation of the events Tally sends out.

The route is authenticated by its Standard Webhooks signature, not by an API key: the raw body is verified
before it is parsed, then stored with a job per article, and answered at once with 202.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Request, Response

from app.api import examples
from app.api.deps import SessionDep, SettingsDep
from app.api.responses import problem_response
from app.services import signatures
from app.services.webhook_bodies import articles_of, parse_json
from app.services.webhook_ingest import accept
from app.services.work import check_sizes
from app.webhook_schemas import EVENT_TYPES, EventPayload, WebhookAccepted

router = APIRouter(prefix="/webhooks", tags=["webhooks"])

_ARTICLE = {"$ref": "#/components/schemas/ArticleCreate"}
_NINJS = {
    "type": "object",
    "title": "NinjsItem",
    "description": "An IPTC ninjs item, 3.x (camelCase) or 2.x (lower case: versioncreated, headline, "
    "body_text, body_html)",
    "required": ["uri"],
    "properties": {
        "uri": {
            "type": "string",
            "description": "the article's identity: an http(s) URI is stored as its `url`; another URI "
            "(urn:newsml:...) becomes its `id` (the URI made id-safe, and 8 hex digits of its SHA-256)",
        },
        "headline": {"type": "string", "description": "ninjs 2.x; HTML tags are stripped, entities decoded"},
        "versionCreated": {"type": "string", "format": "date-time"},
        "headlines": {"type": "array", "items": {"type": "object"}},
        "bodies": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "contentType": {"type": "string", "enum": ["text/plain", "text/html"]},
                    "value": {"type": "string"},
                },
            },
        },
        "infoSources": {"type": "array", "items": {"type": "object"}},
    },
}
_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "example": examples.WEBHOOK_BODY,
            "schema": {
                "oneOf": [
                    _ARTICLE,
                    _NINJS,
                    {"type": "array", "items": {"anyOf": [_ARTICLE, _NINJS]}},
                    {
                        "type": "object",
                        "required": ["articles"],
                        "properties": {"articles": {"type": "array", "items": {"anyOf": [_ARTICLE, _NINJS]}}},
                    },
                ]
            },
        }
    },
}


_PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: problem_response(text, slugs)
    for status, (text, slugs) in {
        400: (
            "Malformed body (not JSON, not an article, a batch or a ninjs item), or a bad webhook-id",
            ("malformed-webhook-body", "invalid-encoding"),
        ),
        401: ("Missing or wrong signature, or a timestamp more than 5 minutes away", ("invalid-signature",)),
        409: ("The webhook-id was already used for a different body", ("conflict",)),
        413: (
            "Body larger than TALLY_MAX_BODY_BYTES, or texts over TALLY_MAX_TEXT_CHARS (per article) or "
            "TALLY_MAX_REQUEST_CHARS (in all)",
            ("body-too-large", "budget-exceeded"),
        ),
        422: ("An article of the body breaks a rule (each named in `errors`)", ("validation-error",)),
        503: ("No TALLY_WEBHOOK_SECRET configured: signed ingestion is off", ("webhook-secret-missing",)),
    }.items()
}


async def raw_body(request: Request) -> bytes:
    """The body exactly as sent (signatures are computed over these bytes)."""
    return await request.body()


def _header(name: str, description: str) -> Any:
    return Header(alias=name, description=description)


@router.post(
    "/ingest",
    operation_id="ingest_webhook",
    status_code=202,
    response_model=WebhookAccepted,
    responses={
        202: {
            "description": "Accepted: stored, queued for processing (a redelivery gets the same answer)",
            "content": {"application/json": {"example": examples.WEBHOOK_ACCEPTED}},
        },
        **_PROBLEMS,
    },
    openapi_extra={"requestBody": _BODY},
    summary="Ingest articles from a signed webhook",
)
def ingest_webhook(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    body: Annotated[bytes, Depends(raw_body)],
    webhook_id: Annotated[str | None, _header("webhook-id", "unique message id (idempotency key)")] = None,
    webhook_timestamp: Annotated[
        str | None, _header("webhook-timestamp", "Unix seconds; refused beyond 5 minutes")
    ] = None,
    webhook_signature: Annotated[
        str | None, _header("webhook-signature", "v1,<base64 HMAC-SHA256>, space-separated")
    ] = None,
) -> WebhookAccepted:
    """Verify the Standard Webhooks signature on the raw body (secrets: `TALLY_WEBHOOK_SECRET`), then store
    one article, a batch (`[...]` or `{"articles": [...]}`) or IPTC ninjs items, each with a processing
    job, and answer 202 with links to the stored articles. A worker groups them into stories and computes
    findings. Replaying a `webhook-id` returns the first answer and stores nothing."""
    # the header parameters document the route; verify() reads them from the raw request with the body
    webhook_id = signatures.verify(settings.webhook_keys, request.headers, body)
    data = parse_json(body)
    articles = articles_of(data, settings.max_articles)
    check_sizes([a.text for a in articles], settings)
    answer, replayed = accept(session, webhook_id, body, articles)
    if replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return answer


_EVENT_TEXT = {
    "finding.discrepancy": "A new discrepancy in a story: sources state incompatible values for one fact.",
    "finding.correction": "A new correction: an article changed or retracted a figure it had published.",
    "finding.agreement": "A new agreement: independent sources state the same value for one fact.",
    "finding.updated": "A finding changed: it gained or changed a side (a new outlet states a figure, an "
    "article's figure was revised); `finding_type` says which kind of finding, `reason` is its new reason.",
    "story.updated": "A story was recomputed after an article arrived; `new_findings` counts what appeared, "
    "`updated_findings` what changed.",
    "story.merged": "Two stories were found to report one event: `story_id` is gone, its articles and "
    "findings (same finding ids) now belong to `merged_into`.",
}
_DELIVERY = (
    " Sent as a POST to each subscription that asked for it, signed with the subscription's secret "
    "(Standard Webhooks headers webhook-id, webhook-timestamp, webhook-signature); the webhook-id stays the "
    "same across retries. Answer 2xx to acknowledge."
)


def document_events(app: FastAPI) -> None:
    """List the outgoing events in the OpenAPI `webhooks` section (one POST per event type)."""

    def receive(body: EventPayload) -> None:
        """What the subscriber receives."""

    for event in EVENT_TYPES:
        app.webhooks.post(
            event,
            operation_id=f"event_{event.replace('.', '_')}",
            summary=f"{event} event",
            description=_EVENT_TEXT[event] + _DELIVERY,
            openapi_extra={
                "requestBody": {"content": {"application/json": {"example": examples.event(event)}}}
            },
            responses={
                200: {"description": "Acknowledged (any 2xx)"},
                "4XX": {"description": "Not acknowledged: retried later; 410 Gone disables the subscription"},
                "5XX": {"description": "Not acknowledged: retried later with exponential backoff"},
            },
        )(receive)
