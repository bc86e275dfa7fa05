"""Find the quantities of one sentence: numbers with their qualifier, unit or counted noun, range, trend
and parenthetical conversion, plus dates and times. Works on tokens; claims.py turns the result into Claims.

    >>> from app.engine.text.tokens import tokenize
    >>> [(q.kind, q.number.nominal, q.unit_name) for q in scan(tokenize("Russia fired 653 drones."), None)]
    [('count', 653.0, 'drone')]
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

from app.engine.extract.compound import join_compound_measures
from app.engine.extract.dates import match_date
from app.engine.extract.elision import fill_elided_units
from app.engine.extract.idents import (
    age_opener,
    is_age,
    lexicon,
    names_a_model,
    not_a_quantity,
    read_age,
    scale_of,
    year_of,
)
from app.engine.extract.nouns import (
    NounPhrase,
    index_after,
    is_stop,
    lemma,
    noun_before_dash,
    noun_phrase,
    out_of,
    participle_noun,
    per_duration,
)
from app.engine.extract.number_words import vocab
from app.engine.extract.numbers import (
    NumberMatch,
    a_bounded_unit,
    a_unit_and_a_half,
    change_from,
    make_range,
    parse_number,
    qualifier_after,
    qualifier_before,
    qualify,
)
from app.engine.extract.ordinals import read_ordinal_toll
from app.engine.extract.quantity import AGE, AGES, Quantity
from app.engine.extract.scores import read_score
from app.engine.extract.timed import counted_date, read_time, settle_days
from app.engine.extract.trends import trend_before
from app.engine.extract.units import (
    Unit,
    fahrenheit_by_figure,
    match_currency_prefix,
    match_unit,
    per_unit,
    prefix_starts,
    race_words,
    tables,
)
from app.engine.extract.units import dimension_of as units_dimension
from app.engine.lexicon import Qualifier
from app.engine.lexicon.calendar import calendar
from app.engine.text.tokens import Token, joined

_OTHER_STARTS = ("a", "an", "half", "minus", "tens", "several", "few", "-", "−", "+", "½", "¼", "¾")


@lru_cache(maxsize=1)
def _start_words() -> frozenset[str]:
    """Every lower-cased word other than a numeral that may begin a quantity's number."""
    v = vocab()
    return frozenset((*v.units, *v.tens, *v.vague, *v.multiples, *_OTHER_STARTS))


def _can_start(t: Token) -> bool:
    return t.is_num or t.lower in _start_words()


@lru_cache(maxsize=1)
def _scan_starts() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(lower-cased words, normalised words, exact token texts) that may begin a time, a date or a
    quantity: every other word is passed over without trying each reader in turn."""
    clock = frozenset(calendar().clock_words)
    return _start_words() | clock, lexicon().date_words, prefix_starts()


def scan(tokens: list[Token], published: date | None) -> list[Quantity]:
    """Every quantity and date of one sentence's tokens, in order."""
    lex = lexicon()
    out: list[Quantity] = []
    n = len(tokens)
    i = 0
    lower, normal, texts = _scan_starts()
    while i < n:
        t = tokens[i]
        if not (t.is_num or t.lower in lower or t.norm in normal or t.text in texts):
            i += 1  # no reader below starts at this word
            continue
        timed = read_time(tokens, i, published)
        if timed is not None:
            out.append(timed)
            i = timed.end
            continue
        if t.is_num or (t.is_word and t.norm in lex.date_words):
            dm = match_date(tokens, i, published)
            if dm is not None:
                out.append(Quantity(dm.start, dm.end, dm.kind, date=dm))
                i = dm.end
                continue
        q = read_score(tokens, i) or read_quantity(tokens, i, published) or read_ordinal_toll(tokens, i)
        if q is None:
            i += 1
            continue
        dm = counted_date(tokens, q, published)
        if dm is not None:
            out.append(Quantity(dm.start, dm.end, "date", date=dm))
            i = dm.end
            continue
        out.append(q)
        out.extend(q.converted)
        i = max(i + 1, q.end, max((c.end for c in q.converted), default=q.end))
        if q.converted and i < n and tokens[i].text == ")":
            i += 1
    out = join_compound_measures(tokens, out)
    fill_elided_units(tokens, out)
    settle_days(tokens, out, published)
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
    elif _signed_change(tokens, k):
        trend, k = "down", k + 1  # "Nasdaq -0.8%": a ticker's change, stated with its sign
    if k >= n or not _can_start(tokens[k]):
        return None
    num = parse_number(tokens, k, money=cur is not None) or a_unit_and_a_half(tokens, k)
    if num is None and cur is None:
        num = a_bounded_unit(tokens, k)  # "more than a year"
    elif num is not None and tokens[k].lower in ("a", "an") and num.nominal == 1 and not num.scaled:
        return None
    if num is None:
        return None
    if not continuing and trend is None and not_a_quantity(tokens, k, num, cur is not None):
        return None
    j = num.end
    unit = cur[0] if cur else None
    year = year_of(tokens, i, k, num, cur is not None)
    if year is not None:
        return Quantity(year.start, year.end, "date", date=year)
    share = _one_in(tokens, num) if unit is None else None
    if share is not None:  # "seven in ten of its customers", "one in five children": a share
        num, j = share
        unit = tables().by_name["percentage"]
    q = Quantity(i, j, "number", number=num, unit=unit, trend=trend)
    if share is None:
        _read_unit(tokens, q)
    age = age_opener(tokens, q.start) if q.unit is None else None
    _read_range(tokens, q, between=age == "between")
    if age is not None and q.unit is None and is_age(q):
        # "aged between 18 and 25", "under the age of 12": what follows the figure is not counted
        q.unit, q.noun, q.end = AGE, None, q.number.end
    q.scale = scale_of(tokens, q.start, q.end) if q.unit is None else None
    if q.scale is None:
        _read_noun(tokens, q)
    if names_a_model(tokens, q.noun, q.number.start) or (
        q.unit is None and q.noun is None and tokens[k].lower == "one"
    ):
        return None  # "787 Dreamliner"; "one" alone is a pronoun
    read_age(tokens, q)
    _qualify(tokens, q, i)
    if q.number.qualifier == "approximate" and tokens[k].lower == "one" and q.unit is None:
        return None  # "built around one dam": 'around' is the preposition; nobody approximates one thing
    if q.trend is None:
        q.trend = trend_before(
            tokens,
            i,
            q.number.qualifier_start,
            counted=q.noun is not None,
            money=q.unit is not None and q.unit.kind == "money",
            ranged=q.number.qualifier == "range",
        )
    _read_conversion(tokens, q, published)
    q.kind = _kind(q)
    return q


_SHARE_DENOMINATORS = frozenset((2, 3, 4, 5, 6, 8, 10, 20, 100, 1000))  # "one in five", "nine in ten"


def _one_in(tokens: list[Token], num: NumberMatch) -> tuple[NumberMatch, int] | None:
    """'seven in ten', 'one in five': a share of a set, as a percentage (100 x the first / the second), with
    the index after the second number; None unless both are whole and the first is the smaller."""
    j = num.end
    if j + 1 >= len(tokens) or tokens[j].lower != "in" or num.nominal is None or num.qualifier == "range":
        return None
    second = parse_number(tokens, j + 1)
    if second is None or second.nominal not in _SHARE_DENOMINATORS or not 0 < num.nominal < second.nominal:
        return None
    if second.end < len(tokens) and match_unit(tokens, second.end) is not None:
        return None  # "3 in 10 minutes" is no share
    value = 100 * num.nominal / second.nominal
    scale = 100 / second.nominal
    low = num.low * scale if num.low is not None else None
    high = num.high * scale if num.high is not None else None
    return replace(num, nominal=value, low=low, high=high, end=second.end), second.end


def _signed_change(tokens: list[Token], k: int) -> bool:
    """'-0.8%' after a word: the sign says the change went down (the value stays as written, 0.8)."""
    n = len(tokens)
    return (
        k + 2 < n
        and tokens[k].text in ("-", "−")
        and tokens[k].space_before
        and tokens[k + 1].is_num
        and joined(tokens, k + 1)
        and tokens[k + 2].text == "%"
    )


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
    if q.number.fraction and q.unit is None and j + 2 < n and tokens[j].lower == "of":
        k = j + 2 if tokens[j + 1].lower in ("a", "an") else j + 1
        hit = match_unit(tokens, k, allow_quantulum=False)
        if hit is not None:
            q.unit, q.end = hit  # "3/4 of a mile", "a third of a percentage point"
        return
    if q.unit is not None and q.unit.kind == "money":
        q.unit, q.end = per_unit(tokens, q.unit, j)
        return
    hit = match_unit(tokens, j)
    if hit is not None:
        q.unit, q.end = hit
        high = q.number.high if q.number.high is not None else q.number.nominal
        q.unit = fahrenheit_by_figure(tokens[j : q.end], q.unit, high)  # "temperatures reached 104 degrees"
        if q.number.nominal == 1.5 and tokens[q.start].lower in ("a", "an") and q.end + 2 < n:
            q.end += 3  # "a year and a half"
        if q.unit.name in AGES and q.end < n and tokens[q.end].lower in ("old", "-"):
            _compound_suffix(tokens, q)


def _compound_suffix(tokens: list[Token], q: Quantity) -> None:
    """'-old' makes an age ('17-year-old'); '-long' is still a duration ('four-year-long')."""
    n = len(tokens)
    j = q.end
    if j + 1 < n and tokens[j].text == "-" and tokens[j + 1].lower in ("old", "long"):
        if tokens[j + 1].lower == "old":
            q.unit = AGES.get(q.unit.name if q.unit else "year", AGE)  # "a six-month-old baby": months
        q.end = j + 2
    elif j < n and tokens[j].lower == "old" and q.unit is not None and q.unit.name in AGES:
        q.unit, q.end = AGES[q.unit.name], j + 1
    if q.unit is AGE:
        nxt = tokens[q.end].lower if q.end < n else ""
        if nxt in lexicon().event_nouns:
            q.unit = Unit("year", "duration", "year")


def _read_range(tokens: list[Token], q: Quantity, between: bool = False) -> None:
    """'between 10 and 20', '5% to 10%', 'four thousand to five thousand people', '14-18 mpg'.

    `between`: a "between" further back opens the range ("between the ages of 18 and 25")."""
    n = len(tokens)
    j = q.end
    if (
        j + 1 >= n
        or q.number.vague
        or q.number.multiple
        or q.number.fraction
        or q.number.qualifier != "exact"
    ):
        return
    w = tokens[j].text.lower()
    start = q.start
    between = between or (start > 0 and tokens[start - 1].lower == "between")
    change = start > 0 and change_from(tokens, start - 1) and w == "to"
    by = start > 0 and tokens[start - 1].lower == "by" and w == "to"
    if w in ("-", "–", "—"):
        if not (joined(tokens, j) and joined(tokens, j + 1)) and w == "-":
            return
        if not tokens[q.end - 1].is_num and q.unit is None:
            return
    elif not (w == "to" or (w == "and" and between)):
        return
    k = j + 1
    if k + 1 < n and tokens[k].text == "-" and joined(tokens, k) and joined(tokens, k + 1):
        k += 1  # "200,000 to-260,000"; but "-18 °C to -34 °C" keeps the second sign
    if k >= n:
        return
    second = read_quantity(tokens, k, continuing=True)
    if second is None or second.kind == "date" or second.number.vague:
        return
    both = q.unit is not None and second.unit is not None
    rate = both and second.unit.name.startswith(q.unit.name + " per ")
    if q.unit is not None and second.unit is not None and q.unit.name != second.unit.name and not rate:
        return
    if q.unit is not None and second.unit is None and q.unit.kind != "money" and not change:
        return
    if q.unit is None and second.unit is not None and second.unit.kind == "money" and tokens[k].is_num \
            and not between:  # "cut 5 to $85" is a change then a level; "between 80 and 85 cents" a range
        return
    if not (between or change) and _change_then_level(tokens, start, q.number, second.number, by):
        return
    q.number = replace(make_range(q.number, second.number, stated_order=change), start=q.number.start)
    q.unit = second.unit if rate else q.unit or second.unit  # "5% to 10% a year": both ends are rates
    q.noun = second.noun
    q.end = second.end


_LEVEL_RATIO = 3.0  # "rose $1.20 to $85.40": a level this many times the first figure follows a change


def _change_then_level(tokens: list[Token], start: int, a: NumberMatch, b: NumberMatch, by: bool) -> bool:
    """'Oil rose $1.20 to $85.40', 'shares fell 12p to 340p', 'grew by 1.5 million to 67.5 million': a change
    then the level it reached (two claims), not a range; 'approved by 66.4% to 33.6%' is a split of two
    figures. 'rose 5% to 7%' and 'grew by 5% to 10%' stay ranges."""
    x, y = a.nominal, b.nominal if b.nominal is not None else b.low
    if x is None or y is None:
        return False
    after_change = by or trend_before(tokens, start, None) is not None
    if not after_change:
        return False
    return abs(y) >= _LEVEL_RATIO * abs(x) or (by and y < x)


_NOT_COMPOUND = frozenset(("plus", "odd", "strong", "old", "long", "wide", "high", "tall", "deep", "fold"))
_DETERMINERS = frozenset(
    ["the", "a", "an", "my", "his", "her", "its", "their", "our", "your", "these", "those"]
)


def _read_noun(tokens: list[Token], q: Quantity) -> None:
    """What a bare number counts: '653 drones', '52 out of 80 drones', 'tens of thousands of lives',
    'one of the oldest ballparks', '1/16 of a pint', 'three thousand tests per day'."""
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
    num = q.number
    partitive = _partitive(tokens, q)
    if partitive is not None:
        q.noun = partitive
        return
    if j < n and tokens[j].lower == "of" and (num.vague or num.fraction or (num.words and num.nominal == 1)):
        j += 1
        if j < n and tokens[j].lower in _DETERMINERS:
            j += 1
            while j < n and tokens[j].lower in ("most", "least"):
                j += 1
        elif num.nominal == 1:
            return
    if num.nominal == 1 and num.words and j == q.end and j < n and is_stop(tokens[j]):
        return
    if j + 1 < n and tokens[j].text == "-" and joined(tokens, j) and joined(tokens, j + 1):
        word = tokens[j + 1]
        if word.is_word and word.text.islower() and not is_stop(word) and word.lower not in _NOT_COMPOUND:
            q.noun = NounPhrase(word.start, word.end, (word.lower,), lemma(word.text))
            q.end = j + 2  # "a 1,200-page report", "an 11-member team"
        return
    phrase = noun_phrase(tokens, j)
    if phrase is None:
        q.noun = noun_before_dash(tokens, q.start)
        rate = per_duration(tokens, j) if q.noun is None and j == q.end else None
        if rate is not None:
            q.per, q.end = rate  # "admissions rose to 1,240 a week": a count per week
        return
    end = index_after(tokens, phrase.end)
    head_unit = match_unit(tokens, end - 1)
    if head_unit is not None and head_unit[0].kind in ("quantity", "money", "duration"):
        q.unit, q.end = head_unit  # "517 rushing yards", "one US fluid ounce"
        return
    if phrase.head not in lexicon().not_counted:
        q.noun = phrase
    elif num.fraction or (num.words and num.nominal == 1):
        return
    q.end = end
    rate = per_duration(tokens, end)
    if rate is not None:
        q.per, q.end = rate


_PARTITIVE_DETERMINERS = frozenset(("the", "these", "those", "its", "their", "our", "his", "her"))


def _partitive(tokens: list[Token], q: Quantity) -> NounPhrase | None:
    """'88 of the 160 seats', 'nine of the injured': a whole number counts what follows 'of the';
    'Of the 31 injured, nine ...': a number after 'Of the' counts the word after it, even a participle."""
    num, n, j = q.number, len(tokens), q.end
    if num.vague or num.fraction or num.nominal is None or (num.words and num.nominal == 1):
        return None
    if j + 2 < n and tokens[j].lower == "of" and tokens[j + 1].lower in _PARTITIVE_DETERMINERS:
        k = j + 2
        if k + 1 < n and tokens[k].lower.endswith(("'s", "’s")) and tokens[k + 1].is_num:
            k += 1  # "18 of the chain's 62 shops": the shops
        if tokens[k].is_num:
            other = read_quantity(tokens, k)
            return other.noun if other is not None else None
        return noun_phrase(tokens, k) or participle_noun(tokens, k)
    s = num.start
    if s >= 2 and tokens[s - 2].lower == "of" and tokens[s - 1].lower in _PARTITIVE_DETERMINERS:
        return None if noun_phrase(tokens, j) is not None else participle_noun(tokens, j)
    return None


def _race_distance(tokens: list[Token], over: int, q: Quantity) -> bool:
    """'over 5,000m' after a word of a race ('champion', 'gold', 'record', 'won'; qualifiers.toml
    race_words) or a race time names the distance raced, not a bound."""
    if q.unit is None or units_dimension(q.unit) != "length":
        return False
    words = race_words()
    before = tokens[max(0, over - 6) : over]
    return any(t.lower in words for t in before)


def _qualify(tokens: list[Token], q: Quantity, i: int) -> None:
    num = q.number
    before = qualifier_before(tokens, i)
    if before is not None and before[0].phrase == "past" and q.unit is not None and q.unit.kind == "duration":
        before = None  # "over past 12 months": a period, not a bound
    if before is not None and before[0].phrase == "over" and _race_distance(tokens, before[1], q):
        before = None  # "world champion over 5,000m": the race, not a bound
    if before is not None and num.qualifier == "exact":
        qual, start = before
        num = replace(qualify(num, qual), qualifier_start=start)
        q.start = start
    after = qualifier_after(tokens, q.end)
    if after is not None and num.qualifier == "exact":
        num = qualify(num, after[0])
        q.end = after[1]
    q.number = num


def _read_conversion(tokens: list[Token], q: Quantity, published: date | None) -> None:
    """'7,000 kilometers (4,300 miles)', '$1.762bn' after '1.356 billion': the restatement in brackets."""
    n = len(tokens)
    j = q.end
    if q.unit is None or j + 2 >= n or tokens[j].text != "(":
        return
    k = j + 1
    while k < n:
        inner = read_quantity(tokens, k, published)
        if inner is None or inner.unit is None or inner.end >= n:
            return
        if tokens[inner.end].text not in (")", "/", ",", ";"):
            return
        inner.is_conversion = True
        if inner.number.qualifier == "exact" and q.number.qualifier not in ("exact", "range"):
            # "just under 296 hp (224 kW)": the restatement is bounded the same way
            outer = Qualifier("", q.number.qualifier, q.number.strict, q.number.tolerance)
            inner.number = qualify(inner.number, outer)
        q.converted.append(inner)
        if tokens[inner.end].text == ")":
            return
        k = inner.end + 1


def _kind(q: Quantity) -> str:
    if q.unit is not None:
        return {"money": "money", "percent": "percent", "duration": "duration", "age": "age"}.get(
            q.unit.kind, "quantity"
        )
    if q.noun is not None:
        return "count"
    return "number"
