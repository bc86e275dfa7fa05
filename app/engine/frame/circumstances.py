"""Where, when and according to whom a claim is stated: place, time, attribution, negation.

Word lists come from lexicon/frame.toml, actors.toml and calendar.toml.

    >>> toks = tokenize("Three people were hurt in the Odesa region, officials said.")
    >>> place_of(toks, 0, clause_ids(toks))
    ('odesa', False)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from app.engine import lexicon as lx
from app.engine.model import Claim
from app.engine.text.words import Token, clause_ids, tokenize

__all__ = ["attribution_of", "clause_ids", "negated", "place_of", "time_of", "tokenize"]


_COMPASS = {"southern", "northern", "eastern", "western", "central", "northeastern", "southeastern",
            "northwestern", "southwestern"}


def _places(toks: list[Token]) -> list[tuple[int, str]]:
    """Sub-national places named in the sentence: "in the Kyiv region", "the city of Dnipro", "near Port
    Haldane" (consecutive capitalised words make one name)."""
    kinds = lx.words("frame", "places", "kinds")
    preps = lx.words("frame", "places", "prepositions")
    banned = _not_places()
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(toks):
        if not _place_word(toks[i], banned, kinds):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and _place_word(toks[j + 1], banned, kinds):
            j += 1
        prev = toks[i - 1].low if i else ""
        prev2 = toks[i - 2].low if i > 1 else ""
        nxt = toks[j + 1].low if j + 1 < len(toks) else ""
        starts_sentence = i == 0 or prev in (".", "“", '"')
        introduced = prev in preps or (prev == "the" and prev2 in preps) or prev in kinds or prev in _COMPASS
        if (nxt in kinds or introduced) and not (starts_sentence and nxt not in kinds):
            found.append((i, " ".join(t.low for t in toks[i : j + 1])))
        i = j + 1
    return found


@cache
def _not_places() -> frozenset[str]:
    """Capitalised words that are never (part of) a place name: titles, outlets, months and weekdays."""
    return lx.words("frame", "places", "not_places") | lx.calendar().names


def _place_word(t: Token, banned: frozenset[str], kinds: frozenset[str]) -> bool:
    """A capitalised word that can be (part of) a place name: not a country, month, title or kind word."""
    if not t.text[:1].isupper() or t.low in banned or t.low in kinds or t.low in lx.stopwords():
        return False
    return not ((t.low,) in lx.actor_aliases() and t.low not in lx.capitals())


def place_of(toks: list[Token], first: int, clauses: list[int]) -> tuple[str | None, bool]:
    """The place the claim is about, and whether it is inherited: in its clause or the sentence's opening
    'In X,' phrase (stated), else the main clause a participle clause ("..., killing three") hangs on
    (inherited). Several places are joined with "; "."""
    places = _places(toks)
    if not places or first >= len(toks):
        return None, False
    mine = clauses[first]
    same = {p for i, p in places if clauses[i] == mine}
    opening = {p for i, p in places if clauses[i] == 0 and toks[0].low in ("in", "around", "near")}
    if same or opening:
        return "; ".join(sorted(same | opening)), False
    clause_start = next(i for i, c in enumerate(clauses) if c == mine)
    nxt = toks[clause_start + 1].low if clause_start + 1 < len(toks) else ""
    if nxt.endswith("ing") or toks[clause_start].low.endswith("ing"):
        before = sorted({p for i, p in places if clauses[i] == mine - 1})
        if before:
            return "; ".join(before), True
    return None, False


@cache
def _relative_by_first() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """The calendar's relative days ("last night" -> -1) by their first word."""
    out: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for parts, offset in lx.calendar().relative_days.items():
        out.setdefault(parts[0], []).append((parts, offset))
    return out


def time_of(toks: list[Token], first: int, clauses: list[int], published: date | None) -> str | None:
    """When: a weekday or a relative day ("last night") nearest the claim, resolved against the publication
    date if given (calendar.toml, the table the date grammar reads too)."""
    weekdays = lx.calendar().weekdays
    by_first = _relative_by_first()
    hits: list[tuple[int, str, int | None]] = []  # (token index, phrase, day offset or None for a weekday)
    low = [t.low for t in toks]
    for i, w in enumerate(low):
        if w in weekdays:
            hits.append((i, w, None))
        for parts, offset in by_first.get(w, ()):
            if tuple(low[i : i + len(parts)]) == parts:
                hits.append((i, " ".join(parts), offset))
    if not hits:
        return None
    here = clauses[min(first, len(toks) - 1)]
    _, word, offset = min(hits, key=lambda h: (clauses[h[0]] != here, abs(h[0] - first)))
    if published is None:
        return word
    if offset is None:
        back = (published.weekday() - weekdays[word]) % 7
        return (published - timedelta(days=back)).isoformat()
    return (published + timedelta(days=offset)).isoformat()


def settle_event_times(claims: Sequence[Claim]) -> list[Claim]:
    """The claims of one text with their event time settled: the date the extractor resolved nearest to a
    claim in its sentence ("overnight into Saturday"), else the framer's own reading (`time_of`); a date
    claim is no event time of its own."""
    dates: dict[int, list[Claim]] = {}
    for c in claims:
        if c.kind == "date" and c.value.iso:
            dates.setdefault(c.sentence_start, []).append(c)
    out = []
    for c in claims:
        frame = c.frame
        near = [d for d in dates.get(c.sentence_start, ()) if d is not c] if c.kind != "date" else []
        if near:
            nearest = min(near, key=lambda d: abs(d.start - c.start))
            frame = replace(frame, time=nearest.value.iso)
        elif c.kind == "date":
            frame = replace(frame, time=None)
        out.append(replace(c, frame=frame))
    return out


def attribution_of(toks: list[Token], clauses: list[int], first: int) -> str | None:
    """Who says so: "according to local officials", "the air force said", "said the governor"."""
    verbs = lx.words("frame", "attribution", "verbs")
    punct = lx.words("frame", "clauses", "punctuation") | {".", "“", "”", '"'}
    for i, t in enumerate(toks):
        if t.low not in verbs:
            continue
        if t.low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
            words = _run(toks, i + 2, 1, punct)
        else:
            words = _run(toks, i - 1, -1, punct)
            if not words or words[-1] in ("that", "it", "he", "she", "they"):
                words = _run(toks, i + 1, 1, punct)
        words = [w for w in words if w != "that"]
        if words:
            return " ".join(words)
    return None


def _run(toks: list[Token], i: int, step: int, punct: frozenset[str], limit: int = 6) -> list[str]:
    out: list[str] = []
    while 0 <= i < len(toks) and toks[i].low not in punct and len(out) < limit:
        out.append(toks[i].text.lower().replace("’", "'"))
        i += step
    return out if step > 0 else out[::-1]


def negated(toks: list[Token], first: int) -> bool:
    """True when a negation or an exception ("all but two regions") comes right before the count."""
    before = [t.low for t in toks[max(0, first - 3) : first]]
    for phrase in lx.words("frame", "negation"):
        parts = phrase.split()
        if any(before[i : i + len(parts)] == parts for i in range(len(before))):
            return True
    return False
