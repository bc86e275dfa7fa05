"""Access control: open without TALLY_API_KEYS; with keys, every /v1 route needs one; ro keys cannot store."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.config import Settings, parse_api_keys
from tests.factories import article

KEYS = "writer-secret:rw, reader-secret:ro"


@pytest.fixture
def locked(make_client):
    return make_client(api_keys=KEYS)


def test_open_without_keys(client):
    assert client.post("/v1/articles", json=article("a")).status_code == 201


def test_missing_key_is_401_problem_with_challenge(locked):
    for method, path, body in [
        ("GET", "/v1/articles", None),
        ("GET", "/v1/stories", None),
        ("POST", "/v1/check", {"articles": [article("a")]}),
        ("POST", "/v1/extract", {"text": "12 boats"}),
        ("POST", "/v1/articles", article("a")),
    ]:
        response = locked.request(method, path, json=body)
        assert response.status_code == 401, path
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")


def test_unknown_key_is_401(locked):
    response = locked.get("/v1/articles", headers={"Authorization": "Bearer writer-secret-not"})
    assert response.status_code == 401
    assert response.json()["detail"] == "the API key is not known"


def test_bearer_read_write_key_stores(locked):
    response = locked.post(
        "/v1/articles", json=article("a"), headers={"Authorization": "Bearer writer-secret"}
    )
    assert response.status_code == 201


def test_x_api_key_read_only_key_reads_and_checks(locked):
    headers = {"X-API-Key": "reader-secret"}
    assert locked.get("/v1/articles", headers=headers).status_code == 200
    assert locked.post("/v1/check", json={"articles": [article("a")]}, headers=headers).status_code == 200
    assert locked.post("/v1/extract", json={"text": "12 boats"}, headers=headers).status_code == 200


def test_read_only_key_cannot_store(locked):
    response = locked.post("/v1/articles", json=article("a"), headers={"X-API-Key": "reader-secret"})
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    listing = locked.get("/v1/articles", headers={"X-API-Key": "reader-secret"}).json()
    assert listing["total"] == 0


def test_probes_need_no_key(locked):
    assert locked.get("/healthz").status_code == 200
    assert locked.get("/readyz").status_code == 200


def test_key_format_parses_access_and_defaults_to_read_write():
    keys = parse_api_keys("a:rw b:ro,c")
    assert [(k.key, k.access) for k in keys] == [("a", "rw"), ("b", "ro"), ("c", "rw")]


def test_key_with_unknown_access_is_refused_at_startup():
    with pytest.raises(ValidationError):
        Settings(_env_file=None, api_keys="k:admin")  # type: ignore[call-arg]
