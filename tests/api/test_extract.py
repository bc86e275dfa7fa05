"""POST /v1/extract: the claims of one text."""

from __future__ import annotations

from tests.factories import FERRY_WIRE


def test_extract_returns_claims_with_offsets_into_the_text(client):
    response = client.post("/v1/extract", json={"text": FERRY_WIRE, "published_at": "2025-05-13"})
    assert response.status_code == 200, response.text
    claims = response.json()["claims"]
    assert claims
    for claim in claims:
        assert FERRY_WIRE[claim["start"] : claim["end"]] == claim["text"]
        assert claim["article_id"] is None
        assert claim["sentence"] == FERRY_WIRE[claim["sentence_start"] : claim["sentence_end"]]
    assert len({c["id"] for c in claims}) == len(claims)


def test_extract_without_publication_date(client):
    response = client.post("/v1/extract", json={"text": "The ferry carried 212 passengers."})
    assert response.status_code == 200


def test_extract_refuses_empty_text(client):
    response = client.post("/v1/extract", json={"text": ""})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["pointer"] == "#/text"


def test_extract_refuses_unknown_fields(client):
    response = client.post("/v1/extract", json={"text": "12 boats", "lang": "en"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "#/lang"
