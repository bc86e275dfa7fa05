"""Every error is RFC 9457 problem+json: size limit, encoding, unknown routes, wrong methods."""

from __future__ import annotations

import json

from tests.factories import article

PROBLEM_FIELDS = {"type", "title", "status", "detail"}
JSON = {"content-type": "application/json"}


def _is_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) >= PROBLEM_FIELDS and body["status"] == status
    return body


def test_body_over_the_limit_is_413(make_client):
    client = make_client(max_body_bytes=1000)
    body = {"articles": [article("big", text="212 passengers. " * 100)]}
    problem = _is_problem(client.post("/v1/check", json=body), 413)
    assert problem["type"].endswith("body-too-large") and "1000" in problem["detail"]


def test_chunked_body_over_the_limit_is_413(make_client):
    client = make_client(max_body_bytes=1000)
    payload = json.dumps({"articles": [article("big", text="x" * 5000)]}).encode()

    def chunks():
        for i in range(0, len(payload), 256):
            yield payload[i : i + 256]

    response = client.post("/v1/articles", content=chunks(), headers=JSON)
    _is_problem(response, 413)
    assert client.get("/v1/articles").json()["total"] == 0


def test_body_at_the_limit_passes(make_client):
    payload = json.dumps({"text": "The ferry carried 212 passengers."}).encode()
    client = make_client(max_body_bytes=len(payload))
    assert client.post("/v1/extract", content=payload, headers=JSON).status_code == 200


def test_invalid_utf8_is_400_and_stores_nothing(client):
    payload = json.dumps(article("latin", text="caf\u00e9 with 12 tables"), ensure_ascii=False).encode()
    payload = payload.replace("\u00e9".encode(), b"\xe9")  # Latin-1, not UTF-8
    response = client.post("/v1/articles", content=payload, headers=JSON)
    problem = _is_problem(response, 400)
    assert problem["type"].endswith("invalid-encoding")
    assert client.get("/v1/articles").json()["total"] == 0


def test_malformed_json_is_422_with_position(client):
    response = client.post("/v1/check", content=b'{"articles": [', headers=JSON)
    problem = _is_problem(response, 422)
    assert problem["errors"][0]["type"] == "json_invalid"


def test_unknown_route_is_404_problem(client):
    assert _is_problem(client.get("/v1/nothing-here"), 404)["type"] == "about:blank"


def test_wrong_method_is_405_problem_with_allow(client):
    response = client.delete("/v1/check")
    _is_problem(response, 405)
    assert "POST" in response.headers["allow"]


def test_query_validation_names_the_parameter(client):
    problem = _is_problem(client.get("/v1/articles", params={"limit": 0}), 422)
    assert problem["errors"][0]["loc"] == ["query", "limit"]
    assert "pointer" not in problem["errors"][0]


def test_unexpected_failure_is_500_problem_without_internals(tmp_path):
    from fastapi.testclient import TestClient

    from app.config import Settings
    from app.main import create_app

    unmigrated = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'bare.db'}")  # type: ignore[call-arg]
    with TestClient(create_app(unmigrated), raise_server_exceptions=False) as client:
        response = client.get("/v1/articles")
    problem = _is_problem(response, 500)
    assert "articles" not in problem["detail"] and "sqlite" not in problem["detail"].lower()
