"""The outbox is written in the transaction that stores the findings: both are kept, or neither."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from app import models
from app.config import Settings
from app.db import make_database
from app.schemas import ArticleCreate
from app.services.ingest import ingest_article
from tests.factories import FERRY_DAILY, article


def _count(db, model) -> int:
    with Session(db) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def _subscribe(db, events: list[str]) -> None:
    with Session(db) as session:
        session.add(
            models.Subscription(id="sub_1", url="https://hooks.example/x", events=events, secret="whsec_eA==")
        )
        session.commit()


def test_events_are_stored_with_the_findings_and_rolled_back_with_them(database_url):
    db = make_database(database_url)
    settings = Settings(_env_file=None, database_url=database_url)  # type: ignore[call-arg]
    _subscribe(db, ["finding.agreement", "story.updated"])
    with Session(db) as session:
        ingest_article(session, ArticleCreate.model_validate(article("wire-1", story="ferry")), settings)
        result = ingest_article(
            session,
            ArticleCreate.model_validate(article("daily-1", text=FERRY_DAILY, story="ferry")),
            settings,
        )
        assert result.new_findings
        session.rollback()  # the request failed after processing: nothing of it may remain
    assert [_count(db, m) for m in (models.Finding, models.OutboxMessage)] == [0, 0]

    with Session(db) as session:
        ingest_article(session, ArticleCreate.model_validate(article("wire-1", story="ferry")), settings)
        result = ingest_article(
            session,
            ArticleCreate.model_validate(article("daily-1", text=FERRY_DAILY, story="ferry")),
            settings,
        )
        agreements = [f for f in result.new_findings if f.type == "agreement"]
        session.commit()
    with Session(db) as session:
        events = session.exec(select(models.OutboxMessage.event)).all()
    assert events.count("finding.agreement") == len(agreements) > 0
    assert events.count("story.updated") == 2  # one per ingest that recomputed the story
    db.dispose()


def test_only_active_subscriptions_that_asked_for_an_event_get_it(database_url):
    db = make_database(database_url)
    settings = Settings(_env_file=None, database_url=database_url)  # type: ignore[call-arg]
    _subscribe(db, ["finding.correction"])
    with Session(db) as session:
        session.add(
            models.Subscription(
                id="sub_off",
                url="https://hooks.example/y",
                events=["story.updated"],
                secret="whsec_eA==",
                active=False,
            )
        )
        session.commit()
        ingest_article(session, ArticleCreate.model_validate(article("wire-1")), settings)
        session.commit()
    assert _count(db, models.OutboxMessage) == 0
    db.dispose()
