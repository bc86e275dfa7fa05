"""POST /v1/check: a report of submitted articles, stored nowhere."""

from __future__ import annotations

import json

from sqlmodel import Session, func, select

from app import models
from app.db import make_database
from tests.canon import public_like_articles
from tests.factories import FERRY_DAILY, FERRY_WIRE, article


def test_check_answers_articles_stories_claims_findings(client):
    body = {"articles": [article("wire"), article("daily", source="Daily", text=FERRY_DAILY)]}
    response = client.post("/v1/check", json=body)
    assert response.status_code == 200, response.text
    data = response.json()
    assert set(data) == {"articles", "stories", "claims", "findings"}
    assert [a["id"] for a in data["articles"]] == ["wire", "daily"]
    texts = {"wire": FERRY_WIRE, "daily": FERRY_DAILY}
    assert data["claims"], "the ferry articles state several quantities"
    for claim in data["claims"]:
        assert texts[claim["article_id"]][claim["start"] : claim["end"]] == claim["text"]
        assert {"nominal", "low", "high", "unit", "qualifier"} <= set(claim["value"])
    claim_ids = {c["id"] for c in data["claims"]}
    assert len(claim_ids) == len(data["claims"])
    for finding in data["findings"]:
        assert finding["type"] in {"agreement", "discrepancy", "correction"}
        assert set(finding["claims"]) <= claim_ids
        assert finding["reason"]
    story_members = {aid for story in data["stories"] for aid in story["article_ids"]}
    assert story_members == {"wire", "daily"}


def test_check_counts_claims_per_article(client):
    data = client.post("/v1/check", json={"articles": [article("wire")]}).json()
    assert data["articles"][0]["claim_count"] == len(data["claims"])


def test_check_accepts_date_time_and_null_publication(client):
    body = {
        "articles": [
            article("a", published_at="2025-05-13T08:30:00+02:00"),
            article("b", published_at=None, url=None, title=None),
        ]
    }
    response = client.post("/v1/check", json=body)
    assert response.status_code == 200, response.text
    published = [a["published_at"] for a in response.json()["articles"]]
    assert published[0].startswith("2025-05-13T08:30:00") and published[1] is None


def test_check_stores_nothing(client, database_url):
    assert client.post("/v1/check", json={"articles": [article("wire")]}).status_code == 200
    db = make_database(database_url)
    with Session(db) as session:
        assert session.exec(select(func.count()).select_from(models.Article)).one() == 0
        assert session.exec(select(func.count()).select_from(models.Claim)).one() == 0
    db.dispose()


def test_check_refuses_duplicate_ids_naming_each_repeat(client):
    body = {"articles": [article("x"), article("y"), article("x", source="Other")]}
    response = client.post("/v1/check", json=body)
    assert response.status_code == 422
    problem = response.json()
    assert problem["errors"][0]["pointer"] == "#/articles/2/id"
    assert "x" in problem["errors"][0]["detail"]


def test_check_refuses_more_articles_than_the_limit(make_client):
    client = make_client(max_articles=2)
    body = {"articles": [article(f"a{i}") for i in range(3)]}
    response = client.post("/v1/check", json=body)
    assert response.status_code == 413
    assert response.json()["type"].endswith("too-many-articles")
    assert "limit is 2" in response.json()["detail"]


def test_check_refuses_empty_article_text(client):
    response = client.post("/v1/check", json={"articles": [article("a"), article("b", text="  \n ")]})
    assert response.status_code == 422
    assert [e["pointer"] for e in response.json()["errors"]] == ["#/articles/1/text"]


def test_check_refuses_an_empty_list(client):
    response = client.post("/v1/check", json={"articles": []})
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "#/articles"


def test_check_refuses_a_bad_publication_date(client):
    response = client.post("/v1/check", json={"articles": [article("a", published_at="13/05/2025")]})
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "#/articles/0/published_at"


def test_articles_in_reverse_order_give_byte_identical_findings(client):
    articles = public_like_articles()
    forward = client.post("/v1/check", json={"articles": articles})
    backward = client.post("/v1/check", json={"articles": articles[::-1]})
    assert forward.status_code == backward.status_code == 200

    def findings(response) -> list[bytes]:
        return sorted(json.dumps(f, sort_keys=True).encode() for f in response.json()["findings"])

    assert len(findings(forward)) > 30
    assert findings(forward) == findings(backward)
    assert forward.json()["stories"] == backward.json()["stories"]  # the same stories, ids and order too
