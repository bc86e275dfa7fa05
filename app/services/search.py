"""Full-text search of the stored articles (current title and text), one service over two databases.

    statement.where(col(models.Article.id).in_(matching_articles(session, "ferry passengers")))

SQLite: the FTS5 table `article_search` (porter stemming), kept current by triggers on new revisions.
PostgreSQL: a GIN index on the English `to_tsvector` of each revision's title and text. Both are created
by migration 0004. Every word of the query must occur (stemmed: "passenger" finds "passengers").
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from app import models

SQLITE_TABLE = "article_search"  # the FTS5 table (and the prefix of its shadow tables)
POSTGRES_INDEX = "ix_article_revisions_search"
# the indexed expression; the query must state it alike for PostgreSQL to use the index
POSTGRES_DOCUMENT = (
    "to_tsvector('english', coalesce(article_revisions.title, '') || ' ' || article_revisions.text)"
)
_WORD = re.compile(r"\w+")


def is_search_object(name: str | None) -> bool:
    """Schema objects of the search, which the models do not describe (Alembic's autogenerate skips them)."""
    return name is not None and (name.startswith(SQLITE_TABLE) or name == POSTGRES_INDEX)


def words(query: str) -> list[str]:
    """The words of a query, punctuation and operators dropped: 'port-avel "ferry"' -> port, avel, ferry."""
    return _WORD.findall(query)


def matching_articles(session: Session, query: str) -> Any:
    """A subquery of the ids of the articles whose current title or text holds every word of `query`."""
    found = words(query)
    if not found:
        return select(models.Article.id).where(text("1 = 0"))
    if session.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{w}"' for w in found)  # quoted: FTS5 reads them as words, never as syntax
        return text(f"SELECT article_id FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH :match").bindparams(
            match=match
        )
    return (
        select(models.ArticleRevision.article_id)
        .join(models.Article, col(models.Article.id) == col(models.ArticleRevision.article_id))
        .where(
            col(models.ArticleRevision.number) == col(models.Article.current_revision),
            text(f"{POSTGRES_DOCUMENT} @@ plainto_tsquery('english', :query)").bindparams(
                query=" ".join(found)
            ),
        )
    )
