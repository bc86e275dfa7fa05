"""One figure given two predicates by two articles ("114 drones fired" here, "114 intercepted" there):
the facts that alignment kept apart by their actions, joined as one fact whose predicate changed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from app.engine import lexicon as lx
from app.engine.compare.context import context_similarity
from app.engine.compare.fact import Fact
from app.engine.compare.keys import conflicts, distinct_set, one_sided_scope

PREDICATE_CONTEXT = 0.2  # context likeness needed to read one figure with two predicates as one fact


def join_predicates(facts: list[Fact]) -> list[Fact]:
    """Join two facts that give the same exact figure of the same things contradictory predicates in
    different articles ("114 drones fired" here, "114 drones intercepted" there), when neither article
    states the other predicate for that figure: one source changed the predicate. A swap of two figures
    ("killing 3, injuring 19" vs "killing 19, injuring 3") never gets here: each figure already aligned with
    its own predicate."""
    by_value: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.block[0] != "count":
            continue
        for m in fact.members:
            v = m.claim.value
            if v.low is not None and v.low == v.high:
                by_value[(fact.block, v.low)].append(fact)
    absorbed: set[int] = set()
    for (_, figure), group in by_value.items():
        unique = list({id(f): f for f in group}.values())
        stated = _predicates_stated(unique, figure)
        for i, f1 in enumerate(unique):
            for f2 in unique[i + 1 :]:
                if id(f1) in absorbed or id(f2) in absorbed or not _contradicting(f1, f2):
                    continue
                if _both_stated(f1, f2, stated):  # one article gives the figure both predicates
                    continue
                f1.absorb(f2)
                f1.predicate_join = True
                absorbed.add(id(f2))
    return [f for f in facts if id(f) not in absorbed]


def _predicates_stated(facts: Sequence[Fact], figure: float) -> dict[int, set[str]]:
    """Article (by order) -> the actions it gives the exact figure `figure`, over the facts of one block."""
    stated: dict[int, set[str]] = defaultdict(set)
    for fact in facts:
        for m in fact.members:
            v = m.claim.value
            if v.low == v.high == figure and m.claim.frame.action:
                stated[m.order].add(m.claim.frame.action)
    return stated


def _both_stated(f1: Fact, f2: Fact, stated: dict[int, set[str]]) -> bool:
    """Does an article of either fact state the figure with both facts' predicates (then neither changed)?"""
    wanted = {a for a in f1.actions | f2.actions if a}
    return any(wanted <= stated[order] for order in f1.orders | f2.orders)


def _contradicting(f1: Fact, f2: Fact) -> bool:
    if f1.orders & f2.orders:
        return False
    a1, a2 = f1.actions, f2.actions
    if len(a1) != 1 or len(a2) != 1 or not lx.actions_contradict(next(iter(a1)), next(iter(a2))):
        return False
    for x in f1.representatives():
        for y in f2.representatives():
            vx, vy = x.claim.value, y.claim.value
            same = vx.low == vx.high == vy.low == vy.high
            # scope on one side only ("ten other people in Kharkiv"): another figure, not another predicate
            scoped = one_sided_scope(x, y) or distinct_set(x) != distinct_set(y)
            if (same and not conflicts(x, y, ignore_action=True) and not scoped
                    and context_similarity(x, y) >= PREDICATE_CONTEXT):
                return True
    return False
