"""POST/GET /v1/articles: idempotent ingest, revisions, lists, claims."""

from __future__ import annotations

from tests.factories import FERRY_DAILY, FERRY_DAILY_CORRECTED, FERRY_WIRE, article


def test_new_article_is_201_with_location(client):
    response = client.post("/v1/articles", json=article("wire-1"))
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["id"] == "wire-1" and data["outcome"] == "created" and data["revision"] == 1
    assert response.headers["location"] == "/v1/articles/wire-1"
    assert data["story_id"] and data["claim_count"] > 0
    assert data["published_at"] == "2025-05-13"


def test_same_url_and_text_is_200_and_stores_nothing_new(client):
    first = client.post("/v1/articles", json=article("wire-1")).json()
    again = client.post("/v1/articles", json=article("wire-1"))
    assert again.status_code == 200
    assert again.json()["outcome"] == "unchanged"
    assert again.json()["id"] == first["id"] and again.json()["revision"] == 1
    assert client.get("/v1/articles").json()["total"] == 1


def test_same_url_without_id_finds_the_same_article(client):
    created = client.post("/v1/articles", json=article(None, url="https://wire.example/ferry")).json()
    assert created["id"].startswith("art_")
    again = client.post("/v1/articles", json=article(None, url="https://wire.example/ferry"))
    assert again.status_code == 200 and again.json()["id"] == created["id"]


def test_changed_text_adds_a_revision_and_keeps_the_old_one(client):
    client.post("/v1/articles", json=article("daily-1", text=FERRY_DAILY))
    response = client.post("/v1/articles", json=article("daily-1", text=FERRY_DAILY_CORRECTED))
    assert response.status_code == 201
    assert response.json()["outcome"] == "revised" and response.json()["revision"] == 2
    detail = client.get("/v1/articles/daily-1").json()
    assert detail["text"] == FERRY_DAILY_CORRECTED
    assert [r["number"] for r in detail["revisions"]] == [1, 2]
    assert [r["text"] for r in detail["revisions"]] == [FERRY_DAILY, FERRY_DAILY_CORRECTED]
    old_claims = client.get("/v1/articles/daily-1/claims", params={"revision": 1}).json()
    assert old_claims["total"] == detail["revisions"][0]["claim_count"]
    for claim in old_claims["items"]:
        assert FERRY_DAILY[claim["start"] : claim["end"]] == claim["text"]


def test_article_without_url_is_known_by_source_and_text(client):
    body = article(None, url=None)
    first = client.post("/v1/articles", json=body)
    second = client.post("/v1/articles", json=body)
    assert first.status_code == 201 and second.status_code == 200
    assert first.json()["id"] == second.json()["id"]


def test_id_taken_by_another_url_is_409(client):
    client.post("/v1/articles", json=article("same-id", url="https://a.example/1"))
    response = client.post("/v1/articles", json=article("same-id", url="https://b.example/2"))
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"


def test_list_is_newest_first_with_total_and_paging(client):
    for n, day in enumerate(["2025-05-11", "2025-05-13", "2025-05-12"]):
        client.post("/v1/articles", json=article(f"a{n}", published_at=day, text=f"{FERRY_WIRE} Day {n}."))
    page = client.get("/v1/articles", params={"limit": 2}).json()
    assert page["total"] == 3
    assert [a["id"] for a in page["items"]] == ["a1", "a2"]
    rest = client.get("/v1/articles", params={"limit": 2, "offset": 2}).json()
    assert [a["id"] for a in rest["items"]] == ["a0"]


def test_list_filters_by_source_and_story(client):
    client.post("/v1/articles", json=article("w", source="Wire", story="ferry"))
    client.post("/v1/articles", json=article("d", source="Daily", text=FERRY_DAILY, story="ferry"))
    vote = article("o", source="Daily", text="Voters elected 45 councillors.", story="vote")
    client.post("/v1/articles", json=vote)
    daily = client.get("/v1/articles", params={"source": "Daily"}).json()
    assert {a["id"] for a in daily["items"]} == {"d", "o"} and daily["total"] == 2
    story = client.get("/v1/articles/w").json()["story_id"]
    in_story = client.get("/v1/articles", params={"story": story}).json()
    assert {a["id"] for a in in_story["items"]} == {"w", "d"}


def test_claims_of_an_article_slice_its_text(client):
    client.post("/v1/articles", json=article("wire-1"))
    claims = client.get("/v1/articles/wire-1/claims").json()
    assert claims["total"] == len(claims["items"]) > 0
    for claim in claims["items"]:
        assert claim["article_id"] == "wire-1"
        assert FERRY_WIRE[claim["start"] : claim["end"]] == claim["text"]


def test_unknown_article_is_404_problem(client):
    for path in ("/v1/articles/nope", "/v1/articles/nope/claims"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert "nope" in response.json()["detail"]


def test_unknown_revision_is_404(client):
    client.post("/v1/articles", json=article("wire-1"))
    assert client.get("/v1/articles/wire-1/claims", params={"revision": 9}).status_code == 404


def test_invalid_article_id_is_422(client):
    response = client.post("/v1/articles", json=article("has space", url="https://wire.example/x"))
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "#/id"


def test_empty_text_stores_nothing(client):
    response = client.post("/v1/articles", json=article("e", text=""))
    assert response.status_code == 422
    assert client.get("/v1/articles").json()["total"] == 0


def test_nul_in_text_is_422_and_stores_nothing(client):
    response = client.post("/v1/articles", json=article("n", text="212 passengers\u0000"))
    assert response.status_code == 422
    assert client.get("/v1/articles").json()["total"] == 0


def test_malformed_article_id_in_the_path_is_422(client):
    response = client.get("/v1/articles/has space")
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["path", "article_id"]
