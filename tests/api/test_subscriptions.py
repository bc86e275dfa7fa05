"""Subscriptions: create (secret generated and shown once), list, get, delete, deliveries; refusals."""

from __future__ import annotations

import pytest

from app.config import parse_webhook_secrets

HOOK = "http://127.0.0.1:18199/hook"


@pytest.fixture
def api(make_client):
    return make_client(webhook_allow_private_targets=True, worker_enabled=False)


def test_a_subscription_gets_a_generated_secret_shown_once(api):
    response = api.post("/v1/subscriptions", json={"url": HOOK, "events": ["finding.discrepancy"]})
    assert response.status_code == 201
    created = response.json()
    assert created["secret"].startswith("whsec_") and len(parse_webhook_secrets(created["secret"])[0]) == 32
    assert response.headers["location"] == f"/v1/subscriptions/{created['id']}"
    shown = api.get(f"/v1/subscriptions/{created['id']}").json()
    assert "secret" not in shown and shown["active"] is True
    listed = api.get("/v1/subscriptions").json()
    assert listed["total"] == 1 and "secret" not in listed["items"][0]


def test_a_given_secret_is_kept(api):
    secret = "whsec_" + "c2l4dGVlbi1ieXRlcy1hdC1sZWFzdA=="
    created = api.post("/v1/subscriptions", json={"url": HOOK, "events": ["story.updated"], "secret": secret})
    assert created.json()["secret"] == secret


@pytest.mark.parametrize(
    "body",
    [
        {"url": HOOK, "events": []},
        {"url": HOOK, "events": ["finding.everything"]},
        {"url": HOOK, "events": ["story.updated"], "secret": "plain-password"},
        {"url": HOOK, "events": ["story.updated"], "secret": "whsec_c2hvcnQ="},
        {"events": ["story.updated"]},
    ],
)
def test_invalid_subscriptions_are_422(api, body):
    response = api.post("/v1/subscriptions", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert api.get("/v1/subscriptions").json()["total"] == 0


def test_private_targets_are_refused_unless_allowed(make_client):
    strict = make_client(worker_enabled=False)
    response = strict.post("/v1/subscriptions", json={"url": HOOK, "events": ["story.updated"]})
    assert response.status_code == 422
    assert response.json()["type"] == "urn:tally:problem:refused-target"
    assert strict.get("/v1/subscriptions").json()["total"] == 0


def test_delete_removes_the_subscription_and_its_deliveries(api):
    created = api.post("/v1/subscriptions", json={"url": HOOK, "events": ["story.updated"]}).json()
    assert api.get(f"/v1/subscriptions/{created['id']}/deliveries").json() == {"items": [], "total": 0}
    assert api.delete(f"/v1/subscriptions/{created['id']}").status_code == 204
    assert api.get(f"/v1/subscriptions/{created['id']}").status_code == 404
    assert api.get(f"/v1/subscriptions/{created['id']}/deliveries").status_code == 404
    assert api.delete(f"/v1/subscriptions/{created['id']}").status_code == 404


def test_read_only_keys_cannot_subscribe(make_client):
    api = make_client(
        api_keys="reader:ro writer:rw", webhook_allow_private_targets=True, worker_enabled=False
    )
    body = {"url": HOOK, "events": ["story.updated"]}
    assert api.post("/v1/subscriptions", json=body, headers={"X-API-Key": "reader"}).status_code == 403
    assert api.post("/v1/subscriptions", json=body, headers={"X-API-Key": "writer"}).status_code == 201
    assert api.get("/v1/subscriptions").status_code == 401
