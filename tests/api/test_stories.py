"""GET /v1/stories, /v1/stories/{id}, /v1/stories/{id}/report: served from what ingest stored."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tests.factories import FERRY_DAILY, FERRY_DAILY_CORRECTED, FERRY_WIRE, article


def _ingest_ferry(client, story: str | None = "ferry") -> str:
    extra = {"story": story} if story else {}
    wire = client.post("/v1/articles", json=article("wire", **extra)).json()
    daily = client.post(
        "/v1/articles", json=article("daily", source="Daily", text=FERRY_DAILY, **extra)
    ).json()
    assert wire["story_id"] == daily["story_id"]
    return wire["story_id"]


def _shape(findings, claims):
    """Findings as (type, sorted claim spans): comparable across id schemes."""
    span = {c["id"]: (c["article_id"], c["start"], c["end"]) for c in claims}
    return Counter((f["type"], tuple(sorted(span[i] for i in f["claims"]))) for f in findings)


def _cited(answer):
    """The spans of the claims the answer's findings rest on."""
    span = {c["id"]: (c["article_id"], c["start"], c["end"]) for c in answer["claims"]}
    return sorted({span[i] for f in answer["findings"] for i in f["claims"]})


def test_story_list_counts_articles_and_findings(client):
    story_id = _ingest_ferry(client)
    stories = client.get("/v1/stories").json()
    assert stories["total"] == 1
    item = stories["items"][0]
    assert item["id"] == story_id and item["key"] == "ferry" and item["article_count"] == 2
    report = client.get(f"/v1/stories/{story_id}/report").json()
    counted = Counter(f["type"] for f in report["findings"])
    assert item["findings"] == {t: counted.get(t, 0) for t in ("agreement", "discrepancy", "correction")}


def test_story_detail_lists_its_articles(client):
    story_id = _ingest_ferry(client)
    detail = client.get(f"/v1/stories/{story_id}").json()
    assert {a["id"] for a in detail["articles"]} == {"wire", "daily"}


def test_report_is_what_check_says_about_the_same_articles(client):
    story_id = _ingest_ferry(client)
    report = client.get(f"/v1/stories/{story_id}/report").json()
    checked = client.post(
        "/v1/check",
        json={
            "articles": [
                article("wire", story="ferry"),
                article("daily", source="Daily", text=FERRY_DAILY, story="ferry"),
            ]
        },
    ).json()
    texts = {"wire": FERRY_WIRE, "daily": FERRY_DAILY}
    for claim in report["claims"]:
        assert texts[claim["article_id"]][claim["start"] : claim["end"]] == claim["text"]
    assert _cited(report) == _cited(checked)
    assert _shape(report["findings"], report["claims"]) == _shape(checked["findings"], checked["claims"])
    for finding in report["findings"]:
        assert finding["story_id"] == story_id and finding["reason"]


def test_report_follows_a_new_revision(client):
    story_id = _ingest_ferry(client)
    revised = client.post(
        "/v1/articles", json=article("daily", source="Daily", text=FERRY_DAILY_CORRECTED, story="ferry")
    )
    assert revised.status_code == 201
    report = client.get(f"/v1/stories/{story_id}/report").json()
    daily_claims = [c for c in report["claims"] if c["article_id"] == "daily"]
    assert daily_claims
    for claim in daily_claims:
        assert FERRY_DAILY_CORRECTED[claim["start"] : claim["end"]] == claim["text"]
        assert claim["id"].startswith("daily:2:")
    ids = {c["id"] for c in report["claims"]}
    for finding in report["findings"]:
        assert set(finding["claims"]) <= ids


def test_findings_keep_their_ids_when_nothing_changed(client):
    story_id = _ingest_ferry(client)
    before = {f["id"] for f in client.get(f"/v1/stories/{story_id}/report").json()["findings"]}
    client.post(
        "/v1/articles", json=article("third", source="Third", text=FERRY_WIRE + " Extra.", story="ferry")
    )
    after = {f["id"] for f in client.get(f"/v1/stories/{story_id}/report").json()["findings"]}
    assert before <= after


def test_moving_an_article_to_another_key_recomputes_both_stories(client):
    story_id = _ingest_ferry(client)
    moved = client.post(
        "/v1/articles", json=article("daily", source="Daily", text=FERRY_DAILY, story="other")
    )
    assert moved.status_code == 200 and moved.json()["outcome"] == "unchanged"
    assert moved.json()["story_id"] != story_id
    report = client.get(f"/v1/stories/{story_id}/report").json()
    assert {a["id"] for a in report["articles"]} == {"wire"}
    assert all(
        c["article_id"] == "wire"
        for f in report["findings"]
        for c in report["claims"]
        if c["id"] in f["claims"]
    )


def test_articles_without_key_of_one_event_share_a_story(client):
    story_id = _ingest_ferry(client, story=None)
    assert client.get(f"/v1/stories/{story_id}").json()["article_count"] == 2


def test_unknown_story_is_404_problem(client):
    for path in ("/v1/stories/st_nope", "/v1/stories/st_nope/report"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


def test_story_list_pages(client):
    for n in range(3):
        client.post("/v1/articles", json=article(f"a{n}", story=f"key-{n}", text=f"{FERRY_WIRE} Part {n}."))
    page = client.get("/v1/stories", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 1


def test_report_of_the_seed_stories_is_what_check_says(client):
    """Richer texts (the project's seeds): the report built from stored claims equals a fresh check."""
    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.json"))
    articles = [json.loads(p.read_text(encoding="utf-8")) for p in seeds]
    assert len(articles) >= 3
    for body in articles:
        assert client.post("/v1/articles", json={**body, "story": "seeds"}).status_code == 201
    story_id = client.get("/v1/stories").json()["items"][0]["id"]
    report = client.get(f"/v1/stories/{story_id}/report").json()
    checked = client.post("/v1/check", json={"articles": [{**a, "story": "seeds"} for a in articles]}).json()
    assert _cited(report) == _cited(checked)
    assert len(report["claims"]) == len(_cited(report)), "the report carries the claims its findings cite"
    assert report["findings"], "the seeds hold agreements, discrepancies and a correction"
    assert _shape(report["findings"], report["claims"]) == _shape(checked["findings"], checked["claims"])


def test_report_findings_come_a_page_at_a_time_with_the_claims_they_cite(client):
    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.json"))
    for path in seeds:
        client.post("/v1/articles", json={**json.loads(path.read_text(encoding="utf-8")), "story": "seeds"})
    story_id = client.get("/v1/stories").json()["items"][0]["id"]
    whole = client.get(f"/v1/stories/{story_id}/report", params={"limit": 500}).json()
    assert whole["findings_total"] == len(whole["findings"]) >= 3
    pages = [
        client.get(f"/v1/stories/{story_id}/report", params={"limit": 2, "offset": offset}).json()
        for offset in range(0, whole["findings_total"], 2)
    ]
    assert [f["id"] for page in pages for f in page["findings"]] == [f["id"] for f in whole["findings"]]
    for page in pages:
        assert page["findings_total"] == whole["findings_total"] and len(page["articles"]) == len(seeds)
        assert {c["id"] for c in page["claims"]} == {i for f in page["findings"] for i in f["claims"]}
