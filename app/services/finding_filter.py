"""Which findings a caller asked for: by type, severity, kind and a minimum confidence.

    FindingFilter(types=("discrepancy",), severities=("high", "medium")).clauses()   # SQL WHERE terms

One filter serves the API (`GET /v1/stories/{id}/findings?type=&severity=`), the exports and the report
page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import col

from app import models

FINDING_TYPES = ("discrepancy", "correction", "agreement")  # the order the page and exports list them in
SEVERITIES = ("high", "medium", "low", "info")


@dataclass(frozen=True, slots=True)
class FindingFilter:
    """Empty fields admit everything; several values of one field admit any of them."""

    types: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    min_confidence: float | None = None

    def clauses(self) -> list[Any]:
        """SQL terms on `models.Finding` (ANDed by the caller)."""
        terms: list[Any] = []
        if self.types:
            terms.append(col(models.Finding.type).in_(self.types))
        if self.severities:
            terms.append(col(models.Finding.severity).in_(self.severities))
        if self.kinds:
            terms.append(col(models.Finding.kind).in_(self.kinds))
        if self.min_confidence is not None:
            terms.append(col(models.Finding.confidence) >= self.min_confidence)
        return terms

    def admits(self, finding: Any) -> bool:
        """The same test on a finding document (`FindingOut`), for findings already loaded."""
        kind = getattr(finding, "kind", None)
        confidence = getattr(finding, "confidence", None)
        return (
            (not self.types or finding.type in self.types)
            and (not self.severities or finding.severity in self.severities)
            and (not self.kinds or kind in self.kinds)
            and (
                self.min_confidence is None or (confidence is not None and confidence >= self.min_confidence)
            )
        )

    @property
    def active(self) -> bool:
        return bool(self.types or self.severities or self.kinds or self.min_confidence is not None)


EVERY = FindingFilter()  # the filter that admits every finding
