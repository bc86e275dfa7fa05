"""Standard Webhooks verification and signing, checked against the `standardwebhooks` package."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook

from app.config import parse_webhook_secrets
from app.services.signatures import InvalidSignature, SigningNotConfigured, signed_headers, verify
from tests.live import OLD_SECRET, SECRET

BODY = b'{"source": "Wire", "text": "212 passengers"}'
KEYS = parse_webhook_secrets(SECRET)


def package_headers(secret: str = SECRET, webhook_id: str = "msg_1", when: float | None = None) -> dict:
    stamp = datetime.fromtimestamp(int(time.time() if when is None else when), UTC)
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(stamp.timestamp())),
        "webhook-signature": Webhook(secret).sign(webhook_id, stamp, BODY.decode()),
    }


def test_a_body_signed_by_the_standardwebhooks_package_verifies():
    assert verify(KEYS, package_headers(), BODY) == "msg_1"


def test_our_signed_headers_verify_with_the_standardwebhooks_package():
    Webhook(SECRET).verify(BODY, signed_headers(SECRET, "msg_out", BODY), json_parse=False)


def test_signed_headers_keep_the_standard_webhooks_wire_format():
    """The three headers, Unix seconds, and `v1,` + base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"."""
    headers = signed_headers(SECRET, "msg_out", BODY, now=1_700_000_000.7)
    key = KEYS[0]
    mac = hmac.new(key, b"msg_out.1700000000." + BODY, hashlib.sha256).digest()
    assert headers == {
        "webhook-id": "msg_out",
        "webhook-timestamp": "1700000000",
        "webhook-signature": "v1," + base64.b64encode(mac).decode("ascii"),
    }


def test_several_secrets_sign_once_each_and_either_verifies():
    headers = signed_headers(f"{SECRET} {OLD_SECRET}", "msg_out", BODY)
    assert headers["webhook-signature"].count("v1,") == 2
    for secret in (SECRET, OLD_SECRET):
        Webhook(secret).verify(BODY, headers, json_parse=False)


def test_a_body_that_is_not_utf8_is_refused_not_crashed():
    headers = package_headers()
    with pytest.raises(InvalidSignature, match="UTF-8"):
        verify(KEYS, headers, b"\xff\xfe")


def test_any_configured_secret_verifies_during_a_rotation():
    both = parse_webhook_secrets(f"{SECRET} {OLD_SECRET}")
    assert verify(both, package_headers(OLD_SECRET), BODY) == "msg_1"
    with pytest.raises(InvalidSignature):
        verify(KEYS, package_headers(OLD_SECRET), BODY)


def test_any_of_several_signatures_in_the_header_may_match():
    headers = package_headers()
    wrong = package_headers(OLD_SECRET)["webhook-signature"]
    headers["webhook-signature"] = f"v2,abc {wrong} {headers['webhook-signature']}"
    assert verify(KEYS, headers, BODY) == "msg_1"


def test_a_changed_body_is_refused():
    with pytest.raises(InvalidSignature, match="no signature"):
        verify(KEYS, package_headers(), BODY.replace(b"212", b"213"))


def test_a_changed_webhook_id_is_refused():
    headers = package_headers()
    headers["webhook-id"] = "msg_2"
    with pytest.raises(InvalidSignature):
        verify(KEYS, headers, BODY)


@pytest.mark.parametrize("offset", [-301, 301])
def test_timestamps_beyond_five_minutes_are_refused(offset):
    now = time.time()
    with pytest.raises(InvalidSignature, match="tolerated"):
        verify(KEYS, package_headers(when=now + offset), BODY, now=now)


def test_timestamps_within_five_minutes_pass():
    now = time.time()
    assert verify(KEYS, package_headers(when=now - 290), BODY, now=now) == "msg_1"


@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_each_missing_header_is_named(missing):
    headers = package_headers()
    del headers[missing]
    with pytest.raises(InvalidSignature, match=missing):
        verify(KEYS, headers, BODY)


@pytest.mark.parametrize("garbage", ["v1", "v1,", "v1,not base64!", ",,,", "v1,YWJj", "🙂"])
def test_garbage_signatures_are_refused_without_crashing(garbage):
    headers = package_headers()
    headers["webhook-signature"] = garbage
    with pytest.raises(InvalidSignature):
        verify(KEYS, headers, BODY)


def test_a_non_numeric_timestamp_is_refused():
    headers = package_headers()
    headers["webhook-timestamp"] = "1.7e9"
    with pytest.raises(InvalidSignature, match="whole seconds"):
        verify(KEYS, headers, BODY)


def test_without_secrets_nothing_verifies():
    with pytest.raises(SigningNotConfigured):
        verify((), package_headers(), BODY)


def test_secrets_that_are_not_base64_are_refused_at_startup():
    with pytest.raises(ValueError, match="whsec_"):
        parse_webhook_secrets("whsec_***")
