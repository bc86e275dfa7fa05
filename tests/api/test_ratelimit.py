"""Rate limiting per API key, per client address when open (issue 12): 429 with Retry-After and the
RateLimit-* headers; off unless TALLY_RATE_LIMIT is set."""

from __future__ import annotations


def test_no_rate_limit_by_default(client):
    response = client.get("/v1/articles")
    assert response.status_code == 200 and "ratelimit-limit" not in response.headers


def test_an_open_api_limits_per_client_address(make_client):
    client = make_client(rate_limit="3/minute")
    answers = [client.get("/v1/stories") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers["ratelimit-remaining"] for a in answers[:3]] == ["2", "1", "0"]
    assert answers[0].headers["ratelimit-limit"] == "3" and answers[0].headers["ratelimit-policy"] == "3;w=60"
    refused = answers[3]
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"].endswith("rate-limited")
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert 0 <= int(refused.headers["ratelimit-reset"]) <= 60
    assert client.get("/healthz").status_code == 200  # probes are never limited


def test_each_api_key_has_its_own_budget(make_client):
    client = make_client(rate_limit="2/minute", api_keys="desk:rw, dash:ro")
    desk = {"X-API-Key": "desk"}
    dash = {"Authorization": "Bearer dash"}
    assert [client.get("/v1/stories", headers=desk).status_code for _ in range(3)] == [200, 200, 429]
    assert [client.get("/v1/stories", headers=dash).status_code for _ in range(2)] == [200, 200]


def test_an_unknown_key_is_counted_by_address_not_by_key(make_client):
    client = make_client(rate_limit="2/minute", api_keys="desk:rw")
    guesses = [client.get("/v1/stories", headers={"X-API-Key": f"guess-{n}"}).status_code for n in range(3)]
    assert guesses == [401, 401, 429]  # inventing keys does not buy a fresh budget
