"""Unit names and conversion: quantulum3's names, pint's arithmetic.

    >>> from app.engine.text.tokens import tokenize
    >>> unit, end = match_unit(tokenize("7,000 kilometers from"), 1)
    >>> unit.name, to_base(unit, 7000.0)
    ('kilometre', (7000000.0, 'meter'))

The units the engine reads are listed in lexicon/units.toml and lexicon/currencies.toml (names as quantulum3
spells them); any other unit word quantulum3 knows is read through its table, kept as data in
lexicon/quantulum_units.toml (scripts/gen_quantulum_units.py writes it; quantulum3 is not imported).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache

from app.engine import lexicon
from app.engine.text.tokens import Token, joined, tokenize

_MAX_LEN = 4


TEMPERATURE_ROUNDING = 1.0  # kelvins a temperature converted between scales may be off by (36C = 97F)


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as the engine names and converts it."""

    name: str  # quantulum3's name: "kilometre", "dollar", "percentage"
    kind: str  # "quantity" | "percent" | "duration" | "money"
    pint: str | None = None  # pint expression; None when pint has no such unit
    code: str | None = None  # currency code (money compares in its own currency)
    factor: float = 1.0  # currency sub-units: a cent is 0.01 dollar
    shared_by: tuple[str, ...] = ()  # currencies the sub-unit also divides: a cent of a euro story is EUR


@dataclass(frozen=True, slots=True)
class Tables:
    symbols: dict[tuple[str, ...], Unit]
    words: dict[tuple[str, ...], Unit]
    prefixes: dict[tuple[str, ...], Unit]
    by_name: dict[str, Unit]
    tight: frozenset[tuple[str, ...]]  # symbols of several tokens written without spaces: "ft2", "km/h"


def _key(surface: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(surface))


@lru_cache(maxsize=1)
def tables() -> Tables:
    """The unit and currency tables, built once from the data files."""
    symbols: dict[tuple[str, ...], Unit] = {}
    words: dict[tuple[str, ...], Unit] = {}
    prefixes: dict[tuple[str, ...], Unit] = {}
    by_name: dict[str, Unit] = {}
    tight: set[tuple[str, ...]] = set()
    for u in lexicon.table("units")["units"]:
        unit = Unit(u["name"], u["kind"], u.get("pint"))
        by_name[unit.name] = unit
        for s in u["symbols"]:
            symbols[_key(s)] = unit
            if " " not in s and len(_key(s)) > 1:
                tight.add(_key(s))
        for w in u["words"]:
            words[_key(w.lower())] = unit
    for c in lexicon.table("currencies")["currencies"]:
        unit = Unit(
            c["name"], "money", None, c["code"], float(c.get("factor", 1.0)), tuple(c.get("shared_by", ()))
        )
        by_name[unit.name] = unit
        for s in c["prefixes"]:
            prefixes[_key(s)] = unit
            if s.isalpha() and s.isupper():
                symbols[_key(s)] = unit
        for w in c["words"]:
            words[_key(w.lower())] = unit
    return Tables(symbols, words, prefixes, by_name, frozenset(tight))


@lru_cache(maxsize=1)
def temperature_cues() -> frozenset[str]:
    """Words that make '35 degrees' a temperature and let a bare 'C'/'F' be one (units.toml)."""
    return lexicon.words("units", "temperature_cues")


@lru_cache(maxsize=1)
def quantulum_surfaces() -> dict[str, str]:
    """quantulum3's unit words (lower-cased surface -> unit name), the fallback naming authority: data
    generated from quantulum3 (lexicon/quantulum_units.toml), so that quantulum3 is never imported."""
    return dict(lexicon.table("quantulum_units")["surfaces"])


def match_unit(tokens: list[Token], j: int, allow_quantulum: bool = True) -> tuple[Unit, int] | None:
    """The unit written at tokens[j:] (right after a number): (unit, index after it), or None."""
    t = tables()
    n = len(tokens)
    symbol_starts, word_starts = _unit_starts()
    listed = j < n and (tokens[j].text in symbol_starts or tokens[j].lower in word_starts)
    for size in range(min(_MAX_LEN, n - j) if listed else 0, 0, -1):
        span = tokens[j : j + size]
        key = tuple(x.text for x in span)
        unit = t.symbols.get(key)
        if key in t.tight and not all(joined(tokens, k) for k in range(j + 1, j + size)):
            unit = None  # "12 ft 2 in" is not "12 ft2"
        if unit is not None and _symbol_ok(tokens, j, size):
            unit = _temperature(tokens, unit, key)
            if unit is not None:
                return per_unit(tokens, unit, j + size)
        unit = t.words.get(tuple(x.lower for x in span))
        if unit is not None and span[-1].is_word or (unit is not None and size > 1):
            if size == 1 and len(tokens[j].text) == 1 and not joined(tokens, j):
                continue  # "30p", "65c": a one-letter unit word touches its number
            unit = _pounds(tokens, _temperature(tokens, unit, key) or unit, j + size)
            return per_unit(tokens, unit, j + size)
    powered = _unit_power(tokens, j, allow_quantulum)
    if powered is not None:
        return per_unit(tokens, *powered)
    if allow_quantulum and j < n and tokens[j].is_word and tokens[j].text.islower():
        name = quantulum_surfaces().get(tokens[j].lower)
        if name is not None:
            return per_unit(tokens, Unit(name, "quantity"), j + 1)
    return None


@lru_cache(maxsize=1)
def _unit_starts() -> tuple[frozenset[str], frozenset[str]]:
    """The first token of every unit symbol (as written) and of every unit word (lower-cased): a token that
    starts none is no listed unit, and the spans from it are not built."""
    t = tables()
    return frozenset(k[0] for k in t.symbols), frozenset(k[0] for k in t.words)


def _unit_power(tokens: list[Token], j: int, allow_quantulum: bool) -> tuple[Unit, int] | None:
    """'cubic yards', 'square inches': a unit of length raised to the power its word names (units.toml
    unit_powers), named as quantulum3 names it ('cubic yard'); None for anything else ('square miles' and
    'cubic feet' are listed units, read before this)."""
    power = unit_powers().get(tokens[j].lower) if j + 1 < len(tokens) else None
    if power is None:
        return None
    hit = match_unit(tokens, j + 1, allow_quantulum)
    if hit is None:
        return None
    unit, end = hit
    if unit.kind != "quantity" or not unit.pint or " per " in unit.name or dimension_of(unit) != "length":
        return None
    name, exponent = power
    return Unit(f"{name} {unit.name}", "quantity", f"({unit.pint})**{exponent}"), end


@lru_cache(maxsize=1)
def unit_powers() -> dict[str, tuple[str, int]]:
    return {w: (p["name"], int(p["power"])) for w, p in lexicon.table("units")["unit_powers"].items()}


# Temperatures: which scale a figure is in is decided here only, by its sentence (_temperature), its figure
# (fahrenheit_by_figure) and its story (celsius_in_story).


def _temperature(tokens: list[Token], unit: Unit, key: tuple[str, ...]) -> Unit | None:
    """'35 degrees' in a sentence about the weather is a temperature (celsius); a bare 'C' or 'F' after a
    number is one only there ('12 C melting point'), never in 'Boeing 777F' or a '13F filing'
    (temperature_cues in units.toml). None: not a unit here."""
    if unit.name not in ("celsius", "fahrenheit", "degree"):
        return unit
    cues = temperature_cues()
    weather = any(t.lower in cues for t in tokens)
    if unit.name == "degree":
        return tables().by_name["celsius"] if weather else unit
    if key in (("C",), ("F",)) and not weather:
        return None
    return unit


HOTTEST_CELSIUS = 60  # no weather reaches this many degrees Celsius: bare "degrees" above it are Fahrenheit


def fahrenheit_by_figure(written: list[Token], unit: Unit, high: float | None) -> Unit:
    """Bare 'degrees' (`written`) the weather made Celsius (_temperature) with a figure no air temperature
    in Celsius reaches are Fahrenheit ('temperatures reached 104 degrees' in a Californian heatwave)."""
    bare = len(written) == 1 and written[0].lower in ("degree", "degrees")
    if unit.name == "celsius" and bare and high is not None and high > HOTTEST_CELSIUS:
        return tables().by_name["fahrenheit"]
    return unit


def celsius_in_story(unit: Unit | None, last: Token, story_units: set[str]) -> Unit | None:
    """'47.3C' read as cents (a money sub-unit touching its figure) in a sentence with no word of the
    weather is a temperature when the story gives others in Celsius ('a high of 47.3C, recorded at
    Amareleja'): Celsius then, else None."""
    if "celsius" not in story_units or unit is None or unit.kind != "money" or unit.factor == 1.0:
        return None
    return tables().by_name["celsius"] if last.text == "C" and not last.space_before else None


def _pounds(tokens: list[Token], unit: Unit, end: int) -> Unit:
    """'a fee of 20 million pounds' is money, '20 pounds of steel' a weight: 'pounds' without a sign is
    sterling when its sentence speaks of money (units.toml money_cues) and no 'of' follows."""
    if unit.name != "pound-mass" or (end < len(tokens) and tokens[end].lower == "of"):
        return unit
    cues = lexicon.words("units", "money_cues")
    if any(t.lower in cues for t in tokens):
        return tables().by_name["pound sterling"]
    return unit


def in_story_currency(unit: Unit, story_code: str | None) -> Unit:
    """A shared sub-unit ('cent') in the story's main currency: '65c' in a euro story is 0.65 EUR."""
    if unit.kind == "money" and story_code and story_code != unit.code and story_code in unit.shared_by:
        return replace(unit, code=story_code)
    return unit


def _symbol_ok(tokens: list[Token], j: int, size: int) -> bool:
    """One-letter symbols must touch the number ('5m', '3s') unless they are capitals ('12 C', '5 W') or a
    word of extent follows ('30 m wide', '4 m high'; units.toml extent_words)."""
    text = "".join(t.text for t in tokens[j : j + size])
    if joined(tokens, j) or not text.isalpha():
        return True
    after = tokens[j + size] if j + size < len(tokens) else None
    if after is not None and after.is_word and not after.space_before:
        return False
    if after is not None and after.lower in lexicon.words("units", "extent_words"):
        return True
    if after is None or not (after.is_word or after.is_num):
        return True  # "Climbing: 5,150 m" ends its line: nothing else the letter could stand for
    return len(text) >= 2 or text.isupper()


def per_unit(tokens: list[Token], unit: Unit, j: int) -> tuple[Unit, int]:
    """'$10 per gram', '$3,500 a month', '60 km/h', '$85.40 a barrel', '64.2 cents a dozen' -> a compound
    unit 'dollar per gram'; '$3 million a year earlier' is no rate (the year is when, lexicon: units.toml
    not_a_rate_after)."""
    n = len(tokens)
    if j + 1 < n and tokens[j].lower in ("per", "a", "an", "/", "each"):
        nxt = match_unit(tokens, j + 1, allow_quantulum=False) or _rate_noun(tokens, j + 1, unit)
        if nxt is not None and nxt[0].kind != "money" and nxt[0].kind != "percent":
            other, end = nxt
            if tokens[j].lower in ("a", "an") and other.kind != "duration" and unit.kind != "money":
                return unit, j
            if end < n and tokens[end].lower in not_a_rate_after():
                return unit, j
            pint = f"({unit.pint})/({other.pint})" if unit.pint and other.pint else None
            return Unit(
                f"{unit.name} per {other.name}",
                unit.kind if unit.kind == "money" else "quantity",
                pint,
                unit.code,
                unit.factor,
            ), end
    return unit, j


def _rate_noun(tokens: list[Token], j: int, unit: Unit) -> tuple[Unit, int] | None:
    """'64.2 cents a dozen', '$5 a share': a price per item that is no unit (units.toml rate_nouns)."""
    if unit.kind == "money" and tokens[j].lower in lexicon.words("units", "rate_nouns"):
        return Unit(tokens[j].lower, "quantity"), j + 1
    return None


@lru_cache(maxsize=1)
def race_words() -> frozenset[str]:
    """Words before 'over 5,000m' that make the distance a race's (qualifiers.toml race_words)."""
    return lexicon.words("qualifiers", "race_words")


@lru_cache(maxsize=1)
def not_a_rate_after() -> frozenset[str]:
    return lexicon.words("units", "not_a_rate_after")


def match_currency_prefix(tokens: list[Token], i: int) -> tuple[Unit, int] | None:
    """A currency written before its number ('$', 'US $', 'HK$', '£', 'Y='): (unit, index after)."""
    t = tables()
    if tokens[i].text not in prefix_starts():
        return None
    n = len(tokens)
    for size in range(min(3, n - i), 0, -1):
        key = tuple(x.text for x in tokens[i : i + size])
        unit = t.prefixes.get(key)
        if unit is not None and i + size < n:
            nxt = tokens[i + size]
            if nxt.is_num or nxt.lower in ("minus",) or (nxt.text in "-−" and i + size + 1 < n):
                return unit, i + size
    return None


@lru_cache(maxsize=1)
def prefix_starts() -> frozenset[str]:
    """The first tokens of every currency prefix ('$', 'US', 'HK', '£', 'Y'): a fast pre-check."""
    return frozenset(key[0] for key in tables().prefixes)


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


@cache
def _base(expr: str) -> tuple[float, str] | None:
    try:
        q = _registry().Quantity(1.0, expr).to_base_units()
    except Exception:  # pint raises several error types for unknown units
        return None
    return float(q.magnitude), str(q.units)


_POINTS = {"percentage point": 1.0, "basis point": 0.01, "point": 1.0}


def to_base(unit: Unit | None, value: float | None) -> tuple[float | None, str | None]:
    """Restate `value` in the base unit of its dimension (pint), or in its currency for money."""
    if unit is None or value is None:
        return None, None
    if unit.kind == "money":
        per = unit.name.partition(" per ")[2]
        return value * unit.factor, f"{unit.code} per {per}" if per else unit.code
    if unit.kind == "percent" and unit.name == "percentage":
        return value, "percent"
    if unit.kind in ("percent", "quantity") and unit.name in _POINTS:  # 50 bp are half a percentage point
        return value * _POINTS[unit.name], "percentage point"
    if not unit.pint:
        return None, None
    if unit.pint in ("degC", "degF"):
        reg = _registry()
        q = reg.Quantity(value, unit.pint).to("kelvin")
        return float(q.magnitude), "kelvin"
    base = _base(unit.pint)
    if base is None:
        return None, None
    return value * base[0], base[1]


@cache
def dimension_of(unit: Unit) -> str | None:
    """The physical dimension of `unit` as pint names it: 'length', 'mass', 'length / time', ..."""
    if unit.kind == "money":
        return "currency"
    if not unit.pint:
        return None
    try:
        dims = _registry().Quantity(1.0, unit.pint).dimensionality
    except Exception:  # pint raises several error types for unknown units
        return None
    text = str(dims).replace("[", "").replace("]", "")
    return text or None


def warm_up() -> None:
    """Build every table and pint's registry now, so the first request is not slow."""
    tables()
    quantulum_surfaces()
    for unit in tables().by_name.values():
        if unit.pint and unit.pint not in ("degC", "degF"):
            _base(unit.pint)
