"""Every quantitative claim of one text, unframed, with offsets into the text as submitted.

    >>> from app.engine.text import read_sentences
    >>> text = "Russia fired 653 drones and 51 missiles."
    >>> [c.text for c in read_claims(text, read_sentences(text))]
    ['653 drones', '51 missiles']

Each sentence's tokens are read once (text.Sentence); sentences that cannot hold a quantity are skipped
before they are tokenized (cues.py).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from app.engine.budget import charge, start_text
from app.engine.extract import units
from app.engine.extract.anaphora import resolve_references
from app.engine.extract.cues import has_cue
from app.engine.extract.dates import DateMatch, settle_order
from app.engine.extract.quantities import scan
from app.engine.extract.quantity import Quantity
from app.engine.extract.scores import SCORE_BASE, is_score
from app.engine.extract.units import TEMPERATURE_ROUNDING, to_base
from app.engine.model import Claim, Value
from app.engine.text import Sentence, Token

_CONVERSION_TOLERANCE = 0.06  # news rounds conversions: 7,000 km is written "4,300 miles" (4,350)


def read_claims(text: str, sentences: Sequence[Sentence], published_at: date | None = None) -> list[Claim]:
    """The quantitative claims of `text` (cut into `sentences`), not yet framed, in text order, with
    offsets into `text`."""
    scanned = []
    start_text()
    for seg in sentences:
        if not has_cue(seg.text):
            continue
        charge(steps=len(seg.text))
        tokens = seg.tokens
        if tokens:
            found = scan(tokens, published_at)
            charge(claims=len(found))
            scanned.append((seg, tokens, found))
    resolve_references([(tokens, found) for _, tokens, found in scanned])
    _settle_numeric_dates([q for _, _, found in scanned for q in found])
    story_code = _story_currency(q for _, _, found in scanned for q in found)
    story_units = {q.unit.name for _, _, found in scanned for q in found if q.unit is not None}
    claims: list[Claim] = []
    for seg, tokens, found in scanned:
        for q in found:
            if q.is_conversion:
                continue  # emitted right after its main claim, below
            for x in (q, *q.converted):
                celsius = units.celsius_in_story(x.unit, tokens[x.end - 1], story_units)
                if celsius is not None:
                    x.kind, x.unit = "quantity", celsius
                elif x.unit is not None:
                    x.unit = units.in_story_currency(x.unit, story_code)
            main = _claim(text, seg, tokens, q)
            inner = [_claim(text, seg, tokens, c, is_conversion=True) for c in q.converted]
            if inner:
                main = replace(main, converted=tuple(inner), conversion_ok=_consistent(main, inner))
            claims.append(main)
            claims.extend(inner)
    return claims


def _settle_numeric_dates(found: list[Quantity]) -> None:
    """Ambiguous numeric dates ('04/05/2016') read in the order the article writes its other dates in."""
    dated = [q for q in found if q.date is not None]
    for q, dm in zip(dated, settle_order([q.date for q in dated]), strict=True):
        q.date = dm


def _story_currency(found: Iterable[Quantity]) -> str | None:
    """The currency most of a story's whole-unit amounts are in (the one its cents divide)."""
    codes = Counter(
        q.unit.code
        for q in found
        if q.unit is not None and q.unit.kind == "money" and q.unit.factor == 1.0 and q.unit.code
    )
    return codes.most_common(1)[0][0] if codes else None


def _claim(text: str, seg: Sentence, tokens: list[Token], q: Quantity, is_conversion: bool = False) -> Claim:
    start = tokens[q.start].start
    end = tokens[q.end - 1].end
    return Claim(
        start=start,
        end=end,
        text=text[start:end],
        kind=q.kind,
        value=_value(q, _stated_rounding(q)),
        sentence_start=seg.start,
        sentence_end=seg.end,
        sentence=seg.text,
        trend=q.trend,
        context=seg.context,
        is_conversion=is_conversion,
    )


def _stated_rounding(q: Quantity) -> float | None:
    """Half the place value of the last digit a round figure states: "1.5 million" is rounded to the
    nearest 0.1 million (± 50,000), "$7bn" to the nearest billion, "38,000" (two significant digits and
    trailing zeros) to the nearest thousand; None for other figures ("41", "472", "100", "40,000")."""
    num = q.number
    if num is None or num.qualifier != "exact" or not num.nominal or num.step is None:
        return None
    if num.scaled:
        return 0.5 * num.step
    place = num.step * 10**num.zeros
    if num.zeros < 2 or abs(num.nominal) < max(1000, 10 * place):
        return None
    return 0.5 * place


def _value(q: Quantity, rounding: float | None = None) -> Value:
    if q.date is not None:
        d = q.date
        if q.kind == "time":
            return _clock_value(d)
        return Value(nominal=None, low=d.low, high=d.high, unit=None, dimension=q.kind, iso=d.iso)
    num = q.number
    unit = q.unit
    base_lo, unit_lo = to_base(unit, num.low)
    base_nom, unit_nom = to_base(unit, num.nominal)
    base_hi, unit_hi = to_base(unit, num.high)
    base_unit = unit_lo or unit_nom or unit_hi  # a bound has one side open: its unit is the other side's
    if is_score(q):  # "3-1": one figure of two goals, compared whole (3-1 is no range meeting 3-2)
        base_unit, base_lo = "score", num.high * SCORE_BASE + num.low  # type: ignore[operator]
        base_nom = base_hi = base_lo
    if unit is not None:
        dimension = {"money": "currency", "percent": "percent", "duration": "duration", "age": "age"}.get(
            unit.kind
        ) or units.dimension_of(unit)
    else:
        dimension = "count" if q.noun is not None else q.scale  # "magnitude 5.1": read on a scale
    return Value(
        nominal=num.nominal,
        low=num.low,
        high=num.high,
        unit=q.unit_name,
        qualifier=num.qualifier,
        tolerance=num.tolerance,
        strict=num.strict,
        rounding=rounding,
        place=num.step * 10**num.zeros if num.step is not None else None,
        dimension=dimension,
        base_unit=base_unit,
        base_nominal=base_nom,
        base_low=base_lo,
        base_high=base_hi,
    )


def _clock_value(d: DateMatch) -> Value:
    """A clock time: minutes after midnight as stated, its zone, and the minutes after midnight UTC when the
    zone has a fixed offset."""

    def utc(x: float | None) -> float | None:
        return None if x is None or d.utc_offset is None else float((x - d.utc_offset) % 1440)

    return Value(
        nominal=d.nominal,
        low=d.low,
        high=d.high,
        qualifier=d.qualifier,  # type: ignore[arg-type]
        dimension="time",
        iso=d.iso,  # the day when the sentence or publication fixes it: "2025-09-23T23:47" (clock_days.py)
        zone=d.zone,
        base_unit="minute UTC" if d.utc_offset is not None else None,
        base_nominal=utc(d.nominal),
        base_low=utc(d.low),
        base_high=utc(d.high),
    )


def _consistent(main: Claim, inner: list[Claim]) -> bool | None:
    """Does each bracketed restatement state the main value in other units (within rounding)?"""
    verdicts = []
    for c in inner:
        a, b = _point(main.value), _point(c.value)
        if a is None or b is None or main.value.base_unit != c.value.base_unit:
            if main.value.base_unit and c.value.base_unit and main.value.base_unit != c.value.base_unit:
                if main.kind == "money" and c.kind == "money":
                    continue  # a currency restated in another currency: no rate to check with
                verdicts.append(False)
            continue
        rounding = min(0.5 * _rounding(c) / abs(b), 0.2) if b else 0.0
        allowance = max(_CONVERSION_TOLERANCE, rounding) * abs(b)
        if c.value.base_unit == "kelvin":  # a share of kelvins says nothing: "36C (87F)" is 5 K off
            allowance = TEMPERATURE_ROUNDING
        verdicts.append(abs(a - b) <= allowance)
    return all(verdicts) if verdicts else None


def _point(v: Value) -> float | None:
    if v.base_nominal is not None:
        return v.base_nominal
    if v.base_low is not None and v.base_high is not None:
        return (v.base_low + v.base_high) / 2
    return None


def _rounding(c: Claim) -> float:
    """The place value of a restated figure's last significant digit, in base units ('4,300' -> 100 miles)."""
    x = c.value.nominal
    if not x or c.value.base_nominal is None:
        return 0.0
    digits = abs(x)
    place = 1.0
    while digits >= 10 and digits % 10 == 0:
        digits /= 10
        place *= 10
    return place * abs(c.value.base_nominal / x) if not math.isclose(x, 0) else 0.0
