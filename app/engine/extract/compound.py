"""Compound measures: one quantity stated in several units, largest first, read as one claim.

    >>> from app.engine.extract.quantities import scan
    >>> from app.engine.text.tokens import tokenize
    >>> found = scan(tokenize("It took 2 hours, 1 minute and 39 seconds."), None)
    >>> [(q.number.nominal, q.unit.name) for q in found]
    [(7299.0, 'second')]

"2 hours, 1 minute and 39 seconds" is one elapsed time, "12 ft 2 in" one length, "two years and three
months" one period: the parts are joined into one quantity stated in the smallest unit, so that it compares
with "2:01:39" or "146 inches".
"""

from __future__ import annotations

from dataclasses import replace

from app.engine.extract.quantity import Quantity
from app.engine.extract.units import tables, to_base
from app.engine.text.tokens import Token

_JOINERS = frozenset((",", "and"))
_INCHES_AFTER_FEET = frozenset(("in", "in."))


def join_compound_measures(tokens: list[Token], found: list[Quantity]) -> list[Quantity]:
    """`found` with every run of parts of one measure ('2 hours, 1 minute and 39 seconds') joined."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and _continues(tokens, prev, q):
            out[-1] = _joined(prev, q)
        else:
            out.append(q)
    return out


def _continues(tokens: list[Token], a: Quantity, b: Quantity) -> bool:
    """Is `b` the next, smaller part of the measure `a` ('2 hours' then '1 minute'; '12 ft' then '2 in')?"""
    if a.kind not in ("duration", "quantity") or a.unit is None or a.number is None or b.number is None:
        return False
    between = [t.lower for t in tokens[a.end : b.start]]
    if len(between) > 2 or any(w not in _JOINERS for w in between) or between == [","] * 2:
        return False
    if a.number.nominal is None or b.number.nominal is None or b.number.qualifier != "exact":
        return False
    if a.converted or " per " in a.unit.name or a.trend is not None:
        return False
    if b.unit is None:
        return _inches_after_feet(tokens, a, b)
    if b.kind != a.kind or b.trend is not None:
        return False
    big, big_base = to_base(a.unit, 1.0)
    small, small_base = to_base(b.unit, 1.0)
    return big is not None and small is not None and big_base == small_base and small < big
    # "2 hours and 30 minutes"; never "5 minutes and 2 hours" (a list of two times)


def _inches_after_feet(tokens: list[Token], a: Quantity, b: Quantity) -> bool:
    """'12 ft 2 in': after feet, a bare number of inches written 'in' (read here, not as the preposition)."""
    if a.unit.name != "foot" or b.kind != "number" or b.noun is not None or not 0 <= b.number.nominal < 12:
        return False
    if b.end < len(tokens) and tokens[b.end].lower in _INCHES_AFTER_FEET:
        b.unit = tables().by_name["inch"]
        b.end += 1
        return True
    return False


def _joined(a: Quantity, b: Quantity) -> Quantity:
    """`a` and `b` as one quantity in `b`'s (smaller) unit, with `a`'s qualifier."""
    ratio = to_base(a.unit, 1.0)[0] / to_base(b.unit, 1.0)[0]
    x = b.number.nominal

    def part(v: float | None) -> float | None:
        return None if v is None else round(v * ratio + x, 9)

    num = a.number
    number = replace(num, end=b.number.end, nominal=part(num.nominal), low=part(num.low), high=part(num.high))
    return replace(a, end=b.end, number=number, unit=b.unit, noun=None, converted=list(b.converted))
