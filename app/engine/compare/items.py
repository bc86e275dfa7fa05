"""A claim prepared for alignment: what alignment, verdicts and corrections pass between them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from app.engine import lexicon as lx
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


@cache
def _running() -> tuple[frozenset[str], frozenset[str]]:
    t = lx.table("actions")["running"]
    return frozenset(t["actions"]), frozenset(t["measures"])


def is_running(members: Sequence[AlignItem]) -> bool:
    """Is this a figure officials update as an event unfolds (its action or what it measures says so)?"""
    actions, measures = _running()
    for m in members:
        f = m.claim.frame
        head = (f.noun or "").rpartition(" ")[2]
        if f.action in actions or f.measure in measures or head in measures:
            return True
    return False
