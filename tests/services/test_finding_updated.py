"""`finding.updated`: an existing finding that gains or changes a side is announced, in its transaction."""

from __future__ import annotations

from sqlmodel import Session, col, select

from app import models
from app.config import Settings
from app.db import make_database
from app.schemas import ArticleCreate
from app.services.findings import recompute_story
from app.services.ingest import ingest_article

WIRE = "Veldoria launched 472 drones at Marenia overnight into Sunday, the air force said."
DESK = "Veldoria fired 427 drones at Marenia overnight, the air force said."
RADIO = "Veldoria sent 427 drones against Marenia during the night, the air force said on Sunday."


def _body(id_: str, source: str, text: str) -> ArticleCreate:
    return ArticleCreate(id=id_, source=source, text=text, published_at="2024-09-08", story="barrage")


def _events(db, event: str) -> list[dict]:
    with Session(db) as session:
        rows = session.exec(
            select(models.OutboxMessage)
            .where(models.OutboxMessage.event == event)
            .order_by(col(models.OutboxMessage.created_at))
        ).all()
        return [row.payload for row in rows]


def _setup(database_url):
    db = make_database(database_url)
    settings = Settings(_env_file=None, database_url=database_url)  # type: ignore[call-arg]
    with Session(db) as session:
        events = ["finding.discrepancy", "finding.updated", "story.updated"]
        session.add(
            models.Subscription(id="sub_1", url="https://hooks.example/x", events=events, secret="whsec_eA==")
        )
        session.commit()
    return db, settings


def _ingest(db, settings, body: ArticleCreate):
    with Session(db, expire_on_commit=False) as session:
        result = ingest_article(session, body, settings)
        session.commit()
    return result


def test_a_new_outlet_on_a_side_of_a_discrepancy_is_a_finding_updated_event(database_url):
    db, settings = _setup(database_url)
    _ingest(db, settings, _body("wire", "Wire", WIRE))
    created = _ingest(db, settings, _body("desk", "Copy desk", DESK))
    (discrepancy,) = [f for f in created.new_findings if f.type == "discrepancy"]
    assert _events(db, "finding.updated") == []

    _ingest(db, settings, _body("radio", "Radio Marenia", RADIO))
    updated = _events(db, "finding.updated")
    assert [e["data"]["finding_id"] for e in updated] == [f"f{discrepancy.id}"]
    data = updated[0]["data"]
    assert data["finding_type"] == "discrepancy" and data["article_id"] == "radio"
    assert "Radio Marenia" in data["reason"]
    story = _events(db, "story.updated")[-1]["data"]
    assert story["updated_findings"] == 1
    db.dispose()


def test_the_same_text_again_announces_nothing_new(database_url):
    db, settings = _setup(database_url)
    for body in (
        _body("wire", "Wire", WIRE),
        _body("desk", "Copy desk", DESK),
        _body("desk", "Copy desk", DESK),
    ):
        _ingest(db, settings, body)
    assert _events(db, "finding.updated") == []
    db.dispose()


def test_claims_extracted_again_with_the_same_figures_are_no_change(database_url):
    db, settings = _setup(database_url)
    _ingest(db, settings, _body("wire", "Wire", WIRE))
    _ingest(db, settings, _body("desk", "Copy desk", DESK))
    with Session(db) as session:
        for revision in session.exec(select(models.ArticleRevision)).all():
            revision.claims_engine = "an older engine"  # its claims are extracted and stored again
            session.add(revision)
        session.commit()
        story = session.exec(select(models.Story)).one()
        changed: list[models.Finding] = []
        assert recompute_story(session, story, changed=changed) == []
        assert changed == []
        session.commit()
    db.dispose()
