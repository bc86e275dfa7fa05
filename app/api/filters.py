"""The finding filter of the query string: `?type=discrepancy&severity=high&kind=update&min_confidence=0.5`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from app.services.finding_filter import FindingFilter

FindingType = Literal["agreement", "discrepancy", "correction"]
Severity = Literal["info", "low", "medium", "high"]
Kind = Literal["conflict", "update", "claimant", "predicate", "opposite", "agreement", "compatible", "notice",
               "stale", "revision"]


def finding_filter(
    type: Annotated[
        list[FindingType] | None, Query(description="only findings of these types (repeatable)")
    ] = None,
    severity: Annotated[
        list[Severity] | None, Query(description="only findings of these severities (repeatable)")
    ] = None,
    kind: Annotated[
        list[Kind] | None, Query(description="only findings of these kinds (repeatable; see `kind`)")
    ] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0, le=1, description="only findings the engine is this sure of or more (0..1)")
    ] = None,
) -> FindingFilter:
    """A FindingFilter from the query string (nothing given: every finding)."""
    return FindingFilter(types=tuple(type or ()), severities=tuple(severity or ()), kinds=tuple(kind or ()),
                         min_confidence=min_confidence)
