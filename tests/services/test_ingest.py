"""The one rule of ingest and webhook ingest for "does this stored article need processing"."""

from __future__ import annotations

from sqlmodel import Session

from app.config import Settings
from app.db import make_database
from app.schemas import ArticleCreate
from app.services.ingest import needs_processing, process_revision, store_article
from tests.factories import FERRY_DAILY, article


def test_an_article_needs_processing_when_new_changed_storyless_or_sent_under_another_key(database_url):
    db = make_database(database_url)
    settings = Settings(_env_file=None, database_url=database_url)  # type: ignore[call-arg]
    ferry = ArticleCreate.model_validate(article("ferry"))
    with Session(db, expire_on_commit=False) as session:

        def resent(key: str | None = None) -> bool:
            stored = store_article(session, ferry)
            assert stored.outcome == "unchanged"
            return needs_processing(session, stored, key)

        created = store_article(session, ferry)
        assert needs_processing(session, created, None)
        session.commit()
        assert resent(), "accepted but not processed yet: no story"
        process_revision(session, created.article, None, settings)
        session.commit()
        assert not resent(), "the same text again, no key asked for"
        assert resent("ferry"), "a key its (keyless) story does not have"
        process_revision(session, created.article, "ferry", settings)
        session.commit()
        assert not resent("ferry") and not resent()
        assert resent("another-ferry")
        revised = store_article(session, ArticleCreate.model_validate(article("ferry", text=FERRY_DAILY)))
        assert revised.outcome == "revised" and needs_processing(session, revised, "ferry")
    db.dispose()
