"""The values a claim admits, as an interval, and whether two claims' values can be one figure.

    "41"            -> [41, 41]
    "more than 40"  -> [41, inf) for whole things (a strict bound)
    "nearly 40"     -> [36, 40] (a close bound: lexicon/qualifiers.toml)
    "about 400"     -> [360, 440]
    "1.5 million"   -> (1.45 million, 1.55 million) (a scaled round figure)
    "40-50"         -> [40, 50], a stated range: it meets another stated range only with the same ends

Values in different units compare in their base unit (Value.base_*).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.engine import lexicon as lx
from app.engine.extract.units import TEMPERATURE_ROUNDING
from app.engine.model import Claim

_INTEGER_KINDS = ("count", "number", "age")


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed-or-open interval of admitted values; None is unbounded."""

    lo: float | None
    hi: float | None
    lo_open: bool = False
    hi_open: bool = False
    # a range stated with both ends as figures ("between 10,000 and 100,000"): half the last written digit
    # of its ends, the most two statements of one range can differ by; None for any other interval
    stated: float | None = None
    # an approximation ("about 48,000"): its figure and the place value of its last written digit; two of
    # them meet only when one lies within the other's rounding ("about 4.46 million" / "about 4.5 million"),
    # not when their margins merely overlap ("about 48,000" / "about 45,000" are two figures)
    approx: tuple[float, float] | None = None

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share at least one value; two stated ranges meet only when they
        state the same ends ("between 10,000 and 100,000" is not "between 10,000 and 1,000,000"), two
        approximations only when they state one figure."""
        if self.approx is not None and other.approx is not None:
            return _within_rounding(self.approx, other.approx)
        if self.stated is not None and other.stated is not None:
            pad = self.stated + other.stated
            return abs(self.lo - other.lo) <= pad and abs(self.hi - other.hi) <= pad
        return _below(self.lo, self.lo_open, other.hi, other.hi_open) and _below(
            other.lo, other.lo_open, self.hi, self.hi_open
        )

    @property
    def exact(self) -> bool:
        return self.lo is not None and self.lo == self.hi and not (self.lo_open or self.hi_open)


def _within_rounding(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Do two approximations state one figure: is one within half the coarser one's last written digit of
    the other ("around 700" / "roughly 750": yes; "about 48,000" / "about 45,000": no)?"""
    step = max(a[1], b[1])
    return abs(a[0] - b[0]) <= step / 2 * (1 + 1e-9)


def _below(lo: float | None, lo_open: bool, hi: float | None, hi_open: bool) -> bool:
    if lo is None or hi is None:
        return True
    return lo < hi if (lo_open or hi_open) else lo <= hi


def interval(claim: Claim, use_base: bool, widen: float = 0.0, by_month_day: bool = False) -> Interval:
    """The values `claim` admits: its Value interval, a close bound kept near its figure ("nearly 40" is not
    3), counts made integral under a strict bound ("more than 40" admits 41 and up), widened by a relative
    rounding tolerance if asked. Everything comes from the Value the extractor recorded. `by_month_day`
    reads a date by its month and day only (to compare with a day whose year is unknown, "--03-28")."""
    v = claim.value
    if by_month_day and claim.kind == "date":
        return month_day_interval(v.iso)
    lo, hi, nominal = (v.base_low, v.base_high, v.base_nominal) if use_base else (v.low, v.high, v.nominal)
    if is_share(claim):  # "nearly a third of staff" compares with "31% of staff" in percent
        lo, hi, nominal = (x * 100 if x is not None else None for x in (lo, hi, nominal))
        if v.qualifier == "exact" and nominal is not None:  # "a third" is a round figure: 33.3 +- a few
            pad = lx.qualifiers().fraction_rounding
            return Interval(nominal - pad, nominal + pad, lo_open=True, hi_open=True)
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
        # a temperature's kelvins start far from its zero: a converted one is off by its rounding, a degree
        pad = TEMPERATURE_ROUNDING if use_base and v.base_unit == "kelvin" else abs(nominal) * widen
        lo = lo - pad if lo is not None else None
        hi = hi + pad if hi is not None else None
    if v.rounding and lo is not None and hi is not None and v.qualifier == "exact":
        scale = (v.base_nominal / v.nominal) if use_base and v.base_nominal and v.nominal else 1.0
        pad = v.rounding * abs(scale)
        return Interval(lo - pad, hi + pad, lo_open=True, hi_open=True)
    # a strict bound of a measure excludes its figure ("more than 5,000 metres" is no "nearly 5,000")
    strict = v.strict and claim.kind not in _INTEGER_KINDS
    return Interval(lo, hi, lo_open=strict and v.qualifier == "lower_bound",
                    hi_open=strict and v.qualifier == "upper_bound",
                    stated=_stated_range(claim, lo) if v.qualifier == "range" and not widen else None,
                    approx=_approximation(claim, nominal) if v.qualifier == "approximate" and not widen
                    else None)


def _approximation(claim: Claim, nominal: float | None) -> tuple[float, float] | None:
    """(figure, place value of its last written digit) of an approximation written as one figure ("about
    48,000" -> (48000, 1000), "roughly 1.5 million" -> (1.5e6, 1e5)), in the unit `nominal` is in."""
    v = claim.value
    if v.place is None or not nominal or not v.nominal:
        return None
    return nominal, v.place * abs(nominal / v.nominal)


def _stated_range(claim: Claim, lo: float | None) -> float | None:
    """Half the last written digit of a range whose two ends are written as figures ("40-50", "$3-4bn",
    "between 10,000 and 100,000"), in the unit `lo` is in; None for a vague range ("hundreds", "tens of
    thousands") or one written in words, which admits what it overlaps."""
    v = claim.value
    if v.place is None or lo is None or not v.low:
        return None
    return 0.5 * v.place * abs(lo / v.low)


def is_share(claim: Claim) -> bool:
    """A fraction of a set: "a third of the staff", "more than half of voters" (0 < figure < 1), not a
    partitive's set ("six of the seven members": "whole") nor a reading ("magnitude 0.8")."""
    v = claim.value
    return (claim.kind in ("count", "number") and v.nominal is not None and 0 < abs(v.nominal) < 1
            and "whole" not in claim.frame.modifiers
            and not (claim.kind == "number" and v.dimension and v.unit in (None, v.dimension)))


def in_percent(claim: Claim) -> float | None:
    """The figure as stated, a share in percent ("half" -> 50): what two figures of a fact differ by."""
    n = claim.value.nominal
    return n * 100 if n is not None and is_share(claim) else n


_LEAP = 2000  # the year a month and a day are placed in to compare them (it has a 29 February)


def is_month_day(claim: Claim) -> bool:
    """A date whose year nothing fixed: "28 March" in an undated article (iso "--03-28")."""
    return claim.kind == "date" and (claim.value.iso or "").startswith("--")


def month_day_interval(iso: str | None) -> Interval:
    """The days of a date as days of one year, read by month and day ("2025-03-28" and "--03-28" alike);
    open when the date runs over a year's end or is no day or run of days."""
    first, _, last = (iso or "").partition("/")
    a, b = _month_day(first), _month_day(last or first)
    if a is None or b is None or b < a or b - a > 31:
        return Interval(None, None)
    return Interval(a, b)


def _month_day(text: str) -> float | None:
    parts = text.removeprefix("--").split("-")[-2:] if text else []
    try:
        return float(date(_LEAP, int(parts[0]), int(parts[1])).toordinal()) if len(parts) == 2 else None
    except ValueError:
        return None


def by_month_day(claims: Sequence[Claim]) -> bool:
    """Compare these claims by month and day: they are dates, and the year of one of them is unknown, or
    none of them writes its year (the years were inferred, each from its own article: "the RBK's June 17
    meeting" put in last year by one reading and in this one by another is one day)."""
    if not all(c.kind == "date" for c in claims):
        return False
    if any(is_month_day(c) for c in claims):
        return True
    return all(c.value.iso for c in claims) and not any(_YEAR.search(c.text) for c in claims)


_YEAR = re.compile(r"\b(1[6-9]|20)\d\d\b")  # a year written in the claim ("May 16, 2025", "2024")


def same_basis(a: Claim, b: Claim) -> bool:
    """Can two claims compare in base units (both have one, the same)?"""
    va, vb = a.value, b.value
    return (va.base_unit is not None and va.base_unit == vb.base_unit
            and any(x is not None for x in (va.base_nominal, va.base_low, va.base_high))
            and any(x is not None for x in (vb.base_nominal, vb.base_low, vb.base_high)))


def values_meet(a: Claim, b: Claim) -> bool:
    """True when the values two claims admit overlap (bounds, approximations and rounding included)."""
    use_base, month_day = same_basis(a, b), by_month_day((a, b))
    return interval(a, use_base, by_month_day=month_day).meets(interval(b, use_base, by_month_day=month_day))
