"""Agreement or discrepancy of one aligned fact, by interval logic, with a one-line reason.

    exact equal                         -> agreement (verdict "exact")
    a bound or approximation admits it  -> agreement (verdict "compatible"): "more than 40" vs 41
    disjoint intervals                  -> discrepancy (verdict "value"): "nearly 40" vs 41, 472 vs 427
    same figure, contradictory action   -> discrepancy (verdict "predicate"): 114 fired vs 114 intercepted
    same figure, opposite readings      -> discrepancy (verdict "opposite"): surplus vs deficit of 1.4%

Values in different units are compared in the base unit (Value.base_*), with the rounding tolerance of
lexicon/qualifiers.toml ([rounding]) stated in the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations

from app.engine import lexicon as lx
from app.engine.compare.context import context_similarity
from app.engine.compare.fact import Fact
from app.engine.compare.intervals import Interval, by_month_day, interval
from app.engine.compare.items import AlignItem
from app.engine.compare.keys import currency_of, soft_conflict
from app.engine.compare.kinds import confidence, difference_kind
from app.engine.compare.predicates import PREDICATE_CONTEXT
from app.engine.compare.wording import fact_label, says, shared_key
from app.engine.extract.units import TEMPERATURE_ROUNDING
from app.engine.frame.polarity import opposite
from app.engine.model import Finding, Severity

# One figure given two actions is a predicate discrepancy only when the engine is this sure (confidence)
# that the two sentences tell one fact: a story often states one number twice, of two things.
PREDICATE_CONFIDENCE = 0.5
PAIRS = 8  # members of each side examined for a pair that founds a discrepancy (bounds the cost)
_CASUALTIES = {"person", "child", "soldier", "civilian"}


def judge(fact: Fact, story_id: str | None = None) -> list[Finding]:
    """The findings of one fact: an agreement, or a discrepancy (with the agreements inside its sides).

    The same alignment that makes an agreement makes a discrepancy when the values differ; how sure the
    engine is that the claims state one fact is the finding's `confidence`, never a reason to stay silent.
    """
    members = fact.members
    if len({m.ref.article_id for m in members}) < 2:
        return []
    use_base, widths = _comparison_basis(members)
    widen = max(widths, default=0.0)
    month_day = by_month_day([m.claim for m in members])
    spans = [interval(m.claim, use_base, w, month_day) for m, w in zip(members, widths, strict=True)]
    # as stated, unwidened: what makes an agreement exact ("18 months" / "a year and a half")
    stated_spans = [interval(m.claim, use_base, 0.0, month_day) for m in members] if widen else spans
    label = fact_label(members)
    base = members[0].claim.value.base_unit
    tolerance = f"±{TEMPERATURE_ROUNDING:g} K" if base == "kelvin" else f"±{widen:.0%}"
    note = f" (compared in {base}, {tolerance} rounding tolerance)" if widen else ""
    if any(m.claim.is_conversion for m in members):  # "36C (87F)": the restatement is what is compared
        note += "; a restatement its own article's figure contradicts"

    def agreements(sides: Sequence[Sequence[AlignItem]]) -> list[Finding]:
        """Each side's agreement; a side whose equal figures point opposite ways ("fell 4.1%" / "rose
        4.1%", beside another side's 7.3%) is that opposite reading instead."""
        out = []
        for side in sides:
            by_sign = _polarity_sides(side) if len(sides) > 1 else []
            if by_sign:
                out.append(opposite_readings(by_sign))
                out.extend(agreements(by_sign))
                continue
            found = _agreement(side, _spans_of(side, members, stated_spans), label, note, story_id)
            if found:
                out.append(found)
        return out

    def opposite_readings(by_sign: Sequence[Sequence[AlignItem]]) -> Finding:
        readings = " vs ".join(" ".join(side[0].polarity or ()) for side in by_sign)
        return _discrepancy(fact, by_sign, "opposite", "opposite", f"; opposite readings: {readings}{note}",
                            label, story_id)

    if fact.predicate_join:  # one figure, two predicates, joined as such: the predicate is the difference
        by_action = _predicate_sides(members)
        if by_action:
            found = _discrepancy(fact, by_action, "predicate", "predicate", f"; other predicate{note}", label,
                                 story_id, ignore_action=True)
            return [found, *agreements(by_action)]
    by_currency = _currency_sides(members, use_base)
    if by_currency:  # "for €18 million" / "for £18 million": one sum, and a desk changed its currency
        found = _discrepancy(fact, by_currency, "value", "conflict", f"; another currency{note}", label,
                             story_id)
        return [found, *agreements(by_currency)]
    camps = _camps(spans)
    if len(camps) > 1:
        sides = [[members[i] for i in camp] for camp in camps]
        if not _founded(sides):  # every pair across the camps differs in scope: a part and its whole
            return agreements(_with_neutral(sides, members))
        kind, detail = difference_kind(members, sides)
        return [_discrepancy(fact, sides, "value", kind, detail + note, label, story_id), *agreements(sides)]
    by_sign = _polarity_sides(members)
    if by_sign:
        return [opposite_readings(by_sign), *agreements(by_sign)]
    # only counts carry action verbs; an area or a distance has no predicate to change ("burned 70,000 acres")
    by_action = _predicate_sides(members) if fact.block[0] == "count" else []
    if by_action:
        # one figure and two actions: unless the sentences are close retellings, they are two facts that
        # share a number ("three killed" and "three injured" in one story)
        sure, _ = confidence(by_action, ignore_action=True)
        retold = _retelling(by_action) >= PREDICATE_CONTEXT
        if not fact.predicate_join and (sure < PREDICATE_CONFIDENCE or not retold):
            return agreements(by_action)  # two facts that share a number: each one's sources agree
        found = _discrepancy(fact, by_action, "predicate", "predicate", f"; other predicate{note}", label,
                             story_id, ignore_action=True)
        return [found, *agreements(by_action)]
    found = _agreement(members, stated_spans, label, note, story_id)
    return [found] if found else []


def _agreement(members: Sequence[AlignItem], spans: Sequence[Interval], label: str, note: str,
               story_id: str | None) -> Finding | None:
    """Members (of two or more articles) whose values all admit each other."""
    if len({m.ref.article_id for m in members}) < 2:
        return None
    exact = _same_statement(members, spans)
    stated = says(members, verbs=False)
    return Finding(
        type="agreement",
        claims=tuple(m.ref for m in members),
        reason=(f"{stated}{'' if exact else ' (compatible)'}{note}; fact: {label}; "
                f"joined on: {shared_key(members)}"),
        story_id=story_id,
        severity="info",
        fact=label,
        verdict="exact" if exact else "compatible",
        kind="agreement" if exact else "compatible",
        sides=(tuple(m.ref for m in members),),
        independent_sources=(len({m.copy_group for m in members}),),
        anchor=members[0].ref,
    )


def _currency_sides(members: Sequence[AlignItem], use_base: bool) -> list[list[AlignItem]]:
    """Sums of one fact stated in two currencies, which no rate here converts: one side per currency (none
    when one currency, or when they compare in one base)."""
    if use_base or any(m.claim.kind != "money" for m in members):
        return []
    sides: dict[str, list[AlignItem]] = {}
    for m in members:
        sides.setdefault(currency_of(m.claim), []).append(m)
    return list(sides.values()) if len(sides) > 1 else []


def _same_statement(members: Sequence[AlignItem], spans: Sequence[Interval]) -> bool:
    """Every member states the same closed interval, unqualified: one figure, or one date or span of days
    ("overnight" and "overnight into Saturday" in a Saturday paper)."""
    first = spans[0]
    return (first.lo is not None and first.hi is not None and all(s == first for s in spans)
            and all(m.claim.value.qualifier == "exact" for m in members))


def _comparison_basis(members: Sequence[AlignItem]) -> tuple[bool, list[float]]:
    """Compare in base units when every member has one and they are the same; when units differ, widen the
    figures in another unit than the most common one by the rounding of a conversion (both ends' share of
    it: "103 mph" admits 165 km/h and 160 km/h), and compare the figures in one unit as they are ("165
    km/h" and "160 km/h" differ)."""
    values = [m.claim.value for m in members]
    bases = {v.base_unit for v in values}
    use_base = len(bases) == 1 and None not in bases and all(
        v.base_nominal is not None or v.base_low is not None or v.base_high is not None for v in values)
    units = Counter(v.unit for v in values)
    if not use_base or len(units) < 2:
        return use_base, [0.0] * len(values)
    main = max(units, key=lambda u: (units[u], -next(i for i, v in enumerate(values) if v.unit == u)))
    width = 2 * lx.qualifiers().converted_rounding
    return use_base, [0.0 if v.unit == main else width for v in values]


def _camps(spans: Sequence[Interval]) -> list[list[int]]:
    """Split members into camps of mutually compatible values; members compatible with every camp (a loose
    bound such as "over 400") stay out of all camps. One camp means the values agree. Computed over the
    distinct intervals, so a fact stated by a thousand sources costs no more than its few distinct values."""
    distinct = list(dict.fromkeys(spans))
    members: dict[Interval, list[int]] = {}
    for i, s in enumerate(spans):
        members.setdefault(s, []).append(i)
    return [sorted(i for d in camp for i in members[distinct[d]]) for camp in _distinct_camps(distinct)]


def _distinct_camps(spans: Sequence[Interval]) -> list[list[int]]:
    order = sorted(range(len(spans)), key=lambda i: (not spans[i].exact, i))
    camps: list[list[int]] = []
    for i in order:
        for camp in camps:
            if all(spans[i].meets(spans[j]) for j in camp):
                camp.append(i)
                break
        else:
            camps.append([i])
    if len(camps) < 2:
        return camps
    neutral = {i for i in range(len(spans)) if all(spans[i].meets(spans[j]) for j in range(len(spans)))}
    camps = [[i for i in camp if i not in neutral] for camp in camps]
    return [sorted(c) for c in camps if c]


def _spans_of(side: Sequence[AlignItem], members: Sequence[AlignItem], spans: Sequence[Interval]
              ) -> list[Interval]:
    index = {m.ref: i for i, m in enumerate(members)}
    return [spans[index[m.ref]] for m in side]


def _polarity_sides(members: Sequence[AlignItem]) -> list[list[AlignItem]]:
    """Members split by the way their figure points when two point opposite ways on one scale (surplus vs
    deficit, rose vs fell); members with no reading stay out of both sides."""
    signed = [m for m in members if m.polarity]
    if not any(opposite(a.polarity, b.polarity) and not _two_sides_of_a_margin(a, b)
               for a, b in combinations(signed, 2)):
        return []
    groups: dict[tuple[str, str], list[AlignItem]] = {}
    for m in signed:
        groups.setdefault(m.polarity, []).append(m)
    return list(groups.values())


def _two_sides_of_a_margin(a: AlignItem, b: AlignItem) -> bool:
    """'won 38 seconds ahead of Rehberg' and 'Rehberg finished 38 seconds behind' tell one margin from its
    two ends: opposite only when both say it is the same one's."""
    if a.polarity is None or a.polarity[0] != "margin":
        return False
    ha, hb = a.claim.frame.holder, b.claim.frame.holder
    return not (ha and hb and ha == hb)


def _predicate_sides(members: Sequence[AlignItem]) -> list[list[AlignItem]]:
    """Members grouped by action when two of them give the same figure contradictory actions."""
    own = [m for m in members if m.claim.frame.action and not m.claim.frame.action_inherited]
    actions = {m.claim.frame.action for m in own}
    if not any(lx.actions_contradict(a, b) for a, b in combinations(sorted(actions), 2)):
        return []
    groups: dict[str, list[AlignItem]] = {}
    for m in own:
        if m.claim.frame.action:
            groups.setdefault(m.claim.frame.action, []).append(m)
    return list(groups.values())


def _founded(sides: Sequence[Sequence[AlignItem]]) -> bool:
    """Some pair of claims on two sides states one fact with nothing one of them lacks (no soft conflict):
    the figure of one outlet against the same figure of another, not a part against a whole."""
    return any(soft_conflict(a, b) is None for x, y in combinations(range(len(sides)), 2)
               for a in sides[x][:PAIRS] for b in sides[y][:PAIRS])


def _with_neutral(sides: Sequence[Sequence[AlignItem]], members: Sequence[AlignItem]
                  ) -> list[list[AlignItem]]:
    """Sides that are a part and a whole, each with the members outside every camp that state its scope:
    "at least three dead in Burnet County" agrees with "three deaths in Burnet County", not with the
    state's "at least 24"."""
    placed = {m.ref for side in sides for m in side}
    neutral = [m for m in members if m.ref not in placed]
    return [[*side, *(n for n in neutral if all(soft_conflict(n, m) is None for m in side[:PAIRS]))]
            for side in sides]


def _retelling(sides: Sequence[Sequence[AlignItem]]) -> float:
    """How closely the best-matched sentences of two sides retell each other (context likeness)."""
    return max((context_similarity(a, b) for x, y in combinations(range(len(sides)), 2)
                for a in sides[x][:4] for b in sides[y][:4]), default=0.0)


def _discrepancy(fact: Fact, sides: Sequence[Sequence[AlignItem]], verdict: str, kind: str, detail: str,
                 label: str, story_id: str | None, ignore_action: bool = False) -> Finding:
    in_sides = {m.ref for side in sides for m in side}
    neutral = [m for m in fact.members if m.ref not in in_sides]
    parts = [says(side, verbs=verdict == "predicate") for side in sides]
    sure, doubt = confidence(sides, ignore_action)
    also = f"; fits both: {says(neutral, verbs=False)}" if neutral else ""
    return Finding(
        type="discrepancy",
        claims=tuple(m.ref for side in sides for m in side) + tuple(m.ref for m in neutral),
        reason=(f"{' vs '.join(parts)}{detail}{also}{doubt}; fact: {label}; "
                f"joined on: {shared_key(fact.members)}"),
        story_id=story_id,
        severity=_severity(fact, sides, verdict),
        fact=label,
        verdict=verdict,
        sides=tuple(tuple(m.ref for m in side) for side in sides),
        independent_sources=tuple(len({m.copy_group for m in side}) for side in sides),
        anchor=fact.members[0].ref,
        kind=kind,
        confidence=sure,
    )


def _severity(fact: Fact, sides: Sequence[Sequence[AlignItem]], verdict: str) -> Severity:
    counted = fact.block[1] if fact.block[0] == "count" and len(fact.block) > 1 else None
    actions = {m.claim.frame.action for side in sides for m in side}
    if verdict == "predicate" or counted in _CASUALTIES or actions & {"kill", "wound"}:
        return "high"
    groups = [{m.copy_group for m in side} for side in sides]
    if any(a & b for a, b in combinations(groups, 2)):  # a copy of one wire story changed the figure
        return "high"
    return "medium"


