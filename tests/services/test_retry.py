"""commit_with_retry on a real database: a lost race is replayed after a wait, and logged once with why."""

from __future__ import annotations

import json
import logging

import pytest
from sqlmodel import Session, select

from app import models
from app.db import make_database
from app.errors import Conflict, NotFound
from app.services.retry import commit_with_retry
from app.services.webhook_bodies import articles_of
from app.services.webhook_ingest import accept
from tests.factories import article
from tests.races import rival_commits_first


@pytest.fixture
def db(database_url):
    handle = make_database(database_url)
    yield handle
    handle.dispose()


def retries(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if getattr(r, "event", None) == "retry"]


def add_story(db, key: str) -> None:
    with Session(db) as rival:
        rival.add(models.Story(id=models.new_id("st"), key=key, label="rival"))
        rival.commit()


def story_by_key(session: Session, db, key: str, *, rival_first: bool) -> models.Story:
    """Look the key up, else create it; the rival stores the same key between our read and our write."""
    found = session.exec(select(models.Story).where(models.Story.key == key)).first()
    if found is not None:
        return found
    if rival_first:
        add_story(db, key)
    story = models.Story(id=models.new_id("st"), key=key, label="ours")
    session.add(story)
    session.flush()
    return story


def test_a_lost_uniqueness_race_is_replayed_and_logged_once_with_its_reason(db, caplog):
    caplog.set_level(logging.INFO, logger="tally")
    lost: list[bool] = []

    def work() -> models.Story:
        lost.append(not lost)  # the rival wins the first attempt only
        return story_by_key(session, db, "ferry", rival_first=lost[-1])

    with Session(db, expire_on_commit=False) as session:
        story = commit_with_retry(session, work, what="test", gave_up="gave up")
    assert story.label == "rival"  # the replay found what the winner stored
    assert lost == [True, False]
    [record] = retries(caplog)
    assert (record.reason, record.attempt, record.what) == ("unique_violation", 1, "test")
    assert record.levelno == logging.INFO


def test_a_race_lost_at_every_attempt_ends_in_a_conflict_each_retry_logged(db, caplog):
    caplog.set_level(logging.INFO, logger="tally")
    keys = iter(f"key-{n}" for n in range(10))

    def work() -> models.Story:
        return story_by_key(session, db, next(keys), rival_first=True)

    with Session(db) as session, pytest.raises(Conflict, match="gave up"):
        commit_with_retry(session, work, what="test", gave_up="gave up", attempts=3)
    assert [(r.attempt, r.levelname) for r in retries(caplog)] == [(1, "INFO"), (2, "INFO"), (3, "WARNING")]


def test_an_error_that_is_not_a_race_is_raised_at_once(db, caplog):
    calls: list[int] = []

    def work() -> None:
        calls.append(1)
        raise NotFound("no such thing")

    with Session(db) as session, pytest.raises(NotFound):
        commit_with_retry(session, work, what="test", gave_up="gave up")
    assert calls == [1] and retries(caplog) == []


def test_a_held_lock_is_retried_as_busy(db, caplog):
    """Another transaction holds the lock we need; we fail at once (no waiting), it finishes, we replay."""
    caplog.set_level(logging.INFO, logger="tally")
    sqlite = db.dialect.name == "sqlite"
    add_story(db, "held")
    holder = db.connect()
    holder_tx = holder.begin()
    if sqlite:
        holder.exec_driver_sql("UPDATE stories SET label = 'holder' WHERE key = 'held'")
    else:
        holder.exec_driver_sql("SELECT id FROM stories WHERE key = 'held' FOR UPDATE")
    attempts: list[int] = []

    def work() -> None:
        attempts.append(1)
        if len(attempts) == 2:
            holder_tx.commit()  # the other transaction finishes before our replay
        connection = session.connection()
        if sqlite:  # fail at once rather than after the busy timeout
            connection.exec_driver_sql(f"PRAGMA busy_timeout={0 if len(attempts) == 1 else 30000}")
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("SELECT id FROM stories WHERE key = 'held' FOR UPDATE NOWAIT")

    with Session(db) as session:
        commit_with_retry(session, work, what="test", gave_up="gave up")
    holder.close()
    assert len(attempts) == 2
    [record] = retries(caplog)
    assert record.reason == ("database_busy" if sqlite else "lock_not_available")


def test_a_concurrent_delivery_of_the_same_webhook_id_is_replayed_after_a_logged_retry(
    db, database_url, caplog
):
    caplog.set_level(logging.INFO, logger="tally")
    body = json.dumps(article("wire-1")).encode()
    articles = articles_of(json.loads(body), 10)
    rival_db = make_database(database_url)

    def rival() -> None:
        with Session(rival_db) as other:
            _, replayed = accept(other, "msg_same", body, articles)
            assert not replayed

    with rival_commits_first(db, rival) as preceded, Session(db) as session:
        answer, replayed = accept(session, "msg_same", body, articles)
    rival_db.dispose()
    assert preceded, "the rival ran before our first write"
    assert replayed and [a.id for a in answer.articles] == ["wire-1"]
    [record] = retries(caplog)
    assert (record.what, record.reason) == ("webhook ingest", "unique_violation")
    with Session(db) as session:
        assert len(session.exec(select(models.Job)).all()) == 1  # the rival's job, not a second one
