"""Numbers that are not counts: ordinals, ids and codes, phone numbers, model names, years, and ages.

    >>> from app.engine.text.tokens import tokenize
    >>> from app.engine.extract.numbers import parse_number
    >>> tokens = tokenize("under Section 427 of the code")
    >>> not_a_quantity(tokens, 2, parse_number(tokens, 2), money=False)
    True

Word lists (id prefixes such as "Section", age verbs, event nouns) are in lexicon/compounds.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from app.engine import lexicon as lx
from app.engine.extract.dates import DateMatch, decade_match, is_year, year_match
from app.engine.extract.nouns import NounPhrase, stop_words
from app.engine.extract.numbers import NumberMatch, qualifier_before
from app.engine.extract.quantity import AGE, Quantity
from app.engine.extract.units import match_unit
from app.engine.text.tokens import Token, joined


@dataclass(frozen=True, slots=True)
class Lexicon:
    trends: dict[tuple[str, ...], str]
    event_nouns: frozenset[str]
    not_counted: frozenset[str]
    age_verbs: frozenset[str]
    age_words: frozenset[str]
    age_links: frozenset[str]
    trend_copulas: frozenset[str]
    actions_on_counts: frozenset[str]
    actions_on_sums: frozenset[str]
    id_prefixes: frozenset[str]
    stop: frozenset[str]
    date_words: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    trends = lx.table("trends")
    return Lexicon(
        lx.phrase_table({k: trends[k] for k in ("up", "down")}),
        lx.words("compounds", "event_nouns"),
        lx.words("compounds", "not_counted"),
        lx.words("compounds", "age_verbs"),
        lx.words("compounds", "age_words"),
        lx.words("compounds", "age_links"),
        lx.words("compounds", "trend_copulas"),
        lx.words("trends", "actions_on_counts"),
        lx.words("trends", "actions_on_sums"),
        lx.words("compounds", "id_prefixes"),
        stop_words(),
        lx.calendar().first_words,
    )


def names_a_model(tokens: list[Token], phrase: NounPhrase | None, number_start: int) -> bool:
    """'787 Dreamliner', '3 Series': digits then a singular capitalised name are a model, not a count."""
    if phrase is None or not tokens[number_start].is_num:
        return False
    text = [t for t in tokens if phrase.start <= t.start < phrase.end and t.is_word]
    return bool(text) and all(t.text[0].isupper() for t in text) and not text[-1].text.endswith("s")


def not_a_quantity(tokens: list[Token], k: int, num: NumberMatch, money: bool) -> bool:
    """Ordinals ('3rd'), ids and codes ('Tu-95', 'Section 427', 'S&P 500', '5G'), phone numbers."""
    lex = lexicon()
    n = len(tokens)
    t = tokens[k]
    if money:
        return False
    if not t.is_num:
        prev = tokens[k - 1] if k > 0 else None
        # "Kick Six", "BBC One": a capitalised number word inside a name
        return (
            t.text[0].isupper()
            and prev is not None
            and prev.is_word
            and prev.text[0].isupper()
            and prev.lower not in lex.stop
        )
    after = tokens[num.end] if num.end < n else None
    if after is not None and joined(tokens, num.end):
        if after.lower in ("st", "nd", "rd", "th"):
            return True
        decade = after.lower == "s" and is_year(num.nominal or 0, t.text)
        if after.is_word and not num.scaled and not decade and match_unit(tokens, num.end) is None:
            return True  # "5G", "3D"
    if len(t.text) > 1 and t.text[0] == "0" and t.text[1].isdecimal():
        return True  # "06", "007": a leading zero marks a code or a cut-off date
    prev = tokens[k - 1] if k > 0 else None
    if prev is None:
        return False
    if prev.is_word and joined(tokens, k):
        return True  # "R18"
    if (
        prev.text in ("-", "−")
        and joined(tokens, k)
        and k >= 2
        and tokens[k - 2].is_word
        and tokens[k - 2].text[0].isupper()
    ):
        return True  # "Tu-95", "COVID-19", "COVID -19"
    if prev.text in ("-", "/") and joined(tokens, k) and k >= 2 and tokens[k - 2].is_num:
        return joined(tokens, k - 1)  # the tail of a code or phone number whose head was rejected
    if prev.text == "." and k >= 2 and tokens[k - 2].lower in ("no", "nos"):
        return True  # "No. 3"
    if prev.text in ("#", "№"):
        return True
    if _phone(tokens, k):
        return True
    if prev.is_word and prev.lower in lex.id_prefixes and t.text.isdecimal():
        return not (after is not None and match_unit(tokens, num.end) is not None)
    if prev.is_word and any(c.isupper() for c in prev.text) and t.text.isdecimal() and k >= 2:
        if prev.lower in lex.stop or prev.lower in lex.date_words or (prev.lower,) in lex.trends:
            return False
        if qualifier_before(tokens, k) is not None:
            return False
        if after is not None and (match_unit(tokens, num.end) is not None or after.text == "%"):
            return False
        # "Nick Hague 44 has ...": an age, read later
        age_like = prev.text[0].isupper() and after is not None and after.lower in lex.age_verbs | {","}
        return not (age_like and 1 <= num.nominal <= 115)
    return False


def _phone(tokens: list[Token], k: int) -> bool:
    """'555-1234', '(212) 555-0199': digit groups of phone numbers."""
    n = len(tokens)
    t = tokens[k].text
    return (
        len(t) == 3
        and t.isdecimal()
        and k + 2 < n
        and tokens[k + 1].text == "-"
        and joined(tokens, k + 1)
        and len(tokens[k + 2].text) == 4
        and tokens[k + 2].text.isdecimal()
    )


def year_of(tokens: list[Token], i: int, k: int, num: NumberMatch, money: bool) -> DateMatch | None:
    """'in 2016', '2019 Rich List': a year is a date, not a count."""
    t = tokens[k]
    if money or num.scaled or not is_year(num.nominal or 0, t.text) or qualifier_before(tokens, i):
        return None
    n = len(tokens)
    j = num.end
    if j < n and match_unit(tokens, j, allow_quantulum=False) is not None:
        return None
    if j < n and tokens[j].lower == "s" and joined(tokens, j):
        return decade_match(k, j + 1, int(num.nominal))  # "the 1990s": 1990-1999
    plural_after = j < n and tokens[j].is_word and tokens[j].text.islower() and tokens[j].lower.endswith("s")
    if plural_after and (k == 0 or tokens[k - 1].lower not in lx.calendar().year_prepositions):
        return None  # "2000 people"
    return year_match(k, int(num.nominal))


def scale_of(tokens: list[Token], start: int, end: int) -> str | None:
    """'magnitude 5.1', 'of magnitude 5.1', 'put the magnitude at 7.0', 'a 6.2-magnitude quake', '7.7 on the
    Richter scale': the scale a bare number is read on, named by a scale word (lexicon/compounds.toml scales,
    scale_names: the Richter scale is a magnitude) within a few linking words of it."""
    word = _scale_word(tokens, start, end)
    return lx.table("compounds")["scale_names"].get(word, word) if word else None


def _scale_word(tokens: list[Token], start: int, end: int) -> str | None:
    scales, links = lx.words("compounds", "scales"), lx.words("compounds", "scale_links")
    n = len(tokens)
    if end < n and tokens[end].lower in scales:
        return tokens[end].lower
    if end + 1 < n and tokens[end].text == "-" and tokens[end + 1].lower in scales:
        return tokens[end + 1].lower
    on_the = end + 2 < n and tokens[end].lower == "on" and tokens[end + 1].lower == "the"
    if on_the and tokens[end + 2].lower in scales:
        return tokens[end + 2].lower  # "7.7 on the Richter scale"
    k = start - 1
    while k >= 0 and start - k <= 4:
        w = tokens[k].lower
        if w in scales:
            return w
        if w not in links:
            return None
        k -= 1
    return None


def read_age(tokens: list[Token], q: Quantity) -> None:
    """'Maddon, 66, has ...', 'Nick Hague 44 has': a bare number after a name is an age."""
    if q.unit is not None or q.noun is not None or q.number.qualifier != "exact":
        return
    if not _ages(q.number.nominal, q.number.nominal) or not tokens[q.start].is_num:
        return
    lex = lexicon()
    s = q.start
    prev = tokens[s - 1] if s > 0 else None
    nxt = tokens[q.end] if q.end < len(tokens) else None
    name_before = prev is not None and (
        (prev.text == "," and s >= 2 and tokens[s - 2].is_word and tokens[s - 2].text[0].isupper())
        or (prev.is_word and prev.text[0].isupper() and prev.lower not in lex.stop)
    )
    if name_before and nxt is not None and (nxt.text == "," or nxt.lower in lex.age_verbs):
        q.unit = AGE
    elif _between_commas(prev, nxt) and _a_person(tokens, s - 2):
        q.unit = AGE  # "the runner, 19, set a record": a person's age between commas


def _ages(low: float | None, high: float | None) -> bool:
    """Both ends are whole numbers a person's age can take."""
    return all(x is not None and 1 <= x <= 115 and x == int(x) for x in (low, high))


def age_opener(tokens: list[Token], s: int) -> str | None:
    """How an age word opens the figure at tokens[s], or None: 'aged 43', 'at the age of 90' -> "age";
    'between the ages of 18 and 25' -> "between" (the figure opens a range). At most three linking words
    stand between ('aged between 18', 'under the age of 12'); "the 12 ships" after them is a noun phrase."""
    lex = lexicon()
    k = s - 1
    while k >= 0 and s - k <= 3 and tokens[k].lower in lex.age_links:
        k -= 1
    if k < 0 or tokens[k].lower not in lex.age_words or (s > 0 and tokens[s - 1].lower == "the"):
        return None
    before = k - 1 if k >= 1 and tokens[k - 1].lower == "the" else k
    return "between" if before >= 1 and tokens[before - 1].lower == "between" else "age"


def is_age(q: Quantity) -> bool:
    """The figure (or both ends of its range) can be a person's age."""
    return q.number is not None and _ages(q.number.low, q.number.high)


def _between_commas(prev: Token | None, nxt: Token | None) -> bool:
    return prev is not None and prev.text == "," and nxt is not None and nxt.text == ","


def _a_person(tokens: list[Token], k: int) -> bool:
    """'runner', 'teacher', 'woman': a lower-case noun of a person (a counted class of people, or a word
    ending as agents do: compounds.toml person_endings)."""
    if k < 0 or not tokens[k].is_word or not tokens[k].text.islower() or len(tokens[k].text) < 4:
        return False
    w = tokens[k].lower
    if lx.counted_class(w) in ("person", "child"):
        return True
    if not w.endswith(tuple(lx.words("compounds", "person_endings", "endings"))):
        return False
    return w not in lx.words("compounds", "person_endings", "not_persons") and w not in lx.calendar().months
