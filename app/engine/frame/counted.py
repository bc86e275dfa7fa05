"""What a claim counts: the noun phrase after the number, its counted class, noun lemma and modifiers.

    >>> from app.engine.text import compounds, tokenize
    >>> words = compounds(tokenize("Russia fired 114 strike and decoy drones."))
    >>> counted_noun(words, noun_phrase(words, skip_number(words, 2)), 2)
    ('drone', 'strike decoy drone', ('strike',))

Classes come from lexicon/counted.toml; a noun the lexicon does not know is its own class (its lemma).
"""

from __future__ import annotations

import re
from functools import cache

from app.engine import lexicon as lx
from app.engine.extract.nouns import stop_words, subject_of_figure
from app.engine.extract.number_words import number_words as extract_number_words
from app.engine.text import Token, is_plural, lemma

_DIGITS = re.compile(r"^\d")
DETERMINERS = ("the", "its", "their", "these", "those", "his", "her", "our")


@cache
def number_words() -> frozenset[str]:
    """Words of a number expression: the number words (number_words.toml) and the words that join them."""
    return extract_number_words() | lx.words("frame", "numbers")


def is_number(tok: Token) -> bool:
    return bool(_DIGITS.match(tok.norm)) or tok.norm in number_words()


def is_digits(tok: Token) -> bool:
    return bool(_DIGITS.match(tok.norm))


@cache
def _longest_qualifier() -> int:
    return max(len(k) for k in lx.qualifiers().before)


@cache
def _qualifier_starts() -> frozenset[str]:
    return frozenset(k[0] for k in lx.qualifiers().before)


def skip_number(words: list[Token], i: int) -> int:
    """Index of the first word after the qualifier phrases (qualifiers.toml) and number words at `i`."""
    before = lx.qualifiers().before
    glue = lx.words("frame", "numbers", "before")
    while i < len(words):
        phrase = 0
        if words[i].norm in _qualifier_starts():
            phrase = next((n for n in range(_longest_qualifier(), 0, -1)
                           if tuple(t.norm for t in words[i : i + n]) in before), 0)
        if phrase:
            i += phrase
        elif is_number(words[i]) or words[i].norm in glue or words[i].norm in "-–$%":
            i += 1
        else:
            break
    return i


def skip_aside(words: list[Token], i: int) -> int:
    """After a measure, skip a bracketed conversion and "of": "180 millimeters (7 inches) of rain" -> rain."""
    if i < len(words) and words[i].norm == "(":
        while i < len(words) and words[i].norm != ")":
            i += 1
        i += 1
    if i + 1 < len(words) and words[i].norm == "of":
        i += 1
    return i


@cache
def _stop() -> frozenset[str]:
    """Words that end the noun phrase of the counted thing: the extractor's stop words and calendar words,
    and the few framing adds (frame.toml)."""
    return stop_words() | lx.words("frame", "noun_phrase", "stop") | frozenset(lx.calendar().weekdays)


def noun_phrase(words: list[Token], i: int) -> list[int]:
    """Indices of the noun phrase starting at `i` ("strike and decoy drones"), stopping at a stop word."""
    stop = _stop()
    limit = lx.table("frame")["noun_phrase"]["max_words"]
    out: list[int] = []
    if subject_of_figure(words, i):
        return out
    while i < len(words) and len(out) < limit + 1:
        t = words[i]
        if _joiner(words, i, out):  # "long-range", "ground-to-air", "Kh-101", "Iskander-M/KN-23": one word
            if words[i + 1].norm[0].isalpha():
                out.append(i + 1)
            i += 2
            continue
        if not t.norm[0].isalpha():
            break
        if t.norm in ("and", "or") and out and not _known(words[out[-1]]) and i + 1 < len(words):
            nxt = words[i + 1]
            if nxt.norm[0].isalpha() and not is_number(nxt) and nxt.norm not in stop:
                out.append(i)
                i += 1
                continue
        if t.norm in stop or _verb_after_plural(words, out, t) or _verb_after_figure(words, out, i):
            break
        out.append(i)
        if _known(t) and not _continues(words, i + 1):
            break
        i += 1
    return out


def _joiner(words: list[Token], i: int, phrase: list[int]) -> bool:
    """A hyphen or a slash written between two parts of one word of the phrase."""
    return (bool(phrase) and words[i].norm in ("-", "/") and i + 1 < len(words)
            and not words[i].space_before and not words[i + 1].space_before)


def _verb_after_plural(words: list[Token], phrase: list[int], t: Token) -> bool:
    """'five of the seven board members voted': a past-tense verb after a plural noun ends the phrase."""
    return bool(phrase) and t.text.islower() and t.norm.endswith("ed") and is_plural(words[phrase[-1]].norm)


def _verb_after_figure(words: list[Token], phrase: list[int], i: int) -> bool:
    """'a crowd of 40,000 watched the final', '3,000 attended': a past-tense verb right after the figure,
    before a stop word, is what the figure did, no noun ('12 armed men', '200 registered voters' are)."""
    t = words[i]
    if phrase or not t.text.islower() or not t.norm.endswith("ed") or _known(t) or t.norm in lx.outcomes():
        return False
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is None or not nxt.norm[0].isalpha() or nxt.norm in _stop()


def _known(t: Token) -> bool:
    return lx.counted_class(lemma(t.norm)) is not None


def _continues(words: list[Token], i: int) -> bool:
    """True when the noun phrase goes on past a known noun ("drone strike", "bomber jets")."""
    return i < len(words) and words[i].norm[0].isalpha() and _known(words[i])


def counted_noun(words: list[Token], idx: list[int], first: int, borrowed=None
                 ) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Counted class, noun lemma and modifiers of a noun phrase; an empty one takes `borrowed` (the noun
    before it, see `plural_nouns`) when given."""
    names = [words[i].norm for i in idx if words[i].norm not in ("and", "or")]
    if not names:
        return borrowed if borrowed is not None else (None, None, ())
    lemmas = names[:-1] + [lemma(names[-1])]
    for begin in range(len(lemmas)):
        cls = lx.counted_class(" ".join(lemmas[begin:]))
        if cls:
            return cls, " ".join(lemmas), tuple(lemmas[:begin])
    return lemmas[-1], " ".join(lemmas), tuple(lemmas[:-1])


def plural_nouns(words: list[Token]) -> list[tuple[int, tuple[str, str, tuple[str, ...]]]]:
    """The sentence's plural nouns of a known class, in order, as a later bare number would borrow them:
    'eight people were hurt, with three in Kyiv' ('three' counts people)."""
    out = []
    for i, t in enumerate(words):
        if not t.norm.endswith(("s", "men")) and t.norm not in _irregular_plurals():
            continue  # cannot be plural: saves the look-ups
        base = lemma(t.norm)
        cls = lx.counted_class(base)
        if cls and is_plural(t.norm):
            mods = tuple(w.norm for w in words[max(0, i - 1) : i] if is_demonym(w.norm))
            out.append((i, (cls, base, mods)))
    return out


@cache
def _irregular_plurals() -> frozenset[str]:
    return frozenset(lx.table("lemmas")["irregular"])


def is_demonym(word: str) -> bool:
    return (word,) in lx.actor_aliases() and word not in lx.capitals()
