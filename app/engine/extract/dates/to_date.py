"""Periods counted to a date: "the year to the end of June", "the 12 months to March 2025", "the three
months ended September 30", "the first nine months of 2025".

    >>> from datetime import date
    >>> from app.engine.text.tokens import tokenize
    >>> the_period_to(tokenize("the year to the end of June"), 0, date(2025, 8, 14)).iso
    '2024-07-01/2025-06-30'
"""

from __future__ import annotations

from datetime import date, timedelta

from app.engine import lexicon
from app.engine.extract.dates.days import day_first, is_month, month_first
from app.engine.extract.dates.fiscal import fiscal_first_month, year_of_part
from app.engine.extract.dates.spans import (
    DateMatch,
    add_months,
    month_days,
    months_span,
    over,
    pick,
    unresolved,
)
from app.engine.extract.number_words import vocab
from app.engine.text.tokens import Token


def the_period_to(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'the year to the end of June', 'the 12 months to March 2025', 'the three months ended September 30',
    'the quarter to June', 'the six months ending 31 December': the period ending on the last day of the
    date after the link."""
    cal = lexicon.calendar()
    n = len(tokens)
    j = i + 1
    if j < n and tokens[j].lower in ("financial", "fiscal"):
        j += 1
    months, weeks = None, None
    if j < n and tokens[j].lower in cal.period_months:
        months = cal.period_months[tokens[j].lower]
        weeks = 1 if months == 0 else None
        j += 1
    else:
        count = _count_at(tokens, j)
        if count is None:
            return None
        amount, j = count
        unit = tokens[j].lower.rstrip("s") if j < n else ""
        if unit == "month":
            months = amount
        elif unit == "week":
            weeks = amount
        elif unit == "year":
            months = 12 * amount
        else:
            return None
        j += 1
    if j >= n or tokens[j].lower not in cal.period_links:
        return None
    j += 1
    if j + 2 < n and tuple(t.lower for t in tokens[j : j + 3]) == ("the", "end", "of"):
        j += 3
    last, end = _last_day_of(tokens, j, published)
    if last is None:
        return None if end == j else unresolved(i, end)
    if weeks:
        return over(i, end, last - timedelta(days=7 * weeks - 1), last)
    y, m = add_months(last.year, last.month, -(months or 12) + 1)
    month_end = last == month_days(last.year, last.month)[1]
    first = date(y, m, 1) if month_end else _day_after_months_back(last, months)
    return over(i, end, first, last)


def _day_after_months_back(last: date, months: int | None) -> date:
    """The day after `last` less `months` months: the year ended 15 March 2025 began on 16 March 2024."""
    y, m = add_months(last.year, last.month, -(months or 12))
    day = min(last.day, month_days(y, m)[1])
    return date(y, m, day) + timedelta(days=1)


def _count_at(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """'12', 'three', 'six' before 'months': (the number, index after)."""
    if j >= len(tokens):
        return None
    t = tokens[j]
    if t.text.isdecimal() and len(t.text) <= 2:
        return int(t.text), j + 1
    units = vocab().units
    if t.lower in units:
        return int(units[t.lower]), j + 1
    return None


def _last_day_of(tokens: list[Token], j: int, published: date | None) -> tuple[date | None, int]:
    """The last day of the date at tokens[j] (a month, a day of a month): (day or None, index after)."""
    hit: DateMatch | None = None
    if j < len(tokens) and is_month(tokens[j]):
        hit = month_first(tokens, j, published) or _bare_month(tokens, j, published)
    elif j < len(tokens) and tokens[j].is_num:
        hit = day_first(tokens, j, published)
    if hit is None:
        return None, j
    return (date.fromordinal(hit.high) if hit.high is not None else None), hit.end


def _bare_month(tokens: list[Token], j: int, published: date | None) -> DateMatch | None:
    """'to March' after a period: the latest March begun by publication (a period counted back is past)."""
    month = lexicon.calendar().months[tokens[j].norm]
    if published is None:
        return unresolved(j, j + 1)
    found = pick(lambda y: month_days(y, month), published, -1)
    return over(j, j + 1, *found) if found else None


def the_first_months(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'the first nine months of 2025', 'the last three months of the year', 'the first six months of last
    year'."""
    n = len(tokens)
    if i + 3 >= n or tokens[i + 1].lower not in ("first", "last"):
        return None
    count = _count_at(tokens, i + 2)
    if count is None:
        return None
    amount, j = count
    if j >= n or tokens[j].lower != "months" or not 1 <= amount <= 11:
        return None
    which, end = year_of_part(tokens, j + 1, published)
    if end == j + 1:
        return None
    year = which.year
    if year is None:
        if published is None:
            return unresolved(i, end)
        year = published.year
    if which.fiscal:
        start_y, start_m = fiscal_first_month(which)
    else:
        start_y, start_m = year, 1
    if tokens[i + 1].lower == "last":
        start_y, start_m = add_months(start_y, start_m, 12 - amount)
    return over(i, end, *months_span(start_y, start_m, amount))


