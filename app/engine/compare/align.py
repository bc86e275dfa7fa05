"""Which claims of different articles state the same fact.

A claim's framing (counted class, action, actor, origin, place, time) and its sentence context decide, never
the bare number. Claims are blocked by what they measure (counted class or unit dimension), and each
article's claims are assigned one-to-one to the facts already seen in their block, so the cost grows with the
number of claims times the (small) number of facts per block, not with all pairs of claims.

    facts = align(make_item(ref, claim, source, order) for ...)   # the claims of one story
    [len(f.members) for f in facts]                               # at most one claim per article each
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from app.engine import lexicon as lx
from app.engine.compare.context import context_similarity, mask, role_words, window_words
from app.engine.compare.fact import Fact
from app.engine.compare.intervals import is_share, values_meet
from app.engine.compare.items import AlignItem, with_stated
from app.engine.compare.keys import (
    conflicts,
    copied_sentence,
    distinct_set,
    hard_conflict,
    named_in,
    places,
    rival_counts,
    same_figure,
    slipped,
    subtypes,
)
from app.engine.compare.predicates import join_predicates
from app.engine.model import Claim, ClaimRef, FactKey

# Minimum alignment score for a claim to join a fact; counts carry their class and action, so less context
# is needed than for a bare date or duration.
JOIN = {"count": 0.30, "other": 0.30}
CONTRADICTION_JOIN = 0.5  # a claim with a contradicting predicate joins only a sentence retold closely
MERGE_POOL = 150  # facts per block examined when merging split facts (bounds the cost)
VERBATIM = 2.0  # the score of a claim retold word for word: above any fuzzy match, so it anchors
ROLE = 0.1  # bonus (or malus) when the words right after two measures share (or share no) content word
SLIP = 0.25  # bonus for two figures one swapped or changed digit apart (keys.slipped): as strong as one verb
SAME_FIGURE = 0.1  # join bonus for two exact figures of one value and unit (never in the ranking)
AGREEMENT_PRIOR = 0.08  # ranking bonus for a fact whose value the claim agrees with (ties only)

def block_of(claim: Claim) -> tuple[str, ...] | None:
    """What a claim measures, coarsely; only claims of one block are ever compared."""
    if claim.kind == "number" and claim.value.dimension and claim.value.unit in (None, claim.value.dimension):
        return ("scale", claim.value.dimension)  # "magnitude 5.6": a reading, measured, not counted
    if claim.kind in ("count", "number"):
        if "whole" in claim.frame.modifiers:
            return None  # "six of the seven members": the set a partitive counts from is its context
        if is_share(claim):  # "nearly a third of rail staff" is a share, as "31% of its staff" is
            return ("percent", "share")
        return ("count", claim.frame.counted) if claim.frame.counted else None
    if claim.kind == "time":  # a clock time in a known zone compares in UTC; "local time" only with its like
        return ("time", "utc" if claim.value.base_unit else "wall")
    if "point" in (claim.value.unit or "") and claim.kind in ("percent", "quantity"):
        return ("percent", "points")  # a difference in points (7.4 points, 50 basis points)
    if claim.kind == "percent":  # a share (41.3%) never compares with a difference in points
        return ("percent", "share")
    if claim.kind in ("quantity", "money"):
        dim = claim.value.dimension or claim.value.base_unit or claim.value.unit
        return (claim.kind, dim or "")
    return (claim.kind,)


def fact_key(claim: Claim) -> FactKey:
    """The key of a claim as the comparison reads it (for people and for a service's index of facts)."""
    f = claim.frame
    item = AlignItem(ClaimRef("", 0), claim, "", 0, block=block_of(claim) or ())
    # "in 4.5 hour": the span it built up over; "on the year", "to 6 p.m.", "for the quarter", "against
    # EUR": the base, the snapshot, the period or the other currency
    stated = f.window and f.window.startswith(("on ", "to ", "for ", "against "))
    span = ((f.window if stated else f"in {f.window}"),) if f.window else ()
    scope = tuple(sorted(subtypes(item))) + tuple(sorted(places(item))) + span
    measure = f.measure or (f.noun if claim.kind not in ("count", "number") else f.counted)
    event, as_of = (None, f.time) if f.as_of else (f.time, None)
    return FactKey(block_of(claim), measure, scope, f.holder, f.action, f.claimant, f.modality, event, as_of)


def make_item(ref: ClaimRef, claim: Claim, source: str, order: int, copy_group: int = 0,
              published_at: date | None = None) -> AlignItem | None:
    """An AlignItem for `claim`, or None when the claim cannot be compared (no block)."""
    block = block_of(claim)
    if block is None:
        return None
    return AlignItem(ref, claim, source, order, copy_group, published_at, block, mask(claim.sentence),
                     window_words(claim), claim.frame.polarity, role_words(claim))


def pair_score(a: AlignItem, b: AlignItem, ignore_action: bool = False) -> float | None:
    """How strongly two claims of different articles state the same fact; None when they cannot.
    `ignore_action` leaves the predicates out (to judge whether a predicate changed). The same claim in the
    same sentence word for word anchors: its frames may differ only by what was resolved against each
    article's own publication date."""
    if a.block == b.block and verbatim(a, b):
        return VERBATIM
    if a.block != b.block or conflicts(a, b, ignore_action):
        return None
    fa, fb = a.claim.frame, b.claim.frame
    sim = context_similarity(a, b)
    score = sim
    # a count is what was done to things; a measure's verb is often the sentence's, not the figure's
    # ("winds of 215 km/h" when the storm "killed" or "made landfall"): shared verbs count, others do not
    counts = a.block[0] == "count"
    if fa.action and fb.action and not ignore_action:
        if fa.action == fb.action:
            score += 0.25
        elif lx.actions_compatible(fa.action, fb.action):
            score += 0.2
        elif counts:  # another predicate: only the same sentence retold can make it the same fact
            score -= 0.25
    if fa.noun and fa.noun == fb.noun:  # for a measure the noun is what is measured: "of rain"
        score += 0.05 if a.block[0] == "count" else 0.15
    if fa.measure and fb.measure:  # both name what they measure, and it is the same (else: conflicts)
        score += 0.15
    if fa.holder and fb.holder:  # both say whose figure it is, and it is the same one
        score += 0.15
    elif not counts and (named_in(fa.holder, b) or named_in(fb.holder, a)):  # the other's sentence names
        score += 0.15  # the holder ("Tarus won, taking 42 seconds off" / "Tarus improved it by 42sec")
    pa, pb = places(a), places(b)
    if pa & pb:
        score += 0.2
    elif pa and pb:  # two places read off main clauses that differ: weaker evidence against
        score -= 0.3
    if a.block[0] != "count" and a.role and b.role:  # what a sum or a share is for: "for public spending"
        score += ROLE if a.role & b.role else -ROLE
    if fa.actor and fa.actor == fb.actor:
        score += 0.05
    if fa.origin and fa.origin == fb.origin:
        score += 0.05
    if fa.time and fa.time == fb.time:
        score += 0.05
    if a.claim.kind != b.claim.kind and "count" not in a.block:
        score -= 0.1
    if distinct_set(a) != distinct_set(b):  # "three other bases" is not "four airbases"
        score -= 0.3
    if slipped(a.claim, b.claim):  # "4,212 patients" / "4,122 patients": a desk's slip of one figure
        score += SLIP
    return score


def _join_score(a: AlignItem, b: AlignItem, score: float) -> float:
    """A pair's score against the join threshold: one exact figure in both ("24 wards" / "24 wards") is
    evidence of one fact too. It only helps a pair over the threshold; which fact a claim joins is ranked
    without it (two figures a desk swapped go by what each is for, not by their values)."""
    return score + SAME_FIGURE if _same_exact_figure(a.claim, b.claim) else score


def _same_exact_figure(a: Claim, b: Claim) -> bool:
    """Two exact figures of one value and unit, not a bare small count ("three people" says little)."""
    if a.value.qualifier != "exact" or b.value.qualifier != "exact" or not same_figure(a, b):
        return False
    return a.kind not in ("count", "number") or abs(a.value.nominal or 0) >= 10


def verbatim(a: AlignItem, b: AlignItem) -> bool:
    """True when two claims are the same words at the same place of the same sentence."""
    ca, cb = a.claim, b.claim
    return (ca.text == cb.text and ca.sentence == cb.sentence
            and ca.start - ca.sentence_start == cb.start - cb.sentence_start)


def _threshold(block: tuple[str, ...]) -> float:
    return JOIN["count"] if block[0] == "count" else JOIN["other"]


def _fact_score(item: AlignItem, fact: Fact) -> tuple[float, float] | None:
    """(alignment score, ranking score) of a claim against a fact. The ranking adds a small prior that
    sources agree, so that among facts that fit equally well the one with a compatible value wins; it never
    lets a claim join a fact its context does not fit."""
    best, rank = None, None
    reps = fact.representatives()
    if any(verbatim(item, m) for m in reps):
        return VERBATIM, VERBATIM + AGREEMENT_PRIOR
    # a copy of one member's sentence whose verb a desk changed may join although the other members'
    # verbs then contradict it: the change is what the fact is to show
    copied = item.block[0] == "count" and any(copied_sentence(item, m) for m in reps)
    if any(m.block != item.block or hard_conflict(item, m, ignore_action=copied) or rival_counts(item, m)
           for m in reps):
        return None  # it contradicts a member: never one fact with it
    for m in reps:  # it must fit one member strongly; a member it differs from in scope is judged by that one
        s = pair_score(item, m)
        if s is None:
            continue
        r = s + (AGREEMENT_PRIOR if values_meet(item.claim, m.claim) else 0.0)
        s = _join_score(item, m, s)
        best = s if best is None else max(best, s)
        rank = r if rank is None else max(rank, r)
    return (best, rank) if best is not None and rank is not None else None


def align(items: Iterable[AlignItem]) -> list[Fact]:
    """Group the claims of one story into facts; each fact holds at most one claim per article.

    Figures come first, vague ones ("hundreds of people", "dozens") after every precise one: a vague figure
    fits many facts and would otherwise seed one that draws the precise figures away from their own."""
    return merge_facts(assign_facts(items))


def assign_facts(items: Iterable[AlignItem]) -> dict[tuple[str, ...], list[Fact]]:
    """The first step of `align`: each block's facts as one-to-one assignment leaves them, in the order the
    blocks were met, article after article (precise figures first, vague ones after)."""
    by_article: dict[tuple[bool, Any], list[AlignItem]] = defaultdict(list)
    for it in items:
        by_article[timeline_key(it)].append(it)
    facts: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for key in sorted(by_article):
        assign(by_article[key], facts)
    return facts


def merge_facts(facts: dict[tuple[str, ...], list[Fact]]) -> list[Fact]:
    """The second step of `align`: split facts merged in each block, then one figure with two predicates
    joined (`facts` are changed)."""
    for block_facts in facts.values():
        _merge_split(block_facts)
    return join_predicates([f for fs in facts.values() for f in fs])


def timeline_key(item: AlignItem) -> tuple[bool, Any]:
    """When `align` assigns a claim: its article's place, vague figures after every precise one."""
    return (is_vague(item.claim), item.order)


def is_vague(claim: Claim) -> bool:
    """A figure stated without a number of its own: "hundreds", "dozens", "tens of thousands"."""
    return claim.value.nominal is None and claim.value.qualifier == "range" and claim.kind == "count"


def link(f1: Fact, f2: Fact) -> float | None:
    """How well two facts of disjoint articles fit together as one (None: they cannot)."""
    best = None
    pairs = [(x, y) for x in f1.representatives() for y in f2.representatives()]
    # a fact that already holds a desk's changed verb ("killed" in a copy of "injured") contradicts
    # itself; another fact fits it if it fits its original
    changed = any(len({a for a in f.actions if a}) > 1 for f in (f1, f2))
    copied = f1.block[0] == "count" and (changed or any(copied_sentence(x, y) for x, y in pairs))
    if any(x.block != y.block or hard_conflict(x, y, ignore_action=copied) or rival_counts(x, y)
           for x, y in pairs):
        return None
    for x in f1.representatives():
        for y in f2.representatives():
            s = pair_score(x, y)
            if s is None:
                continue
            s = _join_score(x, y, s)
            need = _threshold(f1.block)
            if lx.actions_contradict(x.claim.frame.action, y.claim.frame.action):
                need = max(need, CONTRADICTION_JOIN)
            if s >= need and (best is None or s > best):
                best = s
    return best


def _merge_split(block_facts: list[Fact]) -> None:
    """Merge facts that one-to-one assignment kept apart although they fit: an article's claim went to a
    fact seeded by a close retelling, leaving the original's claim alone. Only facts of disjoint articles
    merge, strongest links first; the number of facts examined is bounded."""
    pool = block_facts[:MERGE_POOL]
    links = []
    for i, f1 in enumerate(pool):
        for j in range(i + 1, len(pool)):
            f2 = pool[j]
            if f1.orders & f2.orders:
                continue
            s = link(f1, f2)
            if s is not None:
                links.append((s, i, j))
    merged: dict[int, int] = {}

    def root(k: int) -> int:
        while k in merged:
            k = merged[k]
        return k

    for _, i, j in sorted(links, reverse=True):
        a, b = root(i), root(j)
        if a == b or pool[a].orders & pool[b].orders or link(pool[a], pool[b]) is None:
            continue
        pool[a].absorb(pool[b])
        merged[b] = a
    block_facts[:] = [f for k, f in enumerate(pool) if k not in merged] + block_facts[MERGE_POOL:]


def assign(article_items: Sequence[AlignItem], facts: dict[tuple[str, ...], list[Fact]]) -> None:
    """Assign one article's claims to existing facts one-to-one (best scores first); the rest start facts."""
    by_block: dict[tuple[str, ...], list[AlignItem]] = defaultdict(list)
    for it in with_stated(article_items):
        by_block[it.block].append(it)
    for block, block_items in by_block.items():
        existing = facts[block]
        candidates = []
        for i, it in enumerate(block_items):
            for j, fact in enumerate(existing):
                scored = _fact_score(it, fact)
                need = _threshold(block)
                action = it.claim.frame.action
                if any(lx.actions_contradict(action, other) for other in fact.actions):
                    need = max(need, CONTRADICTION_JOIN)
                if scored is not None and scored[0] >= need:
                    candidates.append((scored[1], scored[0], i, j))
        candidates = _prefer_exact(candidates, block_items)
        used_items, used_facts = set(), set()
        for _, s, i, j in sorted(candidates, key=lambda c: -c[0]):
            if i in used_items or j in used_facts:
                continue
            used_items.add(i)
            used_facts.add(j)
            existing[j].add(block_items[i], s)
        for i, it in enumerate(block_items):
            if i not in used_items:
                existing.append(Fact.seeded(it))


def _prefer_exact(candidates: list[tuple[float, float, int, int]], items: Sequence[AlignItem]
                  ) -> list[tuple[float, float, int, int]]:
    """An article that states one fact twice, as a bound and exactly ("killing at least 24 people", "24
    people had been confirmed dead"), speaks for it with the exact figure: of two candidates for one fact
    with one figure, the exact one ranks just above the bound."""
    ranks: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for rank, _, i, j in candidates:
        ranks[j].append((rank, i))
    out = []
    for rank, score, i, j in candidates:
        claim = items[i].claim
        if _exact(claim):
            bounds = [r for r, k in ranks[j] if k != i and not _exact(items[k].claim)
                      and items[k].claim.value.nominal == claim.value.nominal]
            rank = max([rank, *(r + 1e-6 for r in bounds)])
        out.append((rank, score, i, j))
    return out


def _exact(claim: Claim) -> bool:
    v = claim.value
    return v.qualifier == "exact" and v.nominal is not None and v.low == v.high
