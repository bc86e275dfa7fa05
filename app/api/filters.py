"""The finding filter of the query string: `?type=discrepancy&type=correction&severity=high`."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from app.services.finding_filter import FindingFilter

FindingType = Literal["agreement", "discrepancy", "correction"]
Severity = Literal["info", "low", "medium", "high"]


def finding_filter(
    type: Annotated[
        list[FindingType] | None, Query(description="only findings of these types (repeatable)")
    ] = None,
    severity: Annotated[
        list[Severity] | None, Query(description="only findings of these severities (repeatable)")
    ] = None,
) -> FindingFilter:
    """A FindingFilter from the query string (nothing given: every finding)."""
    return FindingFilter(types=tuple(type or ()), severities=tuple(severity or ()))
