"""Reports named by content, so that two runs can be compared whatever the ids and the order.

    canon = canonical_check(client, articles)      # POST /v1/check
    canon = canonical_stored(client, articles)     # POST /v1/articles one by one, then the stored reports

An article is named by its source and a digest of its text, a claim by its article and offsets, a finding by
its kind, verdict, reason and the claims (and sides) it joins; stories by the articles they hold.

`python -m tests.canon < articles.json` prints both for the articles of stdin, on the database of
`TALLY_DATABASE_URL` (empty and migrated): the hash-seed test runs it under several `PYTHONHASHSEED`s.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import warnings
from pathlib import Path
from typing import Any

from tests.factories import FERRY_DAILY, FERRY_WIRE

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
Canon = dict[str, list[Any]]


def public_like_articles() -> list[dict[str, Any]]:
    """The project's own sample articles: seeds/ (three stories) and the ferry pair of the tests."""
    articles = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.json"))]
    for n, (source, text) in enumerate((("Wire Service", FERRY_WIRE), ("Harbour Daily", FERRY_DAILY))):
        articles.append(
            {
                "id": f"ferry-{n}",
                "source": source,
                "url": f"https://ferry{n}.example/aground",
                "title": "Ferry runs aground near Port Avel",
                "published_at": "2025-05-13",
                "text": text,
            }
        )
    return articles


def article_key(source: str, text: str) -> str:
    return f"{source} #{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def canonical(report: dict[str, Any], names: dict[str, str]) -> Canon:
    """`report` (a /v1/check answer or the stored reports put together) with ids replaced by content."""
    claim = {c["id"]: [names[c["article_id"]], c["start"], c["end"]] for c in report["claims"]}
    findings = [
        json.dumps(
            {
                "type": f["type"],
                "verdict": f["verdict"],
                "severity": f["severity"],
                "fact": f["fact"],
                "reason": f["reason"],
                "claims": sorted(claim[c] for c in f["claims"]),
                "sides": sorted(sorted(claim[c] for c in side) for side in f["sides"]),
                "independent_sources": sorted(f["independent_sources"]),
                "old_value": f["old_value"],
                "new_value": f["new_value"],
            },
            sort_keys=True,
        )
        for f in report["findings"]
    ]
    stories = [sorted(names[a] for a in story) for story in report["story_articles"]]
    return {"stories": sorted(stories), "findings": sorted(findings)}


def canonical_check(client: TestClient, articles: list[dict[str, Any]]) -> Canon:
    """POST /v1/check, named by content."""
    response = client.post("/v1/check", json={"articles": articles})
    assert response.status_code == 200, response.text
    report = response.json()
    report["story_articles"] = [s["article_ids"] for s in report["stories"]]
    return canonical(report, {a["id"]: article_key(a["source"], a["text"]) for a in articles})


def canonical_stored(client: TestClient, articles: list[dict[str, Any]]) -> Canon:
    """Store `articles` one by one (POST /v1/articles), then read every story's report, named by content."""
    for body in articles:
        response = client.post("/v1/articles", json=body)
        assert response.status_code == 201, response.text
    stories = client.get("/v1/stories", params={"limit": 500}).json()["items"]
    merged: dict[str, list[Any]] = {"claims": [], "findings": [], "story_articles": []}
    names: dict[str, str] = {}
    for story in stories:
        report = client.get(f"/v1/stories/{story['id']}/report").json()
        for article in report["articles"]:
            detail = client.get(f"/v1/articles/{article['id']}").json()
            names[article["id"]] = article_key(detail["source"], detail["text"])
        merged["claims"].extend(report["claims"])
        merged["findings"].extend(report["findings"])
        merged["story_articles"].append([a["id"] for a in report["articles"]])
    return canonical(merged, names)


def main() -> None:
    """Both canonical reports of the articles on stdin, as JSON on stdout."""
    from app.config import Settings
    from app.main import create_app

    articles = json.load(sys.stdin)
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=os.environ["TALLY_DATABASE_URL"], worker_enabled=False
    )
    with TestClient(create_app(settings)) as client:
        result = {"check": canonical_check(client, articles), "stored": canonical_stored(client, articles)}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
