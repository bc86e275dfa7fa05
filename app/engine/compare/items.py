"""A claim prepared for alignment: what alignment, verdicts and corrections pass between them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.engine.model import Claim, ClaimRef


@dataclass(frozen=True, slots=True)
class AlignItem:
    """A claim prepared for alignment."""

    ref: ClaimRef
    claim: Claim
    source: str
    order: int  # article order within the story
    copy_group: int = 0  # articles that are copies of one wire story share a group
    published_at: date | None = None
    block: tuple[str, ...] = ()
    context: str = ""  # the sentence, lowercased, numbers masked
    window: frozenset[str] = frozenset()  # content words around the claim
    polarity: tuple[str, str] | None = None  # ("trend", "up"), ("balance", "-"): see polarity.py
    role: frozenset[str] = frozenset()  # content words right after the figure: what it is for
