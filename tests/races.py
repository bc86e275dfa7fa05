"""Losing a race on purpose: a rival transaction commits just before ours first writes.

    with rival_commits_first(db, lambda: accept(Session(other_db), ...)): accept(Session(db), ...)

The rival runs once, on its own connection, when our transaction is about to take the write lock (SQLite:
`BEGIN IMMEDIATE`) or write its first row (PostgreSQL: the first INSERT or UPDATE). Ours then collides with
what the rival stored, as it would under real concurrency, but every time and in the same place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from app.db import Database

_FIRST_WRITE = ("BEGIN IMMEDIATE", "INSERT", "UPDATE")


@contextmanager
def rival_commits_first(db: Database, rival: Callable[[], Any]) -> Iterator[list[str]]:
    """Run `rival` once, just before the first write statement on `db`; yields the statements it preceded."""
    preceded: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not preceded and statement.lstrip().upper().startswith(_FIRST_WRITE):
            preceded.append(statement)
            rival()

    event.listen(db, "before_cursor_execute", before)
    try:
        yield preceded
    finally:
        event.remove(db, "before_cursor_execute", before)
