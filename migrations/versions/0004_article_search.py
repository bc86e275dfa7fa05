"""Full-text search of articles: an FTS5 table with triggers (SQLite), a GIN index (PostgreSQL)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

The index covers each article's current title and text (`app/services/search.py` queries it). Alembic's
autogenerate ignores these objects (`app.services.search.is_search_object`).
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_UP = [
    "CREATE VIRTUAL TABLE article_search USING fts5(article_id UNINDEXED, title, text, tokenize='porter unicode61')",
    # a new revision is always the current one: it replaces the article's indexed text
    """CREATE TRIGGER article_search_revision AFTER INSERT ON article_revisions BEGIN
        DELETE FROM article_search WHERE article_id = NEW.article_id;
        INSERT INTO article_search (article_id, title, text) VALUES (NEW.article_id, NEW.title, NEW.text);
    END""",
    """CREATE TRIGGER article_search_forget AFTER DELETE ON articles BEGIN
        DELETE FROM article_search WHERE article_id = OLD.id;
    END""",
    """INSERT INTO article_search (article_id, title, text)
        SELECT r.article_id, r.title, r.text FROM article_revisions r
        JOIN articles a ON a.id = r.article_id AND r.number = a.current_revision""",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS article_search_forget",
    "DROP TRIGGER IF EXISTS article_search_revision",
    "DROP TABLE IF EXISTS article_search",
]
_POSTGRES_UP = [
    "CREATE INDEX ix_article_revisions_search ON article_revisions "
    "USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))",
]
_POSTGRES_DOWN = ["DROP INDEX IF EXISTS ix_article_revisions_search"]


def _run(sqlite: list[str], postgres: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in sqlite if dialect == "sqlite" else postgres if dialect == "postgresql" else []:
        op.execute(statement)


def upgrade() -> None:
    _run(_SQLITE_UP, _POSTGRES_UP)


def downgrade() -> None:
    _run(_SQLITE_DOWN, _POSTGRES_DOWN)
