"""What ingest computes before its write transaction: a text's claims and its signature.

    prepared = prepare(data)                              # CPU only: no database, no lock held
    ingest_article(session, data, settings, prepared)     # the short write transaction uses it

Extraction is the costly part of an ingest; done first, outside the transaction, it never holds the
database's write lock (SQLite) or a story's locks (PostgreSQL) while other ingests wait. A prepared text is
used only for the very text it was computed from (`matches`); otherwise the transaction extracts again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from app import engine, models
from app.schemas import ArticleCreate
from app.services.shapes import engine_date, shown_datetime, stored_datetime


@dataclass(frozen=True)
class Prepared:
    """The claims and signature of one text (its digest says which)."""

    text_sha256: str
    published: date | None
    claims: list[engine.Claim]
    signature: engine.ArticleSignature

    def matches(self, revision: models.ArticleRevision) -> bool:
        """Whether this was computed from `revision`'s text and publication day."""
        day = engine_date(shown_datetime(revision.published_at, revision.published_date_only))
        return self.text_sha256 == revision.text_sha256 and self.published == day

    def signature_of(self, article_id: str) -> engine.ArticleSignature:
        """The signature, naming the stored article (whose id may have been given only at storing)."""
        return dataclasses.replace(self.signature, article_id=article_id)


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text: how revisions recognise the same text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def publication_day(published_at: date | datetime | None) -> date | None:
    """The day the engine reads a submitted publication time as, exactly as it will read the stored one."""
    return engine_date(shown_datetime(*stored_datetime(published_at)))


def prepare_text(
    article_id: str, source: str, text: str, title: str | None, url: str | None, published: date | None
) -> Prepared:
    """Extract the claims of `text` and compute its signature."""
    claims, signature = engine.read_article(
        engine.ArticleText(id=article_id, source=source, text=text, published_at=published, url=url,
                           title=title)
    )
    return Prepared(text_sha256(text), published, claims, signature)


def prepare(data: ArticleCreate) -> Prepared:
    """The claims and signature of a submitted article."""
    published = publication_day(data.published_at)
    return prepare_text(data.id or "", data.source, data.text, data.title, data.url, published)


def prepare_revision(article: models.Article, revision: models.ArticleRevision) -> Prepared:
    """The claims and signature of a stored revision."""
    published = engine_date(shown_datetime(revision.published_at, revision.published_date_only))
    return prepare_text(article.id, article.source, revision.text, revision.title, article.url, published)
