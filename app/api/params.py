"""Query and path parameters shared by the routes: paging (`limit`, `offset`) and the shapes of ids.

Integers stay within PostgreSQL's `integer` and strings carry no control characters (`app.validation`), so
no parameter can reach the database as something it cannot store or compare.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import AfterValidator

from app import validation as rules

Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
Offset = Annotated[int, Query(ge=0, le=rules.INT32_MAX, description="items to skip")]
Revision = Annotated[
    int | None,
    Query(ge=1, le=rules.INT32_MAX, description="revision number (default: current)"),
]


def line_query(description: str) -> object:
    """A one-line string query parameter (no control characters, not blank), e.g. `?source=Wire`."""
    return Query(
        min_length=1,
        max_length=200,
        description=f"{description}; not blank, no control characters",
        json_schema_extra=rules.documented(rules.LINE_PATTERN, rules.VISIBLE_PATTERN),
    )


LineValue = Annotated[str, AfterValidator(rules.check_line)]
ID_PATTERN = r"^[A-Za-z0-9._~-]{1,64}$"
