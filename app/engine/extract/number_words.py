"""Numbers written in words: "twenty-five", "a dozen", "four hundred million", "half a million", "one-third".

Works on tokens (see tokens.py); the vocabulary is lexicon/number_words.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from app.engine import lexicon
from app.engine.text.lemmas import looks_plural
from app.engine.text.tokens import Token, joined


@dataclass(frozen=True, slots=True)
class Vocab:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    abbreviations: dict[str, int]
    fractions: dict[str, int]
    multiples: dict[str, int]
    vague: dict[str, tuple[float, float]]
    dozen: int

    def is_cardinal(self, word: str) -> bool:
        return word in self.units or word in self.tens or word in self.scales or word == "dozen"


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The number vocabulary, loaded once."""
    d = lexicon.table("number_words")
    return Vocab(
        units=d["units"],
        tens=d["tens"],
        scales=d["scales"],
        abbreviations=d["scale_abbreviations"],
        fractions=d["fractions"],
        multiples=d["multiples"],
        vague={k: (float(a), float(b)) for k, (a, b) in d["vague"].items()},
        dozen=d["dozen"],
    )


@lru_cache(maxsize=1)
def number_words() -> frozenset[str]:
    """Every word that is (part of) a number: cardinals, scales and their abbreviations, vague plurals."""
    v = vocab()
    return frozenset((*v.units, *v.tens, *v.scales, *v.abbreviations, *v.vague, "dozen"))


def parse_words(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """Parse a cardinal in words starting at token i: (value, index after it), or None.

    "twenty-five" -> 25, "one hundred and five" -> 105, "a dozen" -> 12, "a hundred" -> 100,
    "four thousand" -> 4000, "half a million" -> 500000.
    """
    v = vocab()
    n = len(tokens)
    if i >= n:
        return None
    w = tokens[i].lower
    # "a dozen", "a hundred", "a million"; "half a million"
    if w in ("a", "an") and i + 1 < n and (tokens[i + 1].lower in v.scales or tokens[i + 1].lower == "dozen"):
        nxt = tokens[i + 1].lower
        if nxt == "dozen":
            return float(v.dozen), i + 2
        return _continue_words(tokens, i + 1, 1.0)
    if w == "half" and i + 2 < n and tokens[i + 1].lower == "a" and tokens[i + 2].lower in v.scales:
        scale = v.scales[tokens[i + 2].lower]
        if scale >= 1000:
            return 0.5 * scale, i + 3
        return None
    if not v.is_cardinal(w) or w in v.scales or w == "dozen":
        return None
    return _continue_words(tokens, i, 0.0)


def _continue_words(tokens: list[Token], i: int, current: float) -> tuple[float, int] | None:
    v = vocab()
    n = len(tokens)
    total = 0.0
    j = i
    last = None  # "unit" | "ten" | "hundred" | "scale"
    consumed = False
    while j < n:
        w = tokens[j].lower
        if w in v.units and last in (None, "ten", "scale", "hundred"):
            current += v.units[w]  # "twenty-five", "twenty five", "one hundred and five"
            last = "unit"
        elif w in v.tens and last in (None, "scale", "hundred"):
            current += v.tens[w]
            last = "ten"
        elif w == "hundred" and last in ("unit", "ten", None) and (current or last is None):
            current = (current or 1.0) * 100
            last = "hundred"
        elif w in v.scales and w != "hundred" and (current or total):
            total += (current or 1.0) * v.scales[w]
            current = 0.0
            last = "scale"
        elif w == "dozen" and last == "unit":
            current *= v.dozen
            last = "scale"
        elif (
            w == "-"
            and joined(tokens, j)
            and last == "ten"
            and j + 1 < n
            and tokens[j + 1].lower in v.units
            or (
                w == "and"
                and last in ("hundred", "scale")
                and j + 1 < n
                and (tokens[j + 1].lower in v.units or tokens[j + 1].lower in v.tens)
            )
        ):
            j += 1
            continue
        else:
            break
        consumed = True
        j += 1
    if not consumed:
        return None
    return total + current, j


def apply_scales(tokens: list[Token], value: float, j: int, money: bool) -> tuple[float, int, bool]:
    """Multiply `value` by the scale words that follow it: "15 billion", "7bn", "4 hundred million".

    Returns (value, index after, scaled?). Abbreviations touching the digits ("7bn", "5K", "1.2m")
    count; a bare "m" is a million only for money (otherwise it is the metre, left to the units).
    """
    v = vocab()
    n = len(tokens)
    scaled = False
    if (
        j + 1 < n
        and tokens[j].text == "-"
        and joined(tokens, j)
        and joined(tokens, j + 1)
        and tokens[j + 1].lower in v.scales
        and tokens[j + 1].lower != "hundred"
    ):
        j += 1  # "a 1.5-million strong diaspora", "a $2-billion deal"
    while j < n:
        t = tokens[j]
        w = t.lower
        if w in v.scales and t.is_word:
            value *= v.scales[w]
        elif w in v.abbreviations and t.is_word and (joined(tokens, j) or len(w) > 1 or t.text in "BMK"):
            if w == "m" and not money and not _followed_by_noun(tokens, j):
                break
            if w == "b" and not money and not joined(tokens, j) and t.text != "B":
                break
            value *= v.abbreviations[w]
        else:
            break
        scaled = True
        j += 1
    if scaled:
        value = float(f"{value:.15g}")  # "$4.1 billion" is 4100000000, not 4099999999.9999995
    return value, j, scaled


def _followed_by_noun(tokens: list[Token], j: int) -> bool:
    """'1.2m people': a lower-case plural word after a bare 'm' makes it a million."""
    return (
        j + 1 < len(tokens)
        and tokens[j + 1].is_word
        and tokens[j + 1].text.islower()
        and looks_plural(tokens[j + 1].lower)
    )


def parse_fraction(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """'one-third' -> 1/3, 'two-thirds' -> 2/3, 'a third of' / 'by a third' -> 1/3; None for ordinals."""
    v = vocab()
    n = len(tokens)
    w = tokens[i].lower
    if w in v.units and i + 2 < n and tokens[i + 1].lower == "-" and tokens[i + 2].lower in v.fractions:
        num, den = v.units[w], v.fractions[tokens[i + 2].lower]
        if den == 2 and tokens[i + 2].lower == "half":
            return None
        return num / den, i + 3
    if w in v.units and w != "one" and i + 1 < n and tokens[i + 1].lower in v.fractions:
        den_word = tokens[i + 1].lower
        if den_word.endswith("s"):
            return v.units[w] / v.fractions[den_word], i + 2
    if w in ("a", "one") and i + 1 < n and tokens[i + 1].lower in ("third", "quarter", "fifth", "tenth"):
        after = tokens[i + 2].lower if i + 2 < n else ""
        before = tokens[i - 1].lower if i > 0 else ""
        if after in ("of", "", ".", ",", ";") or before in ("by", "than", "nearly", "about", "almost"):
            return 1 / v.fractions[tokens[i + 1].lower], i + 2
    return None
