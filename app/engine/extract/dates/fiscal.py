"""Fiscal years ("FY2024", "fiscal 2023-24", "the 2024 fiscal year") and the year a part of a year belongs
to ("of 2025", "of last year", "FY2024").

    >>> from app.engine.text.tokens import tokenize
    >>> fy, end = fiscal_year(tokenize("FY2023-24"), 0)
    >>> fiscal_span(fy.year, fy.start_month)
    (datetime.date(2023, 4, 1), datetime.date(2024, 3, 31))

A fiscal year is named by the year it ends in and starts in the month lexicon/calendar.toml gives (April,
unless the sentence names a country or body that starts it otherwise); a company's own fiscal year cannot
be known from the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.engine import lexicon
from app.engine.extract.dates.spans import DateMatch, is_year_token, months_span, over
from app.engine.text.tokens import Token, joined


@dataclass(frozen=True, slots=True)
class YearOf:
    """The year a part of a year belongs to: a calendar year, or a fiscal year (named by its end year,
    starting in `start_month`); `year` None when the text does not say."""

    year: int | None
    fiscal: bool = False
    start_month: int = 1

def year_of_part(tokens: list[Token], j: int, published: date | None) -> tuple[YearOf, int]:
    """The year after a quarter or half: '2025', 'of 2025', 'of last year', 'FY2024', 'of fiscal 2025'."""
    n = len(tokens)
    if j < n and is_year_token(tokens[j]):
        return YearOf(int(tokens[j].text)), j + 1
    k = j + 1 if j < n and tokens[j].lower == "of" else j
    if k < n and tokens[k].lower in lexicon.calendar().fiscal_words:
        hit = fiscal_year(tokens, k)
        if hit is not None:
            return hit
    if k > j and k < n and is_year_token(tokens[k]):
        return YearOf(int(tokens[k].text)), k + 1
    if k > j and published is not None and k + 1 < n and tokens[k + 1].lower == "year":
        shift = {"last": -1, "this": 0, "next": 1}.get(tokens[k].lower)
        if shift is not None:
            return YearOf(published.year + shift), k + 2
        if tokens[k].lower == "the":
            return YearOf(None), k + 2  # "the first quarter of the year"
    return YearOf(None), j

def fiscal_year(tokens: list[Token], i: int) -> tuple[YearOf, int] | None:
    """'FY2024', 'FY24', 'FY 2024', 'fiscal 2024', 'fiscal year 2024', 'financial year 2023-24',
    'FY2023-24': (the fiscal year, by its end year; index after)."""
    n = len(tokens)
    j = i + 1
    word = tokens[i].lower
    if word in ("fiscal", "financial") and j < n and tokens[j].lower == "year":
        j += 1
    if j >= n or not tokens[j].text.isdecimal():
        return None
    if word == "financial" and j == i + 1:
        return None  # "financial 2024" is not said
    if word == "fy" and not tokens[i].text.isupper():
        return None
    text = tokens[j].text
    if len(text) == 4 and is_year_token(tokens[j]):
        year = int(text)
    elif len(text) == 2 and word == "fy":
        year = 2000 + int(text)
    else:
        return None
    end = j + 1
    dashed = end + 1 < n and tokens[end].text in ("-", "/", "–") and joined(tokens, end)
    if dashed and tokens[end + 1].text.isdecimal():
        tail = tokens[end + 1].text
        if len(tail) in (2, 4) and int(tail[-2:]) == (year + 1) % 100:
            year, end = year + 1, end + 2  # "FY2023-24" ends in 2024
    start = lexicon.calendar().fiscal_start(tuple(t.lower for t in tokens))
    return YearOf(year, fiscal=True, start_month=start), end


def the_fiscal_year(tokens: list[Token], i: int) -> DateMatch | None:
    """'the 2024 fiscal year', 'the 2024-25 financial year'."""
    n = len(tokens)
    j = i + 1
    if j >= n or not is_year_token(tokens[j]):
        return None
    year, k = int(tokens[j].text), j + 1
    dashed = k + 1 < n and tokens[k].text in ("-", "/", "–") and joined(tokens, k)
    if dashed and tokens[k + 1].text.isdecimal() and int(tokens[k + 1].text[-2:]) == (year + 1) % 100:
        year, k = year + 1, k + 2
    if k + 1 >= n or tokens[k].lower not in ("fiscal", "financial") or tokens[k + 1].lower != "year":
        return None
    start = lexicon.calendar().fiscal_start(tuple(t.lower for t in tokens))
    return over(i, k + 2, *fiscal_span(year, start))


def fiscal_span(year: int | None, start_month: int) -> tuple[date, date]:
    return months_span(*fiscal_first_month(YearOf(year, True, start_month)), 12)


def fiscal_first_month(fy: YearOf) -> tuple[int, int]:
    """(year, month) a fiscal year begins in: FY2024 starting in April begins in April 2023."""
    year = fy.year or 0
    return (year, 1) if fy.start_month == 1 else (year - 1, fy.start_month)


