"""Recomputing a story's findings: new ones are reported once, kept ones keep their row and links."""

from __future__ import annotations

import json
from datetime import date

from sqlmodel import Session, col, select

from app import models
from app.config import Settings
from app.db import make_database
from app.engine import extract_claims
from app.schemas import ArticleCreate
from app.services.findings import engine_fingerprint
from app.services.ingest import ingest_article
from app.services.reports import story_report
from app.services.shapes import claim_fields, engine_claim, row_fields
from tests.factories import FERRY_DAILY, FERRY_WIRE, article

SETTINGS = Settings(_env_file=None)  # type: ignore[call-arg]


def _ingest(session: Session, **fields) -> list[models.Finding]:
    result = ingest_article(session, ArticleCreate(**article(**fields)), SETTINGS)
    session.commit()
    return result.new_findings


def test_ingest_reports_each_new_finding_once(database_url):
    db = make_database(database_url)
    with Session(db, expire_on_commit=False) as session:
        assert _ingest(session, id_="wire", story="ferry") == []
        first = _ingest(session, id_="daily", source="Daily", text=FERRY_DAILY, story="ferry")
        assert first, "two accounts of the same ferry figures agree somewhere"
        assert _ingest(session, id_="daily", source="Daily", text=FERRY_DAILY, story="ferry") == []
        third = _ingest(session, id_="third", source="Third", text=FERRY_WIRE + " More.", story="ferry")
        assert {f.id for f in third}.isdisjoint({f.id for f in first})
        stored = session.exec(select(models.Finding.id)).all()
        assert sorted(stored) == sorted(f.id for f in first + third)
    db.dispose()


def test_rewritten_claims_keep_findings_linked(database_url):
    """Claims stored by an older engine differ from today's: they are rewritten and findings relinked."""
    db = make_database(database_url)
    with Session(db, expire_on_commit=False) as session:
        _ingest(session, id_="wire", story="ferry")
        _ingest(session, id_="daily", source="Daily", text=FERRY_DAILY, story="ferry")
        for claim in session.exec(select(models.Claim).where(models.Claim.article_id == "wire")).all():
            claim.value = {**claim.value, "nominal": -1.0}
            session.add(claim)
        for revision in session.exec(select(models.ArticleRevision)).all():
            revision.claims_engine = "an-older-engine"
            session.add(revision)
        story = session.get(models.Story, session.get(models.Article, "wire").story_id)
        story.stamp = "written-by-an-older-engine"  # as the older engine's process left it
        session.add(story)
        session.commit()
        _ingest(session, id_="third", source="Third", text=FERRY_WIRE + " More.", story="ferry")
        story_id = session.get(models.Article, "wire").story_id
        report = story_report(session, story_id)
        ids = {c.id for c in report.claims}
        assert report.findings
        for finding in report.findings:
            assert finding.claims and set(finding.claims) <= ids
        wire_values = session.exec(
            select(models.Claim.value).where(col(models.Claim.article_id) == "wire")
        ).all()
        assert all(value["nominal"] != -1.0 for value in wire_values)
    db.dispose()


def test_stored_claims_are_reused_and_equal_to_a_fresh_extraction(database_url):
    """A story recomputed from stored claims says what a fresh check of the same texts says."""
    db = make_database(database_url)
    with Session(db, expire_on_commit=False) as session:
        _ingest(session, id_="wire", story="ferry")
        _ingest(session, id_="daily", source="Daily", text=FERRY_DAILY, story="ferry")
        revisions = session.exec(select(models.ArticleRevision)).all()
        assert {r.claims_engine for r in revisions} == {engine_fingerprint()}
        stored = {(c.article_id, c.position): row_fields(c) for c in session.exec(select(models.Claim)).all()}
        fresh = {
            (aid, i): json.loads(json.dumps(claim_fields(c)))
            for aid, text in (("wire", FERRY_WIRE), ("daily", FERRY_DAILY))
            for i, c in enumerate(extract_claims(text, date(2025, 5, 13)))
        }
        assert {k: (v["start"], v["end"], v["value"]) for k, v in stored.items()} == {
            k: (v["start"], v["end"], v["value"]) for k, v in fresh.items()
        }
        assert all(
            engine_claim(fields) == engine_claim(json.loads(json.dumps(fields))) for fields in stored.values()
        )
    db.dispose()
