"""What kind of difference a discrepancy is, and how sure the engine is that its claims state one fact.

    conflict   one quantity, one time, incompatible values (the default)
    update     a running figure (a toll, the missing, arrests) that changed between publications, or any
               figure given as of two days ("as of Monday"): the sides were published (or counted) at
               different times, the older side is named with the change
    claimant   named sources disagree (police vs organisers, two agencies' magnitudes)
    predicate  the same figure given another action (114 fired vs 114 intercepted)
    opposite   the same figure read the opposite way (surplus vs deficit, rose vs fell)

Running figures are listed in lexicon/actions.toml ([running]); vague sources ("officials") never make a
claimant dispute (lexicon/frame.toml [attribution] generic).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from itertools import combinations

from app.engine.compare.align import VERBATIM, pair_score
from app.engine.compare.intervals import in_percent
from app.engine.compare.items import AlignItem, is_running
from app.engine.frame.attribution import source_words

SURE = 0.85  # an alignment score at which the engine is sure the claims state one fact
UNSURE = 0.3  # ... and at which it is not sure at all (confidence near nothing)
PAIRS = 4  # members of each side compared to find the best-aligned pair across sides


def published(item: AlignItem) -> date | None:
    """The day a claim's article was published, when known."""
    return item.published_at


def as_of(item: AlignItem) -> date | None:
    """The day a figure was given or counted to, when its sentence says ("said on Monday", "as of May 3")."""
    f = item.claim.frame
    return date.fromisoformat(f.time[:10]) if f.as_of and f.time and "/" not in f.time else None


def time_order(sides: Sequence[Sequence[AlignItem]], day: Callable[[AlignItem], date | None] = published
               ) -> list[int] | None:
    """The sides from oldest to newest when every member of each side is of a day (by default its
    publication date) before every member of the next, else None."""
    spans = []
    for i, side in enumerate(sides):
        days = [d for d in map(day, side) if d]
        if not days:
            return None
        spans.append((min(days), max(days), i))
    spans.sort()
    if any(spans[k][1] >= spans[k + 1][0] for k in range(len(spans) - 1)):
        return None
    return [i for _, _, i in spans]


def claimants(sides: Sequence[Sequence[AlignItem]]) -> list[list[str]] | None:
    """Each side's named sources when every side names its own and no source of one side shares a word
    with a source of another ("police" vs "organisers"); else None."""
    named: list[list[str]] = []
    words: list[frozenset[str]] = []
    for side in sides:
        if any(not source_words(m.claim.frame.claimant) for m in side):
            return None  # a member of the side names no source: no dispute to name
        names = sorted({m.claim.frame.claimant or "" for m in side})
        named.append(names)
        words.append(frozenset().union(*(source_words(n) for n in names)))
    if any(a & b for a, b in combinations(words, 2)):
        return None
    return named


def difference_kind(members: Sequence[AlignItem], sides: Sequence[Sequence[AlignItem]]) -> tuple[str, str]:
    """(kind, what the reason adds) of a value discrepancy between `sides`."""
    day = published
    order = time_order(sides) if is_running(members) else None
    if order is None and all(as_of(m) for m in members):  # "as of Monday" / "as of Wednesday"
        day = as_of
        order = time_order(sides, day)
    if order is not None:
        older, newer = sides[order[0]], sides[order[-1]]
        when = lambda side: max(d for d in map(day, side) if d)  # noqa: E731
        change = _change(older[0], newer[0])
        return "update", (f"; an update: {_names(older)} ({when(older):%d %b}) is older than "
                          f"{_names(newer)} ({when(newer):%d %b}){change}")
    named = claimants(sides)
    if named is not None:
        return "claimant", "; named sources disagree: " + " vs ".join(", ".join(n) for n in named)
    return "conflict", ""


def _names(side: Sequence[AlignItem]) -> str:
    return ", ".join(dict.fromkeys(m.source for m in side))


def _change(old: AlignItem, new: AlignItem) -> str:
    a, b = in_percent(old.claim), in_percent(new.claim)
    if a is None or b is None or a == b:
        return ""
    return f", {'up' if b > a else 'down'} {abs(b - a):g}"


def confidence(sides: Sequence[Sequence[AlignItem]], ignore_action: bool = False) -> tuple[float, str]:
    """(0..1, why unsure): from the best-aligned pair of claims on two sides; the reason names what is
    missing when the engine is not sure."""
    best = None
    pair = None
    for x, y in combinations(range(len(sides)), 2):
        for a in sides[x][:PAIRS]:
            for b in sides[y][:PAIRS]:
                s = pair_score(a, b, ignore_action)
                if s is not None and (best is None or s > best):
                    best, pair = s, (a, b)
    if best is None or pair is None:
        return 0.0, "; unsure: the sides were joined through other claims"
    if best >= VERBATIM:
        return 1.0, ""
    value = max(0.05, min(1.0, (best - UNSURE) / (SURE - UNSURE)))
    if value >= 0.6:
        return round(value, 2), ""
    return round(value, 2), "; unsure: " + _doubt(*pair)


def _doubt(a: AlignItem, b: AlignItem) -> str:
    fa, fb = a.claim.frame, b.claim.frame
    if not (fa.action and fb.action) and a.block[0] == "count":
        return "one sentence names no action"
    if bool(fa.holder) != bool(fb.holder):
        return "only one sentence says whose figure it is"
    if bool(fa.measure) != bool(fb.measure) and a.block[0] != "count":
        return "only one sentence says what is measured"
    return "the two sentences are worded differently"

