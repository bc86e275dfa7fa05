"""Figures as an editor reads them: a claim's value restated in the unit of the claim it is compared with.

    in_units_of(miles_claim.value, km_claim.value)     # -> "1,931 km"  (for "some 1,200 miles")

The engine compares values in base units (`value.base_*`: meters, seconds, USD); the restatement is
computed from those base values, so it is what the comparison saw. Affine scales (temperatures) are not
restated: a single pair of base values cannot convert them.
"""

from __future__ import annotations

import math

from app.schemas import ClaimOut, ValueOut

# How a restated value names its unit: the short symbol newsrooms print (unit names are the engine's).
SYMBOLS = {
    "kilometre": "km",
    "metre": "m",
    "centimetre": "cm",
    "millimetre": "mm",
    "mile": "miles",
    "nautical mile": "nautical miles",
    "yard": "yards",
    "foot": "feet",
    "inch": "inches",
    "square kilometre": "km²",
    "square metre": "m²",
    "square mile": "sq miles",
    "hectare": "ha",
    "acre": "acres",
    "kilogram": "kg",
    "gram": "g",
    "tonne": "tonnes",
    "ton": "tons",
    "pound-mass": "lb",
    "litre": "litres",
    "gallon": "gallons",
    "barrel": "barrels",
    "kilometre per hour": "km/h",
    "mile per hour": "mph",
    "knot": "knots",
    "dollar": "$",
    "euro": "€",
    "pound sterling": "£",
}
_PREFIX_SYMBOLS = {"$", "€", "£"}
_NOT_LINEAR = {"temperature", "date", "count", "percent"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def differs_in_unit(a: ValueOut, b: ValueOut) -> bool:
    """Two values in different units of one dimension (both restated in the same base unit)."""
    return (
        a.unit is not None
        and b.unit is not None
        and a.unit != b.unit
        and a.base_unit is not None
        and a.base_unit == b.base_unit
        and (a.dimension or "") not in _NOT_LINEAR
    )


def in_units_of(value: ValueOut, other: ValueOut) -> str | None:
    """`value` restated in `other`'s unit ("1,931 km"), or None when that cannot be computed."""
    if not differs_in_unit(value, other):
        return None
    base = value.base_nominal if value.base_nominal is not None else value.base_low
    if base is None or not other.nominal or other.base_nominal is None or other.base_nominal == 0:
        return None
    per_unit = other.base_nominal / other.nominal  # base units in one of `other`'s units
    return figure(base / per_unit, other.unit or "")


def figure(number: float, unit: str) -> str:
    """A number for people, with its unit: 1931.2 'kilometre' -> '1,931 km', 2.1e9 'dollar' -> '$2.1 billion'.

    >>> figure(1931.2128, "kilometre")
    '1,931 km'
    """
    symbol = SYMBOLS.get(unit, unit)
    scale = ""
    for size, word in _SCALES:
        if abs(number) >= size:
            number, scale = number / size, f" {word}"
            break
    shown = _rounded(number)
    if symbol in _PREFIX_SYMBOLS:
        return f"{symbol}{shown}{scale}"
    return f"{shown}{scale} {symbol}".strip()


def _rounded(number: float) -> str:
    """Three significant figures for small numbers, whole numbers from 100 up, thousands separated."""
    if number == 0:
        return "0"
    if abs(number) >= 100:
        return f"{round(number):,}"
    digits = max(0, 2 - math.floor(math.log10(abs(number))))
    return f"{number:,.{digits}f}".rstrip("0").rstrip(".")


def restatements(claim: ClaimOut, compared_with: list[ClaimOut]) -> list[str]:
    """`claim`'s value in each other unit it is compared with, once per unit, in order."""
    shown: dict[str, str] = {}
    for other in compared_with:
        if other.value.unit and other.value.unit not in shown:
            text = in_units_of(claim.value, other.value)
            if text is not None:
                shown[other.value.unit] = text
    return list(shown.values())
