"""The date grammar: every date expression of a sentence, resolved against the publication date.

    >>> from datetime import date
    >>> from app.engine.text.tokens import tokenize
    >>> match_date(tokenize("held on May 16, also"), 2, date(2025, 6, 2)).iso
    '2025-05-16'

A date claim's value holds proleptic ordinals (date.toordinal()) in low/high and the ISO date or interval in
`iso`. The grammar reads, by the first token of an expression:

    days.py       "May 16", "16 May 2025", "on 1st January", "the 9th of May", "Sunday", "Thursday the 21st"
    numeric.py    "2016-02-22", "22.02.2016", "02/22/2016" (which of day and month comes first)
    holidays.py   "Christmas Day", "New Year's Eve", "Good Friday" (Easter computed), "Thanksgiving"
    periods.py    "the third quarter", "Q2 FY2024", "H1 2026" (the dispatcher of the three below)
    fiscal.py     "FY2024", "fiscal 2023-24", "the 2024 fiscal year"
    eras.py       "the 1990s", "the '90s", "the 19th century", "last summer"
    to_date.py    "the year to the end of June", "the first nine months of 2025"
    relative.py   "yesterday", "last week", "earlier this month", "two days ago"
    tense.py      which way a recurring date points ("will take place on Sunday": forward)
    clock_days.py the day of a clock time ("23:47 GMT on Tuesday")

Every table (names, holidays, tense cues, quarter words, fiscal years) is data: lexicon/calendar.toml.
"""

from __future__ import annotations

from datetime import date

from app.engine import lexicon
from app.engine.extract.dates.clock_days import days_of_times
from app.engine.extract.dates.days import day_first, is_month, month_first, weekday_date, weekend
from app.engine.extract.dates.eras import decade_match
from app.engine.extract.dates.holidays import match_holiday
from app.engine.extract.dates.numeric import is_fraction_before_unit, numeric_date, settle_order
from app.engine.extract.dates.periods import match_period
from app.engine.extract.dates.relative import ago, anchored, relative_phrase
from app.engine.extract.dates.spans import DateMatch, is_year, over
from app.engine.text.tokens import Token

__all__ = [
    "DateMatch",
    "ago",
    "anchored",
    "days_of_times",
    "decade_match",
    "is_fraction_before_unit",
    "is_year",
    "match_date",
    "settle_order",
    "year_match",
]


def year_match(i: int, year: int) -> DateMatch:
    """A bare year as a date interval."""
    return over(i, i + 1, date(year, 1, 1), date(year, 12, 31))


def match_date(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """The date expression starting at tokens[i], or None."""
    t = tokens[i]
    if t.is_num:
        return numeric_date(tokens, i, published) or day_first(tokens, i, published) or match_period(
            tokens, i, published
        )
    cal = lexicon.calendar()
    w = t.norm
    capital = t.text[0].isupper()
    if capital:
        found = match_holiday(tokens, i, published)
        if found is not None:
            return found
        if is_month(t):
            return month_first(tokens, i, published)
        if w in cal.weekdays:
            return weekday_date(tokens, i, published)
    if w == "the":
        found = match_period(tokens, i, published) or day_first(tokens, i, published)
    elif w in cal.day_ordinals or w in cal.day_ordinal_tens:
        found = day_first(tokens, i, published) or match_period(tokens, i, published)
    else:
        found = match_period(tokens, i, published)
    if found is not None:
        return found
    if w in ("over", "last", "this", "the", "next"):
        found = weekend(tokens, i, published)
        if found is not None:
            return found
    return relative_phrase(tokens, i, published)
