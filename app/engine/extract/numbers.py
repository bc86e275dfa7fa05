"""The number grammar: digits, words, scales, fractions, vague multiples, qualifiers.

    >>> from app.engine.text.tokens import tokenize
    >>> m = parse_number(tokenize("more than 40 warplanes"), 2)
    >>> (m.nominal, m.low, m.high)
    (40.0, 40.0, 40.0)

`parse_number` reads the number itself; `qualify` then turns it into an interval with the qualifier
words around it ("more than 40" -> 40 open above). Vocabulary: lexicon/number_words.toml, qualifiers.toml.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from app.engine import lexicon
from app.engine.extract.dates import is_fraction_before_unit
from app.engine.extract.number_words import apply_scales, parse_fraction, parse_words, vocab
from app.engine.extract.units import match_unit, prefix_starts
from app.engine.lexicon import Qualifier
from app.engine.text.tokens import Token, joined

_SIGNS = {"-", "−", "–"}
_UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number expression found at tokens[start:end] (qualifier words not included)."""

    start: int
    end: int
    nominal: float | None
    low: float | None
    high: float | None
    qualifier: str = "exact"
    tolerance: float | None = None  # reach of an approximation or of a close bound ("nearly 40")
    strict: bool = False  # a bound that excludes the figure itself ("more than 40")
    words: bool = False  # written in words
    vague: bool = False  # "tens of thousands", "dozens"
    fraction: bool = False  # "one-third"
    multiple: bool = False  # "sixfold"
    scaled: bool = False  # carried a scale word: "15 billion", "7bn"
    # how finely the figure is written: the place value of its last digit, scale included ("48,000": 1,
    # "1.5 million": 100,000, "$7bn": 1e9; a range: its finer end), and the trailing zeros of a whole
    # figure ("48,000": 3, "70bn": 1); None and 0 for figures in words or with a fraction
    step: float | None = None
    zeros: int = 0
    qualifier_start: int | None = None  # token index where a qualifier before the number starts


def parse_digits(text: str) -> float | None:
    """'4,300' -> 4300.0, '2.5' -> 2.5; None for malformed groupings such as '1,2'."""
    if "," in text:
        head, *groups = text.split(",")
        last = groups[-1]
        if "." in last:
            last = last.split(".")[0]
        if not all(len(g) == 3 for g in groups[:-1]) or len(last) != 3 or len(head) > 3:
            return None
        text = text.replace(",", "")
    if text.count(".") > 1:
        return None
    try:
        return float(text)
    except ValueError:  # digits float() does not read ("1¹2": a superscript is a digit to str.isdigit)
        return None


def _written_step(digits: str, scale: float | None) -> tuple[float | None, int]:
    """(place value of the last written digit times `scale`, trailing zeros of a whole figure) of digits
    as written: "48,000" -> (1, 3), "1.5" with a million -> (100000, 0); (None, 0) without a scale."""
    if scale is None:
        return None, 0
    plain = digits.replace(",", "")
    whole, _, decimals = plain.partition(".")
    zeros = 0 if decimals else len(whole) - len(whole.rstrip("0"))
    return 10.0 ** -len(decimals) * abs(scale), zeros


def parse_number(tokens: list[Token], i: int, money: bool = False) -> NumberMatch | None:
    """Read one number starting at tokens[i] (digits, words, fraction or vague multiple), or None."""
    t = tokens[i]
    n = len(tokens)
    negative = False
    start = i
    if (
        t.lower == "minus"
        and i + 1 < n
        or t.text in _SIGNS
        and i + 1 < n
        and tokens[i + 1].is_num
        and joined(tokens, i + 1)
        and _sign_ok(tokens, i)
    ):
        negative, i, t = True, i + 1, tokens[i + 1]

    if t.is_num:
        value = parse_digits(t.text)
        if value is None:
            return None
        written = value
        j = i + 1
        if j < n and tokens[j].text in _UNICODE_FRACTIONS and joined(tokens, j):
            value += _UNICODE_FRACTIONS[tokens[j].text]
            j += 1
        frac = _slash_fraction(tokens, i, value)
        if frac is not None:
            return NumberMatch(start, i + 3, frac, frac, frac, fraction=True)
        mixed = _mixed_fraction(tokens, j)
        if mixed is not None and t.text.isdecimal():
            value, j = value + mixed, j + 3  # "7 3/4 %", "a 2 1/2-mile walk"
        power = _times_ten_to_the(tokens, j)
        if power is not None:
            value, j = value * 10.0**power[0], power[1]  # "1.99×10−30"
        if (
            j + 2 < n
            and tokens[j].lower == "and"
            and tokens[j + 1].lower == "a"
            and tokens[j + 2].lower == "half"
        ):
            value, j = value + 0.5, j + 3
        plain = value == written
        value, j, scaled = apply_scales(tokens, value, j, money)
        step, zeros = _written_step(t.text, value / written if plain and written else None)
        value = -value if negative else value
        return NumberMatch(start, j, value, value, value, scaled=scaled, step=step, zeros=zeros)

    if t.text in _UNICODE_FRACTIONS:
        value = _UNICODE_FRACTIONS[t.text]
        return NumberMatch(start, i + 1, value, value, value, fraction=True)

    v = vocab()
    w = t.lower
    if w in v.multiples and w.endswith("fold"):
        value = float(v.multiples[w])
        return NumberMatch(start, i + 1, value, value, value, words=True, multiple=True)

    vague = _parse_vague(tokens, i)
    if vague is not None:
        return vague

    if _bare_half(tokens, i):
        return NumberMatch(start, i + 1, 0.5, 0.5, 0.5, words=True, fraction=True)
    frac = parse_fraction(tokens, i)
    if frac is not None:
        value, j = frac
        return NumberMatch(start, j, value, value, value, words=True, fraction=True)

    words = parse_words(tokens, i)
    if words is None:
        return None
    value, j = words
    if (
        j + 2 < n
        and tokens[j].lower == "and"
        and tokens[j + 1].lower in ("a", "one")
        and tokens[j + 2].lower == "half"
    ):
        value, j = value + 0.5, j + 3
    value, j, scaled = apply_scales(tokens, value, j, money)
    value = -value if negative else value
    return NumberMatch(start, j, value, value, value, words=True, scaled=scaled)


def _bare_half(tokens: list[Token], i: int) -> bool:
    """'about half', 'nearly half of respondents', 'cut by half': a share; 'the second half', 'half-time'
    and 'half a mile' (read with its unit) are not this."""
    n = len(tokens)
    if tokens[i].lower != "half" or (i + 1 < n and tokens[i + 1].lower in ("a", "an", "-")):
        return False
    if i + 1 < n and tokens[i + 1].lower in ("of", "the", "its", "their", "our", "his", "her"):
        return i == 0 or tokens[i - 1].lower not in _half_not_after()  # "half of them", "half the homes"
    return i > 0 and (tokens[i - 1].lower == "by" or qualifier_before(tokens, i) is not None)


@lru_cache(maxsize=1)
def _half_not_after() -> frozenset[str]:
    return lexicon.words("number_words", "half_not_after")


def _sign_ok(tokens: list[Token], i: int) -> bool:
    """A '-' is a minus sign when it stands apart from the word before it ('temperatures of -5')."""
    if i == 0:
        return True
    prev = tokens[i - 1]
    if not tokens[i].space_before:
        return False
    return not (prev.is_word and prev.text[0].isupper()) and not prev.is_num


def _mixed_fraction(tokens: list[Token], j: int) -> float | None:
    """'3/4' after a whole number ('7 3/4 %'): a proper fraction with a small denominator, written apart."""
    n = len(tokens)
    if j + 2 >= n or not tokens[j].text.isdecimal() or not tokens[j].space_before:
        return None
    if tokens[j + 1].text not in ("/", "⁄") or not joined(tokens, j + 1) or not joined(tokens, j + 2):
        return None
    num, den = tokens[j].text, tokens[j + 2].text
    if not den.isdecimal() or int(den) not in (2, 3, 4, 8, 16) or not 0 < int(num) < int(den):
        return None
    if j + 3 < n and tokens[j + 3].text in ("/", "-") and joined(tokens, j + 3):
        return None  # "1 3/4/2025" is no fraction
    return int(num) / int(den)


def _times_ten_to_the(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """'×10−30', 'x10^6', '× 10⁶' after a number: (the power of ten, index after)."""
    n = len(tokens)
    if j + 1 >= n or tokens[j].text not in ("×", "x", "*") or tokens[j + 1].text != "10":
        return None
    k = j + 2
    sign = 1
    if k < n and tokens[k].text == "^" and joined(tokens, k):
        k += 1
    if k < n and tokens[k].text in ("-", "−") and joined(tokens, k):
        sign, k = -1, k + 1
    if k < n and tokens[k].text.isdecimal() and joined(tokens, k) and len(tokens[k].text) <= 3:
        return sign * int(tokens[k].text), k + 1
    return None


def _slash_fraction(tokens: list[Token], i: int, numerator: float) -> float | None:
    """'1/16 of a pint' -> 0.0625 (a slash fraction needs 'of' after it; '06/01' is not one)."""
    n = len(tokens)
    slash = i + 3 < n and tokens[i + 1].text in ("/", "⁄") and joined(tokens, i + 1)
    if slash and tokens[i + 2].is_num and (tokens[i + 3].lower == "of" or is_fraction_before_unit(tokens, i)):
        den = parse_digits(tokens[i + 2].text)
        if den:
            return numerator / den
    return None


def _parse_vague(tokens: list[Token], i: int) -> NumberMatch | None:
    """'tens of thousands' -> (10000, 100000); 'hundreds' -> (100, 1000); 'several dozen' -> (36, 108)."""
    v = vocab()
    n = len(tokens)
    w = tokens[i].lower
    mult = {"tens": 10.0, "hundreds": 100.0, "dozens": 12.0}
    if w in mult and i + 2 < n and tokens[i + 1].lower == "of" and tokens[i + 2].lower in v.vague:
        lo, hi = v.vague[tokens[i + 2].lower]
        return NumberMatch(i, i + 3, None, lo * mult[w], hi * mult[w], "range", words=True, vague=True)
    if w in v.vague:
        if i + 1 < n and tokens[i + 1].lower in v.scales:
            return None
        lo, hi = v.vague[w]
        return NumberMatch(i, i + 1, None, lo, hi, "range", words=True, vague=True)
    if (
        w in ("several", "few")
        and i + 1 < n
        and tokens[i + 1].lower in ("dozen", "hundred", "thousand", "million", "billion")
    ):
        scale = 12.0 if tokens[i + 1].lower == "dozen" else float(v.scales[tokens[i + 1].lower])
        lo, hi = (3, 9) if w == "several" else (2, 9)
        start = i - 1 if w == "few" and i > 0 and tokens[i - 1].lower == "a" else i
        return NumberMatch(start, i + 2, None, lo * scale, hi * scale, "range", words=True, vague=True)
    return None


def qualifier_before(tokens: list[Token], i: int) -> tuple[Qualifier, int] | None:
    """The qualifier phrase ending just before tokens[i]: (what it does, its first token index)."""
    table = lexicon.qualifiers()
    for size in (4, 3, 2, 1):
        if i - size < 0:
            continue
        key = tuple(t.lower for t in tokens[i - size : i])
        q = table.before.get(key)
        if q is not None:
            after_determiner = i > size and tokens[i - size - 1].lower in _DETERMINERS
            if q.phrase in table.not_after_determiner and after_determiner:
                return None  # "the past 10 years"
            if i > size and tokens[i - size - 1].lower in table.verb_particles.get(q.phrase, ()):
                return None  # "revised up to 121,000": the verb's particle, and the figure a level
            return q, i - size
    return None


_DETERMINERS = frozenset(("the", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those"))


def qualifier_after(tokens: list[Token], j: int) -> tuple[Qualifier, int] | None:
    """A qualifier right after the quantity ('40 or more', '40-plus', '40+'): (what it does, index after)."""
    after = lexicon.qualifiers().after
    for size in (2, 1):
        key = tuple(t.lower for t in tokens[j : j + size])
        if len(key) == size and key in after:
            if key == ("+",) and not joined(tokens, j):
                continue
            if key == ("plus",) and _an_addend_at(tokens, j + 1):
                continue  # "€50,000 plus a €25,000 bonus": a sum added, not a floor
            if j + size < len(tokens) and tokens[j + size].lower == "than":
                continue  # "12 dead and more than 200 injured": "more than" opens the next figure
            return after[key], j + size
    if (
        j + 1 < len(tokens)
        and tokens[j].text == "-"
        and tokens[j + 1].lower in ("plus", "odd")
        and joined(tokens, j)
    ):
        return after[(tokens[j + 1].lower,)], j + 2  # "40-plus", "40-odd"
    return None


def _an_addend_at(tokens: list[Token], k: int) -> bool:
    """A second figure starts at tokens[k] ('plus a bonus of', 'plus $5', 'plus 12 more')."""
    if k >= len(tokens):
        return False
    t = tokens[k]
    return t.is_num or t.lower in ("a", "an", "the") or t.text in prefix_starts()


def qualify(match: NumberMatch, q: Qualifier) -> NumberMatch:
    """Turn an exact number into the interval its qualifier admits; the stated number stays nominal, and the
    qualifier's strictness and reach are recorded for the verdicts ("nearly 40": close below 40)."""
    x = match.nominal
    if x is None or match.qualifier == "range":
        return match
    # a close bound reaches as far as its figure is precise: "nearly 40" to 36, "nearly 1.4 million" to 1.32m
    close = q.tolerance
    if close is not None and not (match.words or match.fraction):  # ("nearly a third" is a word's share)
        close = min(close, lexicon.qualifiers().approximate_reach(x))
    if q.qualifier == "lower_bound":
        return replace(match, qualifier=q.qualifier, low=x, high=None, strict=q.strict, tolerance=close)
    if q.qualifier == "upper_bound":
        return replace(match, qualifier=q.qualifier, low=None, high=x, strict=q.strict, tolerance=close)
    if q.qualifier == "approximate":
        tol = q.tolerance if q.tolerance is not None else lexicon.qualifiers().approximate_reach(x)
        lo, hi = sorted((x * (1 - tol), x * (1 + tol)))
        return replace(match, qualifier=q.qualifier, low=lo, high=hi, tolerance=tol)
    return match


def a_unit_and_a_half(tokens: list[Token], k: int) -> NumberMatch | None:
    """'a year and a half' -> 1.5, 'half a percentage point' -> 0.5 (the unit is read next)."""
    n = len(tokens)
    if tokens[k].lower == "half" and k + 2 < n and tokens[k + 1].lower in ("a", "an"):
        hit = match_unit(tokens, k + 2, allow_quantulum=False)
        if hit is not None:
            return NumberMatch(k, k + 2, 0.5, 0.5, 0.5, words=True, fraction=True)
    if (
        tokens[k].lower in ("a", "an")
        and k + 4 < n
        and [t.lower for t in tokens[k + 2 : k + 5]] == ["and", "a", "half"]
    ):
        hit = match_unit(tokens, k + 1, allow_quantulum=False)
        if hit is not None and hit[1] == k + 2:
            return NumberMatch(k, k + 1, 1.5, 1.5, 1.5, words=True)
    return None


_BOUNDED_UNIT_KINDS = frozenset(("duration", "quantity", "percent"))


def a_bounded_unit(tokens: list[Token], k: int) -> NumberMatch | None:
    """'more than a year', 'nearly an hour', 'under a mile': one of the unit, bounded by the qualifier before
    it (the unit is read next). A bare 'a year' or 'an hour later' states no figure."""
    if tokens[k].lower not in ("a", "an") or k + 1 >= len(tokens) or qualifier_before(tokens, k) is None:
        return None
    hit = match_unit(tokens, k + 1, allow_quantulum=False)
    if hit is None or hit[0].kind not in _BOUNDED_UNIT_KINDS:
        return None
    return NumberMatch(k, k + 1, 1.0, 1.0, 1.0, words=True)


def change_from(tokens: list[Token], i: int) -> bool:
    """Is the 'from' at tokens[i] the start of a change ("rose from 62 to 64", "raised the rate to 6.25% from
    5.75%"), not of a range of values ("anywhere from 10,000 to 100,000"; qualifiers.toml [range_openers])?"""
    return tokens[i].lower == "from" and not (
        i > 0 and tokens[i - 1].lower in lexicon.words("qualifiers", "range_openers"))


def make_range(first: NumberMatch, second: NumberMatch, stated_order: bool = False) -> NumberMatch:
    """'between 10 and 20', '5 to 10', '14-18': one interval; a bare first number takes the second's scale.

    `stated_order`: "from 4.8 to 4.7" is a change, not an interval: low/high keep the order of the text
    (low = the value before, high = the value after), as NewsQuant annotates it.
    """
    a, b = first.nominal, second.nominal
    if a is None or b is None:
        return first
    if second.scaled and not first.scaled and abs(a) < 1000 <= abs(b):
        for scale in (1e12, 1e9, 1e6, 1e3, 1e2):
            if abs(b) >= scale and abs(a) * scale <= abs(b) * 10:
                a = a * scale
                break
    low, high = (a, b) if a <= b or stated_order else (b, a)
    steps = (first.step * abs(a / first.nominal) if first.step and first.nominal else None, second.step)
    return NumberMatch(
        first.start,
        second.end,
        None,
        low,
        high,
        "range",
        words=first.words or second.words,
        scaled=second.scaled,
        step=min(steps) if None not in steps else None,  # type: ignore[type-var]
        qualifier_start=first.qualifier_start,
    )
