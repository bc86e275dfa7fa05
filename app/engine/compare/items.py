"""A claim prepared for alignment: what alignment, verdicts and corrections pass between them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from app.engine import lexicon as lx
from app.engine.model import Claim, ClaimRef


@dataclass(frozen=True, slots=True)
class AlignItem:
    """A claim prepared for alignment."""

    ref: ClaimRef
    claim: Claim
    source: str
    order: Any  # the article's place within the story: any key that sorts its articles, one per article
    copy_group: int = 0  # articles that are copies of one wire story share a group
    published_at: date | None = None
    block: tuple[str, ...] = ()
    context: str = ""  # the sentence, lowercased, numbers masked
    window: frozenset[str] = frozenset()  # content words around the claim
    polarity: tuple[str, str] | None = None  # ("trend", "up"), ("balance", "-"): see polarity.py
    role: frozenset[str] = frozenset()  # content words right after the figure: what it is for
    stated: frozenset[str] = frozenset()  # the actions its article gives this exact figure (see restated)
    labels: frozenset[tuple] = frozenset()  # of a date: the figures of its sentence it is the time of
    sibling_holders: frozenset[str] = frozenset()  # whose the other figures of its block in its sentence are


def with_stated(article_items: Sequence[AlignItem]) -> list[AlignItem]:
    """One article's items, each knowing the actions the article gives its exact figure of its block
    ("7 dead" and "seven people were injured": 7 is given kill and wound)."""
    actions: dict[tuple, set[str]] = {}
    for it in article_items:
        key = _figure(it)
        if key and it.claim.frame.action:
            actions.setdefault(key, set()).add(it.claim.frame.action)
    return [replace(it, stated=frozenset(actions.get(_figure(it), ()))) if _figure(it) else it
            for it in article_items]


def with_labels(items: Sequence[AlignItem], claims: Sequence[Claim]) -> list[AlignItem]:
    """The items of one article's `claims`, each date knowing the figures of its sentence it is the time of
    ("September's gain was revised up to 121,000": September labels 121,000)."""
    timed: dict[tuple[int, str], set[tuple]] = {}
    for c in claims:
        v = c.value
        if c.kind not in ("date", "time") and c.frame.time and v.low is not None and v.low == v.high:
            timed.setdefault((c.sentence_start, c.frame.time), set()).add((c.kind, v.unit, v.low))
    out = []
    for it in items:
        dated = it.block[0] == "date" and it.claim.value.iso
        labelled = timed.get((it.claim.sentence_start, it.claim.value.iso)) if dated else None
        out.append(replace(it, labels=frozenset(labelled)) if labelled else it)
    return out


def with_sibling_holders(items: Sequence[AlignItem]) -> list[AlignItem]:
    """The items of one article, each knowing whose the other figures of its block in its sentence are
    ("Liberals now hold 12 seats, while the Greens have five": 12 is not the Greens' figure)."""
    holders: dict[tuple[int, tuple[str, ...]], list[tuple[int, str]]] = {}
    for n, it in enumerate(items):
        if it.claim.frame.holder:
            holders.setdefault((it.claim.sentence_start, it.block), []).append((n, it.claim.frame.holder))
    out = []
    for n, it in enumerate(items):
        others = frozenset(h for m, h in holders.get((it.claim.sentence_start, it.block), ()) if m != n)
        out.append(replace(it, sibling_holders=others) if others else it)
    return out


def label_other_figures(a: AlignItem, b: AlignItem) -> bool:
    """Two dates that are the times of figures of one kind, none of them the same figure ("September's gain
    was 121,000" and "August was revised to 148,000"): each names which figure it is, so the dates differ
    with the figures and neither misstates the other (a date a desk moved keeps its figure)."""
    blocks = {k[0] for k in a.labels} & {k[0] for k in b.labels}
    return bool(blocks) and not (a.labels & b.labels)


def _figure(item: AlignItem) -> tuple | None:
    v = item.claim.value
    return (item.block, v.low) if v.low is not None and v.low == v.high else None


def restated(a: AlignItem, b: AlignItem) -> bool:
    """Does one of the two articles itself give the figure both claims' predicates? Then neither verb was
    changed by a desk: each is a figure of its own predicate ("7 dead ... seven people were injured")."""
    pair = {a.claim.frame.action, b.claim.frame.action}
    return None not in pair and len(pair) == 2 and (pair <= a.stated or pair <= b.stated)


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
        measured = (f.measure or "").rpartition(" ")[2]
        if f.action in actions or measured in measures or head in measures:
            return True
    return False
