"""Parts of years and the dispatcher of the period grammar: quarters and halves ("the third quarter",
"Q2 FY2024", "H1 2026", "the first half of 2025", "1Q25"), fiscal years (fiscal.py), decades, centuries
and seasons (eras.py), periods counted to a date (to_date.py).

    >>> from datetime import date
    >>> from app.engine.text.tokens import tokenize
    >>> match_period(tokenize("net profit for Q2 FY2024"), 3, date(2023, 10, 12)).iso
    '2023-07-01/2023-09-30'

A quarter or half without a year is the one the sentence's tense points to, else the latest begun by
publication; written in words without a year, it is a date only in a sentence about money or the economy
(lexicon/calendar.toml, period_cues: "the fourth quarter" of a basketball game is no date).
"""

from __future__ import annotations

from datetime import date

from app.engine import lexicon
from app.engine.extract.dates.eras import century, named_decade, season, two_digit_decade
from app.engine.extract.dates.fiscal import (
    fiscal_first_month,
    fiscal_span,
    fiscal_year,
    the_fiscal_year,
    year_of_part,
)
from app.engine.extract.dates.spans import DateMatch, add_months, months_span, over, pick, unresolved
from app.engine.extract.dates.tense import direction
from app.engine.extract.dates.to_date import the_first_months, the_period_to
from app.engine.text.tokens import Token, joined


def match_period(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """The quarter, half, fiscal year, decade, century, season or counted-back period at tokens[i]."""
    w = tokens[i].lower
    cal = lexicon.calendar()
    if w in ("q", "h") and tokens[i].text.isupper():
        return _symbol_part(tokens, i, published)
    if tokens[i].is_num:
        return _number_first(tokens, i, published)
    if w in cal.fiscal_words:
        hit = fiscal_year(tokens, i)
        if hit is not None:
            fy, end = hit
            return over(i, end, *fiscal_span(fy.year, fy.start_month))
        return None
    if w in cal.seasons or w in ("this", "last", "next"):
        return season(tokens, i, published)
    if w == "the":
        return (
            the_period_to(tokens, i, published)
            or the_fiscal_year(tokens, i)
            or the_first_months(tokens, i, published)
            or named_decade(tokens, i, published)
            or century(tokens, i + 1, i)
            or _the_part(tokens, i, published)
            or season(tokens, i, published)
        )
    if w in cal.quarters or w in cal.halves:
        return _word_part(tokens, i, i, published)
    return None



def _symbol_part(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'Q2', 'Q4 2025', 'H1 2026', 'Q2 FY2024', 'Q3 of fiscal 2025'."""
    n = len(tokens)
    if i + 1 >= n or not joined(tokens, i + 1) or not tokens[i + 1].text.isdecimal():
        return None
    k = int(tokens[i + 1].text)
    size = 3 if tokens[i].lower == "q" else 6
    if not 1 <= k <= 12 // size:
        return None
    end = i + 2
    if end < n and joined(tokens, end) and (tokens[end].is_word or tokens[end].text == "-"):
        return None  # "Q4s", "H1-B", "Q7R": a code
    return _part_of_year(tokens, i, end, k, size, published)


def _number_first(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'1Q25', '2H 2025' (the part first); 'the 90s', "'90s" (decades in two digits); '19th-century'."""
    n = len(tokens)
    t = tokens[i]
    if not t.text.isdecimal():
        return None
    if i + 1 < n and joined(tokens, i + 1) and tokens[i + 1].text in ("Q", "H"):
        size = 3 if tokens[i + 1].text == "Q" else 6
        k = int(t.text)
        if 1 <= k <= 12 // size:
            end = i + 2
            two_digits = end < n and tokens[end].text.isdecimal() and len(tokens[end].text) == 2
            if two_digits and joined(tokens, end):
                year = 2000 + int(tokens[end].text)
                first, last = months_span(year, (k - 1) * size + 1, size)
                return over(i, end + 1, first, last)
            return _part_of_year(tokens, i, end, k, size, published)
        return None
    if len(t.text) == 2 and i + 1 < n and tokens[i + 1].lower == "s" and joined(tokens, i + 1):
        before = tokens[i - 1].text if i > 0 else ""
        if before in ("'", "’", "the", "The", "early", "mid", "late", "-"):
            return two_digit_decade(i - 1 if before in ("'", "’") else i, i + 2, int(t.text), published)
        return None
    return century(tokens, i, i)


def _word_part(tokens: list[Token], start: int, k: int, published: date | None) -> DateMatch | None:
    """'third quarter', 'third-quarter', 'first half' at tokens[k] (`start`: 'the' before it, or k)."""
    cal = lexicon.calendar()
    n = len(tokens)
    w = tokens[k].lower
    j = k + 1
    if j < n and tokens[j].text == "-" and joined(tokens, j):
        j += 1
    if j >= n:
        return None
    noun = tokens[j].lower
    if noun in ("quarter", "quarters") and w in cal.quarters:
        number, size = cal.quarters[w], 3
    elif noun == "half" and w in cal.halves:
        number, size = cal.halves[w], 6
    else:
        return None
    return _part_of_year(tokens, start, j + 1, number, size, published, words=True)


def _the_part(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'the third quarter', 'the first half of 2025', 'the last quarter of last year'."""
    if i + 2 >= len(tokens):
        return None
    w = tokens[i + 1].lower
    of = i + 3 < len(tokens) and tokens[i + 3].lower == "of"
    if w == "last" and tokens[i + 2].lower == "quarter" and of:
        return _part_of_year(tokens, i, i + 3, 4, 3, published, words=True)
    return _word_part(tokens, i, i + 1, published)


def _part_of_year(tokens: list[Token], start: int, end: int, number: int, size: int, published: date | None,
                  words: bool = False) -> DateMatch | None:
    """Quarter or half `number` (`size` months) of the year written after tokens[:end], if any."""
    which, end = year_of_part(tokens, end, published)
    if which.year is None and words and not _about_money(tokens):
        return None  # "in the fourth quarter, the Hawks scored 30 points"
    if which.fiscal and which.year is not None:
        y, m = add_months(*fiscal_first_month(which), (number - 1) * size)
        return over(start, end, *months_span(y, m, size))
    first_month = (number - 1) * size + 1
    if which.year is not None:
        return over(start, end, *months_span(which.year, first_month, size))
    if published is None:
        return unresolved(start, end)
    found = pick(lambda y: months_span(y, first_month, size), published, direction(tokens, start, end),
                 "started")
    return over(start, end, *found) if found else unresolved(start, end)



def _about_money(tokens: list[Token]) -> bool:
    """A sentence about money or the economy, not a game (calendar.toml, period_cues)."""
    cal = lexicon.calendar()
    words = [t.lower for t in tokens]

    def has(cues: frozenset[tuple[str, ...]]) -> bool:
        return any(tuple(words[i : i + len(c)]) == c for i, w in enumerate(words) for c in cues if w == c[0])

    return has(cal.finance_cues) and not has(cal.sport_cues)


