"""Find the quantities of one sentence: numbers with their qualifier, unit or counted noun, range, trend
and parenthetical conversion, plus dates and times. Works on tokens; extract.py turns the result into Claims.

    >>> from app.engine.tokens import tokenize
    >>> [(q.kind, q.number.nominal, q.unit_name) for q in scan(tokenize("Russia fired 653 drones."), None)]
    [('count', 653.0, 'drone')]
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from app.engine.dates import DateMatch, is_year, match_date, year_match
from app.engine.lexicon import load_json, load_words, phrase_table
from app.engine.nouns import NounPhrase, noun_phrase, out_of
from app.engine.number_words import vocab
from app.engine.numbers import (
    NumberMatch,
    make_range,
    parse_number,
    qualifier_after,
    qualifier_before,
    qualify,
)
from app.engine.tokens import Token, joined
from app.engine.units import Unit, match_currency_prefix, match_unit, per_unit

AGE = Unit("year of age", "age", "year")
_YEAR_PREPOSITIONS = frozenset(("in", "since", "by", "until", "of", "from", "before", "after"))


@dataclass(slots=True)
class Quantity:
    """One quantity (or date) found at tokens[start:end]."""

    start: int
    end: int
    kind: str
    number: NumberMatch | None = None
    unit: Unit | None = None
    noun: NounPhrase | None = None
    date: DateMatch | None = None
    trend: str | None = None
    converted: list[Quantity] = field(default_factory=list)
    is_conversion: bool = False

    @property
    def unit_name(self) -> str | None:
        if self.unit is not None:
            return self.unit.name
        return self.noun.head if self.noun is not None else None


@dataclass(frozen=True, slots=True)
class _Lex:
    trends: dict[tuple[str, ...], str]
    event_nouns: frozenset[str]
    not_counted: frozenset[str]
    age_verbs: frozenset[str]
    age_words: frozenset[str]
    id_prefixes: frozenset[str]
    stop: frozenset[str]
    date_words: frozenset[str]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    c = load_json("compounds.json")
    d = load_json("dates.json")
    date_words = set(d["months"]) | set(d["weekdays"])
    for k in list(d["relative_days"]) + list(d["relative_spans"]):
        date_words.add(k.split()[0])
    return _Lex(
        phrase_table(load_json("trends.json")),
        frozenset(c["event_nouns"]),
        frozenset(c["not_counted"]),
        frozenset(c["age_verbs"]),
        frozenset(c["age_words"]),
        frozenset(c["id_prefixes"]),
        load_words("noun_stopwords.txt"),
        frozenset(date_words),
    )


def _can_start(t: Token) -> bool:
    v = vocab()
    w = t.lower
    return (
        t.is_num
        or w in v.units
        or w in v.tens
        or w in v.vague
        or w in v.multiples
        or w in ("a", "an", "half", "minus", "tens", "several", "few", "-", "−", "+", "½", "¼", "¾")
    )


def scan(tokens: list[Token], published: date | None) -> list[Quantity]:
    """Every quantity and date of one sentence's tokens, in order."""
    lex = _lex()
    out: list[Quantity] = []
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        if t.is_num or (t.is_word and t.lower.rstrip(".") in lex.date_words):
            dm = match_date(tokens, i, published)
            if dm is not None:
                out.append(Quantity(dm.start, dm.end, dm.kind, date=dm))
                i = dm.end
                continue
        q = read_quantity(tokens, i, published)
        if q is None:
            i += 1
            continue
        out.append(q)
        out.extend(q.converted)
        i = max(q.end, max((c.end for c in q.converted), default=q.end))
        if q.converted and i < n and tokens[i].text == ")":
            i += 1
    return out


def read_quantity(
    tokens: list[Token], i: int, published: date | None = None, continuing: bool = False
) -> Quantity | None:
    """The quantity whose first token (currency, sign or number) is tokens[i], or None.

    `continuing`: tokens[i] continues a quantity already read (the second end of a range).
    """
    n = len(tokens)
    cur = match_currency_prefix(tokens, i) if not tokens[i].is_num else None
    k = cur[1] if cur else i
    trend = None
    if k + 1 < n and tokens[k].text == "+" and tokens[k + 1].is_num and joined(tokens, k + 1):
        trend, k = "up", k + 1
    if k >= n or not _can_start(tokens[k]):
        return None
    num = parse_number(tokens, k, money=cur is not None) or _a_unit_and_a_half(tokens, k)
    if num is None or (tokens[k].lower in ("a", "an") and num.nominal == 1 and not num.scaled):
        return None
    if not continuing and _not_a_quantity(tokens, k, num, cur is not None):
        return None
    j = num.end
    unit = cur[0] if cur else None
    year = _as_year(tokens, i, k, num, cur is not None)
    if year is not None:
        return year
    q = Quantity(i, j, "number", number=num, unit=unit, trend=trend)
    _read_unit(tokens, q)
    _read_range(tokens, q)
    _read_noun(tokens, q)
    _read_age(tokens, q)
    _qualify(tokens, q, i)
    if q.trend is None:
        q.trend = _trend_before(
            tokens, q.number.qualifier_start if q.number.qualifier_start is not None else i
        )
    _read_conversion(tokens, q, published)
    q.kind = _kind(q)
    return q


def _a_unit_and_a_half(tokens: list[Token], k: int) -> NumberMatch | None:
    """'a year and a half' -> 1.5 (the unit is read next, after the number)."""
    n = len(tokens)
    if (
        tokens[k].lower in ("a", "an")
        and k + 4 < n
        and [t.lower for t in tokens[k + 2 : k + 5]] == ["and", "a", "half"]
    ):
        hit = match_unit(tokens, k + 1, allow_quantulum=False)
        if hit is not None and hit[1] == k + 2:
            return NumberMatch(k, k + 1, 1.5, 1.5, 1.5, words=True)
    return None


def _not_a_quantity(tokens: list[Token], k: int, num: NumberMatch, money: bool) -> bool:
    """Ordinals ('3rd'), ids and codes ('Tu-95', 'Section 427', 'S&P 500', '5G'), phone numbers."""
    lex = _lex()
    n = len(tokens)
    t = tokens[k]
    if not t.is_num or money:
        return False
    after = tokens[num.end] if num.end < n else None
    if after is not None and joined(tokens, num.end):
        if after.lower in ("st", "nd", "rd", "th"):
            return True
        if after.is_word and not num.scaled and match_unit(tokens, num.end) is None:
            return True  # "5G", "3D"
    prev = tokens[k - 1] if k > 0 else None
    if prev is None:
        return False
    if prev.is_word and joined(tokens, k):
        return True  # "R18"
    if prev.text in ("-", "−") and k >= 2 and tokens[k - 2].is_word and tokens[k - 2].text[0].isupper():
        return True  # "Tu-95", "COVID-19", "COVID -19"
    if prev.text in ("-", "/") and joined(tokens, k) and k >= 2 and tokens[k - 2].is_num:
        return joined(tokens, k - 1)  # the tail of a code or phone number whose head was rejected
    if prev.text in ("#", "№"):
        return True
    if _phone(tokens, k):
        return True
    if prev.is_word and prev.lower in lex.id_prefixes and t.text.isdigit():
        return not (after is not None and match_unit(tokens, num.end) is not None)
    if prev.is_word and any(c.isupper() for c in prev.text) and t.text.isdigit() and k >= 2:
        if prev.lower in lex.stop or prev.lower in lex.date_words or (prev.lower,) in lex.trends:
            return False
        if qualifier_before(tokens, k) is not None:
            return False
        if after is not None and (match_unit(tokens, num.end) is not None or after.text == "%"):
            return False
        # "Nick Hague 44 has ...": an age, read later
        return not (after is not None and after.lower in lex.age_verbs | {","} and 1 <= num.nominal <= 115)
    return False


def _phone(tokens: list[Token], k: int) -> bool:
    """'555-1234', '(212) 555-0199': digit groups of phone numbers."""
    n = len(tokens)
    t = tokens[k].text
    return (
        len(t) == 3
        and t.isdigit()
        and k + 2 < n
        and tokens[k + 1].text == "-"
        and joined(tokens, k + 1)
        and len(tokens[k + 2].text) == 4
        and tokens[k + 2].text.isdigit()
    )


def _as_year(tokens: list[Token], i: int, k: int, num: NumberMatch, money: bool) -> Quantity | None:
    """'in 2016', '2019 Rich List': a year is a date, not a count."""
    t = tokens[k]
    if money or num.scaled or not is_year(num.nominal or 0, t.text) or qualifier_before(tokens, i):
        return None
    n = len(tokens)
    j = num.end
    if j < n and match_unit(tokens, j, allow_quantulum=False) is not None:
        return None
    if j < n and tokens[j].lower == "s" and joined(tokens, j):
        q = Quantity(k, j + 1, "date", date=year_match(k, int(num.nominal)))
        q.date = replace(q.date, end=j + 1)
        return q
    plural_after = j < n and tokens[j].is_word and tokens[j].text.islower() and tokens[j].lower.endswith("s")
    if plural_after and (k == 0 or tokens[k - 1].lower not in _YEAR_PREPOSITIONS):
        return None  # "2000 people"
    return Quantity(k, j, "date", date=year_match(k, int(num.nominal)))


def _read_unit(tokens: list[Token], q: Quantity) -> None:
    """The unit after the number: '7,000 kilometers', '1,000-kilometer', '17-year-old', '9 billion yuan'."""
    n = len(tokens)
    j = q.end
    if j < n and tokens[j].text in ("-", "–") and joined(tokens, j) and j + 1 < n and joined(tokens, j + 1):
        hit = match_unit(tokens, j + 1)
        if hit is not None and (q.unit is None or hit[0].kind == "money"):
            q.unit, q.end = hit
            _compound_suffix(tokens, q)
            return
    if q.number.vague and j + 1 < n and tokens[j].lower == "of":
        hit = match_unit(tokens, j + 1)
        if hit is not None and (q.unit is None):
            q.unit, q.end = hit
        return
    if q.unit is not None and q.unit.kind == "money":
        q.unit, q.end = per_unit(tokens, q.unit, j)
        return
    hit = match_unit(tokens, j)
    if hit is not None:
        q.unit, q.end = hit
        if q.number.nominal == 1.5 and tokens[q.start].lower in ("a", "an") and q.end + 2 < n:
            q.end += 3  # "a year and a half"
        if q.unit.name == "year" and q.end < n and tokens[q.end].lower in ("old", "-"):
            _compound_suffix(tokens, q)


def _compound_suffix(tokens: list[Token], q: Quantity) -> None:
    """'-old' makes an age ('17-year-old'); '-long' is still a duration ('four-year-long')."""
    n = len(tokens)
    j = q.end
    if j + 1 < n and tokens[j].text == "-" and tokens[j + 1].lower in ("old", "long"):
        if tokens[j + 1].lower == "old":
            q.unit = AGE
        q.end = j + 2
    elif j < n and tokens[j].lower == "old" and q.unit is not None and q.unit.name == "year":
        q.unit, q.end = AGE, j + 1
    if q.unit is AGE:
        nxt = tokens[q.end].lower if q.end < n else ""
        if nxt in _lex().event_nouns:
            q.unit = Unit("year", "duration", "year")


def _read_range(tokens: list[Token], q: Quantity) -> None:
    """'between 10 and 20', '5% to 10%', 'four thousand to five thousand people', '14-18 mpg'."""
    n = len(tokens)
    j = q.end
    if j + 1 >= n or q.number.vague or q.number.qualifier != "exact":
        return
    w = tokens[j].text.lower()
    start = q.start
    between = start > 0 and tokens[start - 1].lower == "between"
    if w in ("-", "–", "—"):
        if not (joined(tokens, j) and joined(tokens, j + 1)) and w == "-":
            return
        if not tokens[q.end - 1].is_num and q.unit is None:
            return
    elif not (w == "to" or (w == "and" and between)):
        return
    k = j + 1
    if k < n and tokens[k].text == "-" and joined(tokens, k + 1 if k + 1 < n else k):
        k += 1
    if k >= n:
        return
    second = read_quantity(tokens, k, continuing=True)
    if second is None or second.kind == "date" or second.number.vague:
        return
    if q.unit is not None and second.unit is not None and q.unit.name != second.unit.name:
        return
    if q.unit is not None and second.unit is None and q.unit.kind != "money":
        return
    if q.unit is None and second.unit is not None and second.unit.kind == "money" and tokens[k].is_num:
        return
    q.number = replace(make_range(q.number, second.number), start=q.number.start)
    q.unit = q.unit or second.unit
    q.noun = second.noun
    q.end = second.end


def _read_noun(tokens: list[Token], q: Quantity) -> None:
    """What a bare number counts: '653 drones', '52 out of 80 drones', 'tens of thousands of lives'."""
    if q.unit is not None or q.noun is not None:
        return
    n = len(tokens)
    j = q.end
    second = out_of(tokens, j)
    if second is not None:
        other = read_quantity(tokens, second)
        if other is not None and other.noun is not None:
            q.noun = other.noun
        return
    if j < n and tokens[j].lower == "of" and (q.number.vague or (q.number.words and q.number.nominal == 1)):
        j += 1
        if j < n and tokens[j].lower in (
            "the",
            "my",
            "his",
            "her",
            "its",
            "their",
            "our",
            "your",
            "these",
            "those",
        ):
            j += 1
            while j < n and tokens[j].lower in ("most", "best", "worst", "least"):
                j += 1
        elif q.number.nominal == 1:
            return
    if q.number.nominal == 1 and q.number.words and j == q.end and j < n and tokens[j].lower in _lex().stop:
        return
    phrase = noun_phrase(tokens, j)
    if phrase is None:
        return
    if phrase.head in _lex().not_counted:
        q.end = _index_after(tokens, phrase.end)
        return
    q.noun = phrase
    q.end = _index_after(tokens, phrase.end)


def _index_after(tokens: list[Token], char_end: int) -> int:
    for idx, t in enumerate(tokens):
        if t.end >= char_end:
            return idx + 1
    return len(tokens)


def _read_age(tokens: list[Token], q: Quantity) -> None:
    """'Maddon, 66, has ...', 'Nick Hague 44 has', 'aged 17': a bare number after a name is an age."""
    if q.unit is not None or q.noun is not None or q.number.qualifier != "exact":
        return
    x = q.number.nominal
    if x is None or not (1 <= x <= 115) or x != int(x) or not tokens[q.start].is_num:
        return
    lex = _lex()
    s = q.start
    prev = tokens[s - 1] if s > 0 else None
    nxt = tokens[q.end] if q.end < len(tokens) else None
    if prev is not None and prev.lower in lex.age_words:
        q.unit = AGE
        return
    name_before = prev is not None and (
        (prev.text == "," and s >= 2 and tokens[s - 2].is_word and tokens[s - 2].text[0].isupper())
        or (prev.is_word and prev.text[0].isupper() and prev.lower not in lex.stop)
    )
    if name_before and nxt is not None and (nxt.text == "," or nxt.lower in lex.age_verbs):
        q.unit = AGE


def _qualify(tokens: list[Token], q: Quantity, i: int) -> None:
    num = q.number
    before = qualifier_before(tokens, i)
    if before is not None and num.qualifier == "exact":
        qual, start, phrase = before
        num = replace(qualify(num, qual, phrase), qualifier_start=start)
        q.start = start
    after = qualifier_after(tokens, q.end)
    if after is not None and num.qualifier == "exact":
        num = qualify(num, after[0])
        q.end = after[1]
    q.number = num


def _trend_before(tokens: list[Token], a: int) -> str | None:
    """'rose 2.1%', 'fell by a third', 'increase by around 1 percent' -> up / down."""
    trends = _lex().trends
    k = a
    if k > 0 and tokens[k - 1].lower == "by":
        k -= 1
    for size in (2, 1):
        if k - size >= 0:
            key = tuple(t.lower for t in tokens[k - size : k])
            if key in trends:
                return trends[key]
    return None


def _read_conversion(tokens: list[Token], q: Quantity, published: date | None) -> None:
    """'7,000 kilometers (4,300 miles)', '$1.762bn' after '1.356 billion': the restatement in brackets."""
    n = len(tokens)
    j = q.end
    if q.unit is None or j + 2 >= n or tokens[j].text != "(":
        return
    inner = read_quantity(tokens, j + 1, published)
    if inner is None or inner.unit is None or inner.end >= n:
        return
    if tokens[inner.end].text not in (")", "/", ","):
        return
    inner.is_conversion = True
    q.converted.append(inner)


def _kind(q: Quantity) -> str:
    if q.unit is not None:
        return {"money": "money", "percent": "percent", "duration": "duration", "age": "age"}.get(
            q.unit.kind, "quantity"
        )
    if q.noun is not None:
        return "count"
    return "number"
