"""Standard Webhooks signatures: verify what comes in, sign what goes out.

    verify(keys, headers, raw_body)                    # raises InvalidSignature, else returns None
    headers = signed_headers(secret, "msg_1", body)    # webhook-id, webhook-timestamp, webhook-signature

A signature is `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">`, keyed with the
base64-decoded part of a `whsec_...` secret (https://www.standardwebhooks.com); the `standardwebhooks`
package computes it, both ways. The header may carry several signatures separated by spaces, and several
secrets may be configured during a rotation: a request passes when any signature matches any key. Every
pair is compared, in constant time, so the time taken does not tell which key or which signature came
close. Verification runs on the raw bytes, before any parsing.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from standardwebhooks.webhooks import Webhook

from app.config import parse_webhook_secrets
from app.errors import TallyError

TOLERANCE_SECONDS = 5 * 60


class InvalidSignature(TallyError):
    """Missing or wrong signature headers, or a timestamp outside the tolerance."""

    status, slug, title = 401, "invalid-signature", "Webhook signature not accepted"


class SigningNotConfigured(TallyError):
    """No `TALLY_WEBHOOK_SECRET`: unsigned requests are refused rather than trusted."""

    status, slug, title = 503, "webhook-secret-missing", "Signed ingestion is not configured"


def sign(key: bytes, webhook_id: str, timestamp: int, body: bytes) -> str:
    """The `v1,<base64>` signature of `body` (UTF-8 text) sent at `timestamp` (Unix seconds), by the package.

    >>> sign(b"secret", "msg_1", 1700000000, b"{}")
    'v1,A5oIrJxXPB/PkULSoVu0e4khvPiqpF9vljmhkSKg0FI='
    """
    return Webhook(key).sign(webhook_id, datetime.fromtimestamp(timestamp, UTC), body.decode("utf-8"))


def _presented(header: str) -> list[bytes]:
    """The decodable `v1,` signatures of a webhook-signature header (others are ignored)."""
    found: list[bytes] = []
    for part in header.split():
        version, _, encoded = part.partition(",")
        if version != "v1":
            continue
        try:
            found.append(base64.b64decode(encoded, validate=True))
        except (binascii.Error, ValueError):
            continue
    return found


def verify(
    keys: Sequence[bytes], headers: Mapping[str, str], body: bytes, *, now: float | None = None
) -> str:
    """Check the Standard Webhooks headers of `body`; return the webhook-id, or raise InvalidSignature.

    `headers` must be case-insensitive (Starlette's are) or lower-case.
    """
    if not keys:
        raise SigningNotConfigured("set TALLY_WEBHOOK_SECRET (whsec_...) to accept signed ingestion")
    webhook_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    header = headers.get("webhook-signature")
    missing = [
        name
        for name, value in (
            ("webhook-id", webhook_id),
            ("webhook-timestamp", timestamp),
            ("webhook-signature", header),
        )
        if not value
    ]
    if missing or webhook_id is None or timestamp is None or header is None:
        raise InvalidSignature(f"missing header{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    if not timestamp.isascii() or not timestamp.isdigit():
        raise InvalidSignature("webhook-timestamp must be whole seconds since the Unix epoch")
    skew = int(timestamp) - (time.time() if now is None else now)
    if abs(skew) > TOLERANCE_SECONDS:
        raise InvalidSignature(
            f"webhook-timestamp is {abs(int(skew))} s in the {'future' if skew > 0 else 'past'}; "
            f"at most {TOLERANCE_SECONDS} s are tolerated"
        )
    try:
        signed = [sign(key, webhook_id, int(timestamp), body) for key in keys]
    except UnicodeDecodeError:
        raise InvalidSignature("the body is not UTF-8 text, so it cannot carry a signature") from None
    expected = [base64.b64decode(s.partition(",")[2]) for s in signed]
    matched = False
    for given in _presented(header):
        for wanted in expected:
            matched |= hmac.compare_digest(wanted, given)
    if not matched:
        raise InvalidSignature("no signature in webhook-signature matches the body with a configured secret")
    return webhook_id


def signed_headers(secret: str, webhook_id: str, body: bytes, *, now: float | None = None) -> dict[str, str]:
    """The Standard Webhooks headers for sending `body` signed with the `whsec_...` `secret`."""
    timestamp = int(time.time() if now is None else now)
    signatures = " ".join(sign(key, webhook_id, timestamp, body) for key in parse_webhook_secrets(secret))
    return {"webhook-id": webhook_id, "webhook-timestamp": str(timestamp), "webhook-signature": signatures}
