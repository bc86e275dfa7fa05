"""The stored report: a page of findings with the claims they cite, bounded by findings and by claims."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import Session, select

from app import models
from app.db import make_database
from app.services.reports import story_report

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.json"))


def test_a_page_ends_once_its_findings_cite_the_claims_a_page_may_hold(client, database_url):
    for path in SEEDS:
        client.post("/v1/articles", json={**json.loads(path.read_text(encoding="utf-8")), "story": "seeds"})
    db = make_database(database_url)
    with Session(db) as session:
        story_id = session.exec(select(models.Story.id)).one()
        whole = story_report(session, story_id)
        assert whole.next_offset is None and len(whole.findings) == whole.findings_total >= 3
        pages, offset = [], 0
        while offset is not None:
            page = story_report(session, story_id, limit=100, offset=offset, claims_per_page=1)
            assert len(page.findings) == 1, "a page holds at least one finding, and one is already enough"
            assert {c.id for c in page.claims} == set(page.findings[0].claims)
            pages.append(page)
            offset = page.next_offset
    assert [p.findings[0].id for p in pages] == [f.id for f in whole.findings]
    assert all(len(p.articles) == len(SEEDS) for p in pages)
    db.dispose()
