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

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from app.engine import lexicon as lx
from app.engine.compare.align import AlignItem, Fact, pair_score
from app.engine.frame.polarity import opposite
from app.engine.model import Claim, Finding, Severity

# A discrepancy accuses a source of an error: it needs a stronger alignment than an agreement does.
DISCREPANCY_SCORE = {"count": 0.60, "other": 0.70}
_INTEGER_KINDS = ("count", "number", "age")
_CASUALTIES = {"person", "child", "soldier", "civilian"}


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed-or-open interval of admitted values; None is unbounded."""

    lo: float | None
    hi: float | None
    lo_open: bool = False
    hi_open: bool = False

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share at least one value."""
        return _below(self.lo, self.lo_open, other.hi, other.hi_open) and _below(
            other.lo, other.lo_open, self.hi, self.hi_open
        )

    @property
    def exact(self) -> bool:
        return self.lo is not None and self.lo == self.hi and not (self.lo_open or self.hi_open)


def _below(lo: float | None, lo_open: bool, hi: float | None, hi_open: bool) -> bool:
    if lo is None or hi is None:
        return True
    return lo < hi if (lo_open or hi_open) else lo <= hi


def interval(claim: Claim, use_base: bool, widen: float = 0.0) -> Interval:
    """The values `claim` admits: its Value interval, a close bound kept near its figure ("nearly 40" is not
    3), counts made integral under a strict bound ("more than 40" admits 41 and up), widened by a relative
    rounding tolerance if asked. Everything comes from the Value the extractor recorded."""
    v = claim.value
    lo, hi, nominal = (v.base_low, v.base_high, v.base_nominal) if use_base else (v.low, v.high, v.nominal)
    if lo is None and hi is None and v.qualifier == "exact":
        lo = hi = nominal
    close = v.tolerance if v.qualifier in ("lower_bound", "upper_bound") else None
    if close and lo is None and hi is not None:
        lo = hi * (1 - close)  # "nearly four years" is not three
    if close and hi is None and lo is not None:
        hi = lo * (1 + close)
    if claim.kind in _INTEGER_KINDS and v.strict:  # whole things: "more than 40" admits 41 and up, not 40
        if lo is not None and v.qualifier == "lower_bound":
            lo += 1
        if hi is not None and v.qualifier == "upper_bound":
            hi -= 1
    if widen and nominal is not None:
        pad = abs(nominal) * widen
        lo = lo - pad if lo is not None else None
        hi = hi + pad if hi is not None else None
    return Interval(lo, hi)


def judge(fact: Fact, story_id: str | None = None) -> list[Finding]:
    """The findings of one fact: an agreement, a value discrepancy or a predicate discrepancy."""
    members = fact.members
    if len({m.ref.article_id for m in members}) < 2:
        return []
    use_base, widen = _comparison_basis(members)
    spans = [interval(m.claim, use_base, widen) for m in members]
    label = fact_label(members)
    base = members[0].claim.value.base_unit
    note = f" (compared in {base}, ±{widen:.0%} rounding tolerance)" if widen else ""
    camps = _camps(spans)
    if len(camps) > 1:
        sides = [[members[i] for i in camp] for camp in camps]
        agreements = [_agreement([members[i] for i in c], [spans[i] for i in c], label, note, story_id)
                      for c in camps]
        found = [a for a in agreements if a]
        if _confident(sides, fact.block):  # else the camps may be different facts: only their agreements
            found.insert(0, _discrepancy(fact, sides, "value", label, note, story_id))
        return found
    by_sign = _polarity_sides(members)
    if by_sign:
        if not _confident(by_sign, fact.block):
            return [a for a in (_agreement(side, _spans_of(side, members, spans), label, note, story_id)
                                for side in by_sign) if a]
        found = _discrepancy(fact, by_sign, "opposite", label, note, story_id)
        agreements = [_agreement(side, _spans_of(side, members, spans), label, note, story_id)
                      for side in by_sign]
        return [found] + [a for a in agreements if a]
    # only counts carry action verbs; an area or a distance has no predicate to change ("burned 70,000 acres")
    by_action = _predicate_sides(members) if fact.block[0] == "count" else []
    if by_action:
        if not fact.predicate_join and not _confident(by_action, fact.block, ignore_action=True):
            return []
        index = {m.ref: i for i, m in enumerate(members)}
        agreements = [_agreement(side, [spans[index[m.ref]] for m in side], label, note, story_id)
                      for side in by_action]
        found = _discrepancy(fact, by_action, "predicate", label, note, story_id)
        return [found] + [a for a in agreements if a]
    found = _agreement(members, spans, label, note, story_id)
    return [found] if found else []


def _agreement(members: Sequence[AlignItem], spans: Sequence[Interval], label: str, note: str,
               story_id: str | None) -> Finding | None:
    """Members (of two or more articles) whose values all admit each other."""
    if len({m.ref.article_id for m in members}) < 2:
        return None
    exact = _same_statement(members, spans)
    says = _says(members, verbs=False)
    return Finding(
        type="agreement",
        claims=tuple(m.ref for m in members),
        reason=f"{says}{'' if exact else ' (compatible)'}{note}; fact: {label}",
        story_id=story_id,
        severity="info",
        fact=label,
        verdict="exact" if exact else "compatible",
        sides=(tuple(m.ref for m in members),),
        independent_sources=(len({m.copy_group for m in members}),),
        anchor=members[0].ref,
    )


def _same_statement(members: Sequence[AlignItem], spans: Sequence[Interval]) -> bool:
    """Every member states the same closed interval, unqualified: one figure, or one date or span of days
    ("overnight" and "overnight into Saturday" in a Saturday paper)."""
    first = spans[0]
    return (first.lo is not None and first.hi is not None and all(s == first for s in spans)
            and all(m.claim.value.qualifier == "exact" for m in members))


def _comparison_basis(members: Sequence[AlignItem]) -> tuple[bool, float]:
    """Compare in base units when every member has one and they are the same; widen when units differ."""
    values = [m.claim.value for m in members]
    bases = {v.base_unit for v in values}
    use_base = len(bases) == 1 and None not in bases and all(v.base_nominal is not None for v in values)
    units = {v.unit for v in values}
    widen = lx.qualifiers().converted_rounding if use_base and len(units) > 1 else 0.0
    return use_base, widen


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
    if not any(opposite(a.polarity, b.polarity) for a, b in combinations(signed, 2)):
        return []
    groups: dict[tuple[str, str], list[AlignItem]] = {}
    for m in signed:
        groups.setdefault(m.polarity, []).append(m)
    return list(groups.values())


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


def _confident(
    sides: Sequence[Sequence[AlignItem]], block: tuple[str, ...], ignore_action: bool = False
) -> bool:
    """True when some pair of claims on two different sides is aligned strongly enough to accuse."""
    need = DISCREPANCY_SCORE["count"] if block[0] == "count" else DISCREPANCY_SCORE["other"]
    for x, y in combinations(range(len(sides)), 2):
        for a in sides[x][:4]:
            for b in sides[y][:4]:
                s = pair_score(a, b, ignore_action)
                if s is not None and s >= need:
                    return True
    return False


def _discrepancy(fact: Fact, sides: Sequence[Sequence[AlignItem]], verdict: str, label: str, note: str,
                 story_id: str | None) -> Finding:
    in_sides = {m.ref for side in sides for m in side}
    neutral = [m for m in fact.members if m.ref not in in_sides]
    parts = [_says(side, verbs=verdict == "predicate") for side in sides]
    what = {"value": "", "predicate": "; other predicate"}.get(verdict, "")
    if verdict == "opposite":
        what = "; opposite readings: " + " vs ".join(" ".join(side[0].polarity or ()) for side in sides)
    also = f"; fits both: {_says(neutral, verbs=False)}" if neutral else ""
    return Finding(
        type="discrepancy",
        claims=tuple(m.ref for side in sides for m in side) + tuple(m.ref for m in neutral),
        reason=f"{' vs '.join(parts)}{what}{note}{also}; fact: {label}",
        story_id=story_id,
        severity=_severity(fact, sides, verdict),
        fact=label,
        verdict=verdict,
        sides=tuple(tuple(m.ref for m in side) for side in sides),
        independent_sources=tuple(len({m.copy_group for m in side}) for side in sides),
        anchor=fact.members[0].ref,
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


def _says(members: Sequence[AlignItem], verbs: bool, shown: int = 3) -> str:
    """"AP, WHEC say '472' (fired)": members grouped by what they state, a few sources named each."""
    by_text: dict[tuple[str, str], list[str]] = {}
    for m in members:
        verb = (m.claim.frame.action_word or "") if verbs else ""
        by_text.setdefault((m.claim.text, verb), []).append(m.source)
    parts = []
    for (text, verb), sources in by_text.items():
        more = f" and {len(sources) - shown} more" if len(sources) > shown else ""
        names = ", ".join(sources[:shown]) + more
        verb = f" ({verb})" if verb else ""
        parts.append(f"{names}: {text!r}{verb}")
    return "; ".join(parts)


def fact_label(members: Sequence[AlignItem]) -> str:
    """What the fact is about, from its members' frames: "drone · launch · by russia · on 2025-06-01"."""
    first = members[0].claim.frame

    def pick(attr: str) -> str | None:
        for m in members:
            value = getattr(m.claim.frame, attr)
            if value:
                return value
        return None

    kind = members[0].claim.kind
    if kind in ("count", "number"):
        what = first.counted or pick("noun") or kind
    else:  # a measure: what is measured, then the kind ("rain · quantity", "war · duration")
        noun = pick("noun")
        what = f"{noun} ({kind})" if noun else kind
    parts = [what.replace("_", " ")]
    prefixes = (("action", ""), ("actor", "by "), ("origin", "of "), ("place", "in "), ("time", "on "))
    for attr, prefix in prefixes:
        value = pick(attr)
        if value and not (attr == "origin" and value == pick("actor")):
            parts.append(prefix + value.replace("_", " "))
    if len(parts) == 1:
        common = set.intersection(*(set(m.window) for m in members[:3]))
        parts.extend(sorted(common)[:4])
    return " · ".join(parts)
