"""Build framed claims by hand for the comparison tests (no extraction involved)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.engine import lexicon
from app.engine.compare.align import AlignItem, make_item
from app.engine.frame import frame_claim
from app.engine.model import Claim, ClaimRef, Value

UNITS = {"kilometer": ("length", "meter", 1000.0), "mile": ("length", "meter", 1609.344)}


def claim(sentence: str, surface: str, low: float | None, high: float | None = "same", *,
          kind: str = "count", qualifier: str = "exact", unit: str | None = None,
          published: date | None = None, nominal: float | None = None,
          trend: str | None = None, place: float | None = None) -> Claim:
    """The claim `surface` of `sentence` (its first occurrence), with the given interval, framed; `place`
    is the place value of the figure's last digit that counts (Value.place: 1 for "40-60")."""
    high = low if high == "same" else high
    start = sentence.index(surface)
    nominal = nominal if nominal is not None else (low if low is not None else high)
    dim = base = None
    base_low = base_high = base_nominal = None
    if unit in UNITS:
        dim, base, factor = UNITS[unit]
        base_low, base_high, base_nominal = (x * factor if x is not None else None
                                             for x in (low, high, nominal))
    strict, tolerance = _qualifier_of(surface, qualifier)
    value = Value(nominal=nominal, low=low, high=high, unit=unit, qualifier=qualifier, dimension=dim,
                  base_unit=base, base_nominal=base_nominal, base_low=base_low, base_high=base_high,
                  strict=strict, tolerance=tolerance, place=place)
    c = Claim(start=start, end=start + len(surface), text=surface, kind=kind, value=value, sentence_start=0,
              sentence_end=len(sentence), sentence=sentence, trend=trend)
    return replace(c, frame=frame_claim(c, published))


def _qualifier_of(surface: str, qualifier: str) -> tuple[bool, float | None]:
    """What the extractor records of the qualifier phrase `surface` starts with (lexicon/qualifiers.toml)."""
    words = tuple(surface.lower().split())
    for size in (4, 3, 2, 1):
        q = lexicon.qualifiers().before.get(words[:size])
        if q is not None and q.qualifier == qualifier:
            return q.strict, q.tolerance
    return False, None


def day(iso: str) -> float:
    return float(date.fromisoformat(iso).toordinal())


def item(c: Claim, article: str, order: int, index: int = 0, group: int | None = None) -> AlignItem:
    """An AlignItem of claim `c` in article `article` (article order `order`)."""
    it = make_item(ClaimRef(article, index), c, article.upper(), order, order if group is None else group)
    assert it is not None, "claim has no block"
    return it
