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
from dataclasses import dataclass, field
from datetime import date

from app.engine import lexicon as lx
from app.engine.compare.context import context_similarity, mask, role_words, window_words
from app.engine.compare.items import AlignItem
from app.engine.frame.polarity import opposite
from app.engine.model import Claim, ClaimRef

# Minimum alignment score for a claim to join a fact; counts carry their class and action, so less context
# is needed than for a bare date or duration.
JOIN = {"count": 0.30, "other": 0.42}
REPRESENTATIVES = 6  # members of a fact a new claim is compared with (keeps the cost per claim bounded)
CONTRADICTION_JOIN = 0.5  # a claim with a contradicting predicate joins only a sentence retold closely
MERGE_POOL = 150  # facts per block examined when merging split facts (bounds the cost)
VERBATIM = 2.0  # the score of a claim retold word for word: above any fuzzy match, so it anchors
ROLE = 0.1  # bonus (or malus) when the words right after two measures share (or share no) content word
AGREEMENT_PRIOR = 0.08  # ranking bonus for a fact whose value the claim agrees with (ties only)

_PEOPLE = {"person", "child", "soldier"}  # "10 other people were hurt" counts the people hurt


@dataclass(slots=True)
class Fact:
    """One real-world quantity and the claims (one per article at most) that state it."""

    block: tuple[str, ...]
    members: list[AlignItem] = field(default_factory=list)
    scores: dict[ClaimRef, float] = field(default_factory=dict)  # how well each member joined
    predicate_join: bool = False  # two facts joined by join_predicates (same figure, other predicate)
    orders: set[int] = field(default_factory=set)  # the articles (by order) that have a member
    actions: set[str | None] = field(default_factory=set)
    _reps: list[AlignItem] = field(default_factory=list)
    _keys: set[tuple] = field(default_factory=set)

    @classmethod
    def seeded(cls, item: AlignItem) -> Fact:
        """A new fact whose first member is `item`."""
        fact = cls(item.block)
        fact.add(item, 1.0)
        return fact

    def add(self, item: AlignItem, score: float) -> None:
        """Make `item` a member (it joined with alignment score `score`)."""
        self.members.append(item)
        self.scores[item.ref] = score
        self.orders.add(item.order)
        self.actions.add(item.claim.frame.action)
        # one representative per distinct value, action and wording: a retelling that changed a verb is
        # checked against the retelling it came from, not only against the first member
        key = (item.claim.value.low, item.claim.value.high, item.claim.frame.action, item.context)
        if len(self._reps) < 2 or (key not in self._keys and len(self._reps) < REPRESENTATIVES):
            self._reps.append(item)
        self._keys.add(key)

    def absorb(self, other: Fact) -> None:
        """Take over the members of another fact."""
        for m in other.members:
            self.add(m, other.scores[m.ref])

    def representatives(self) -> list[AlignItem]:
        """A bounded sample of members: the first ones and one per distinct value, action and wording."""
        return self._reps


def block_of(claim: Claim) -> tuple[str, ...] | None:
    """What a claim measures, coarsely; only claims of one block are ever compared."""
    if claim.kind in ("count", "number"):
        return ("count", claim.frame.counted) if claim.frame.counted else None
    if claim.kind in ("quantity", "money", "percent"):
        dim = claim.value.dimension or claim.value.base_unit or claim.value.unit
        return (claim.kind, dim or "")
    return (claim.kind,)


def make_item(ref: ClaimRef, claim: Claim, source: str, order: int, copy_group: int = 0,
              published_at: date | None = None) -> AlignItem | None:
    """An AlignItem for `claim`, or None when the claim cannot be compared (no block)."""
    block = block_of(claim)
    if block is None:
        return None
    return AlignItem(ref, claim, source, order, copy_group, published_at, block, mask(claim.sentence),
                     window_words(claim), claim.frame.polarity, role_words(claim))


def _places(item: AlignItem) -> frozenset[str]:
    return frozenset(item.claim.frame.place.split("; ")) if item.claim.frame.place else frozenset()


def _subtypes(item: AlignItem) -> frozenset[str]:
    strict = lx.words("frame", "subtypes") - lx.words("frame", "subtypes", "loose")
    return frozenset(m for m in item.claim.frame.modifiers if m in strict)


def conflicts(a: AlignItem, b: AlignItem) -> str | None:
    """Why two claims cannot state one fact (a named frame conflict), or None."""
    fa, fb = a.claim.frame, b.claim.frame
    if fa.origin and fb.origin and fa.origin != fb.origin:
        return "origin"
    if fa.actor and fb.actor and fa.actor != fb.actor and lx.actions_compatible(fa.action, fb.action):
        return "actor"
    pa, pb = _places(a), _places(b)
    counts = a.block[0] == "count"  # a count is of a place ("wounded in the Kyiv region"); a date or a
    # distance merely mentions places, which may nest ("near Port Haldane" / "on the Sorrel Coast")
    if counts and pa and pb and not pa & pb and not (fa.place_inherited and fb.place_inherited):
        return "place"
    sa, sb = _subtypes(a), _subtypes(b)
    if sa and sb and not sa & sb:
        return "subtype"
    if fa.negated != fb.negated:
        return "negation"
    if _distinct_set(a) != _distinct_set(b) and a.block[-1] not in _PEOPLE:
        return "another set"  # "three other bases" is not "four airbases" ("10 other people" may be)
    if _days_apart(fa.time, fb.time) > 1:
        return "time"
    if opposite(a.polarity, b.polarity) and not _same_figure(a.claim, b.claim):
        return "trend"  # "rose 2%" and "fell 3%" are two changes; "rose 18%" vs "fell 18%" is one disputed
    return None


def _same_figure(a: Claim, b: Claim) -> bool:
    va, vb = a.value, b.value
    return va.nominal is not None and va.nominal == vb.nominal and va.unit == vb.unit


def _days_apart(x: str | None, y: str | None) -> int:
    if not x or not y or len(x) != 10 or len(y) != 10:
        return 0
    try:
        return abs((date.fromisoformat(x) - date.fromisoformat(y)).days)
    except ValueError:
        return 0


def pair_score(a: AlignItem, b: AlignItem, ignore_action: bool = False) -> float | None:
    """How strongly two claims of different articles state the same fact; None when they cannot.
    `ignore_action` leaves the predicates out (to judge whether a predicate changed). The same claim in the
    same sentence word for word anchors: its frames may differ only by what was resolved against each
    article's own publication date."""
    if a.block == b.block and verbatim(a, b):
        return VERBATIM
    if a.block != b.block or conflicts(a, b):
        return None
    fa, fb = a.claim.frame, b.claim.frame
    sim = context_similarity(a, b)
    score = sim
    if fa.action and fb.action and not ignore_action:
        if fa.action == fb.action:
            score += 0.25
        elif lx.actions_compatible(fa.action, fb.action):
            score += 0.2
        else:  # another predicate: only the same sentence retold can make it the same fact
            score -= 0.25
    if fa.noun and fa.noun == fb.noun:  # for a measure the noun is what is measured: "of rain"
        score += 0.05 if a.block[0] == "count" else 0.15
    pa, pb = _places(a), _places(b)
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
    if _distinct_set(a) != _distinct_set(b):  # "three other bases" is not "four airbases"
        score -= 0.3
    return score


def verbatim(a: AlignItem, b: AlignItem) -> bool:
    """True when two claims are the same words at the same place of the same sentence."""
    ca, cb = a.claim, b.claim
    return (ca.text == cb.text and ca.sentence == cb.sentence
            and ca.start - ca.sentence_start == cb.start - cb.sentence_start)


def _distinct_set(item: AlignItem) -> bool:
    return any(m in lx.words("frame", "distinct_set") for m in item.claim.frame.modifiers)


def values_meet(a: Claim, b: Claim) -> bool:
    """True when two claims' stated intervals overlap (used only to break near-ties, never to align)."""
    va, vb = a.value, b.value
    base = va.base_unit is not None and va.base_unit == vb.base_unit
    lo_a, hi_a = (va.base_low, va.base_high) if base else (va.low, va.high)
    lo_b, hi_b = (vb.base_low, vb.base_high) if base else (vb.low, vb.high)
    return (lo_a is None or hi_b is None or lo_a <= hi_b) and (lo_b is None or hi_a is None or lo_b <= hi_a)


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
    for m in reps:
        s = pair_score(item, m)
        if s is None:
            return None
        r = s + (AGREEMENT_PRIOR if values_meet(item.claim, m.claim) else 0.0)
        best = s if best is None else max(best, s)
        rank = r if rank is None else max(rank, r)
    return (best, rank) if best is not None and rank is not None else None


def align(items: Iterable[AlignItem]) -> list[Fact]:
    """Group the claims of one story into facts; each fact holds at most one claim per article."""
    by_article: dict[int, list[AlignItem]] = defaultdict(list)
    for it in items:
        by_article[it.order].append(it)
    facts: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for order in sorted(by_article):
        _assign(by_article[order], facts)
    for block_facts in facts.values():
        _merge_split(block_facts)
    return join_predicates([f for fs in facts.values() for f in fs])


def _link(f1: Fact, f2: Fact) -> float | None:
    """How well two facts of disjoint articles fit together as one (None: they cannot)."""
    best = None
    for x in f1.representatives():
        for y in f2.representatives():
            s = pair_score(x, y)
            if s is None:
                return None
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
            s = _link(f1, f2)
            if s is not None:
                links.append((s, i, j))
    merged: dict[int, int] = {}

    def root(k: int) -> int:
        while k in merged:
            k = merged[k]
        return k

    for _, i, j in sorted(links, reverse=True):
        a, b = root(i), root(j)
        if a == b or pool[a].orders & pool[b].orders or _link(pool[a], pool[b]) is None:
            continue
        pool[a].absorb(pool[b])
        merged[b] = a
    block_facts[:] = [f for k, f in enumerate(pool) if k not in merged] + block_facts[MERGE_POOL:]


def _assign(article_items: Sequence[AlignItem], facts: dict[tuple[str, ...], list[Fact]]) -> None:
    """Assign one article's claims to existing facts one-to-one (best scores first); the rest start facts."""
    by_block: dict[tuple[str, ...], list[AlignItem]] = defaultdict(list)
    for it in article_items:
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


PREDICATE_CONTEXT = 0.2  # context similarity needed to read one figure with two predicates as one fact


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
    for group in by_value.values():
        unique = list({id(f): f for f in group}.values())
        for i, f1 in enumerate(unique):
            for f2 in unique[i + 1 :]:
                if id(f1) in absorbed or id(f2) in absorbed or not _contradicting(f1, f2):
                    continue
                f1.absorb(f2)
                f1.predicate_join = True
                absorbed.add(id(f2))
    return [f for f in facts if id(f) not in absorbed]


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
            if same and not conflicts(x, y) and context_similarity(x, y) >= PREDICATE_CONTEXT:
                return True
    return False
