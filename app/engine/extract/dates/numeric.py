"""Dates written in digits: "2016-02-22", "2015/08/12", "22.02.2016", "02/22/2016", "21/04/16", "4/22".

    >>> from datetime import date
    >>> from app.engine.text.tokens import tokenize
    >>> numeric_date(tokenize("dated 02/22/2016"), 1, date(2025, 3, 3)).iso
    '2016-02-22'
    >>> numeric_date(tokenize("dated 04/05/2016"), 1, date(2025, 3, 3)).readings
    (datetime.date(2016, 4, 5), datetime.date(2016, 5, 4))

The order of day and month:
- a four-digit year first is year, month, day ("2016-02-22", "2015/08/12");
- dots are day, month, year ("22.02.2016": the European way; no one writes a month first with dots);
- otherwise a part above 12 is the day ("02/22/2016" month first, "21/04/2016" day first);
- when both parts could be the month ("04/05/2016") the article decides: the order of its unambiguous
  numeric dates, else the order it writes dates in words ("May 4" month first, "4 May" day first);
  `settle_order` applies it once the whole article is read. An article that does not say leaves the date
  ambiguous: no ISO value, and both readings kept in `readings` (an interval between two days months apart
  would admit every day between them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from app.engine.extract.dates.spans import DateMatch, Order, on_day, pick, safe_date
from app.engine.extract.units import match_unit
from app.engine.text.tokens import Token, joined

_SEPARATORS = ("/", "-")


def numeric_date(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """The numeric date starting at tokens[i], or None."""
    t = tokens[i]
    if t.text.count(".") == 2:
        return _dotted(tokens, i)
    n = len(tokens)
    parts = [t.text]
    seps = []
    j = i
    while (
        j + 2 < n
        and len(parts) < 3
        and tokens[j + 1].text in _SEPARATORS
        and joined(tokens, j + 1)
        and joined(tokens, j + 2)
        and tokens[j + 2].text.isdecimal()
    ):
        seps.append(tokens[j + 1].text)
        parts.append(tokens[j + 2].text)
        j += 2
    if len(parts) < 2 or not all(p.isdecimal() for p in parts) or len(set(seps)) > 1:
        return None
    end = j + 1
    if seps[0] == "/" and i + 3 < n and tokens[i + 3].lower == "of":
        return None  # "1/16 of a pint" is a fraction
    if len(parts) == 2 and i + 3 < n and is_fraction_before_unit(tokens, i):
        return None  # "the final 1/4 mile", "a 1/2 %" rise
    if len(parts) == 3 and len(parts[0]) == 4:
        return on_day(i, end, safe_date(int(parts[0]), int(parts[1]), int(parts[2])), numeric=True)
    if len(parts) == 3 and (len(parts[2]) == 4 or seps[0] == "/" and len(parts[2]) == 2):
        year = _year(parts[2], published)
        return _day_and_month(i, end, int(parts[0]), int(parts[1]), lambda _: year)
    if seps[0] == "-":
        return None  # "3-2", "2015-16": a score, a range or a season
    if published is None or not _dated(tokens, i):
        return on_day(i, end, None, numeric=True)  # "06/01" on its own: a date, its day unknown
    a, b = int(parts[0]), int(parts[1])
    return _day_and_month(i, end, a, b, lambda month_day: _year_of(month_day, published))


def _dotted(tokens: list[Token], i: int) -> DateMatch | None:
    """'22.02.2016', '2016.02.22': day, month and year (year first when it has four digits)."""
    parts = tokens[i].text.split(".")
    if not all(p.isdecimal() for p in parts):
        return None
    if len(parts[0]) == 4:
        return on_day(i, i + 1, safe_date(int(parts[0]), int(parts[1]), int(parts[2])), numeric=True)
    if len(parts[2]) != 4 or len(parts[0]) > 2 or len(parts[1]) > 2:
        return None
    d = safe_date(int(parts[2]), int(parts[1]), int(parts[0]))
    return on_day(i, i + 1, d, order="day_month", numeric=True) if d else None


def _day_and_month(start: int, end: int, a: int, b: int, year_for) -> DateMatch | None:
    """'a/b' read month-first and day-first; `year_for(month_day)` gives the year of each reading."""
    month_day = _reading(a, b, year_for)
    day_month = _reading(b, a, year_for)
    if month_day and day_month and month_day != day_month:
        return DateMatch(start, end, "date", None, None, None, numeric=True, readings=(month_day, day_month))
    if month_day:
        return on_day(start, end, month_day, order="month_day" if a != b else None, numeric=True)
    if day_month:
        return on_day(start, end, day_month, order="day_month", numeric=True)
    return None


def _reading(month: int, day: int, year_for) -> date | None:
    year = year_for((month, day))
    return safe_date(year, month, day) if year and 1 <= month <= 12 else None


def _year(text: str, published: date | None) -> int:
    """A year of four digits, or of two: '16' is 2016 unless that is more than ten years after publication."""
    y = int(text)
    if len(text) == 4:
        return y
    now = (published or date.today()).year
    return 2000 + y if 2000 + y <= now + 10 else 1900 + y


def _year_of(month_day: tuple[int, int], published: date) -> int | None:
    """'4/22' without a year: the latest such day not more than 60 days after publication."""
    month, day = month_day
    if safe_date(2024, month, day) is None:
        return None
    found = pick(lambda y: _both(safe_date(y, month, day)), published, 0, "started", timedelta(days=60))
    return found[0].year if found else None


def _both(d: date | None) -> tuple[date, date] | None:
    return (d, d) if d else None


def _dated(tokens: list[Token], i: int) -> bool:
    """'on 4/22', 'dated 6/1': a word before two numbers that makes them a date."""
    return i > 0 and tokens[i - 1].lower in ("on", "dated", "since", "until", "from", "by", "of", "through")


def is_fraction_before_unit(tokens: list[Token], i: int) -> bool:
    """'1/4 mile', '3/8 inch': a proper slash fraction right before a unit is a quantity, not a date."""
    a, b = tokens[i].text, tokens[i + 2].text
    if not (a.isdecimal() and b.isdecimal() and 0 < int(a) < int(b) <= 16) or i + 3 >= len(tokens):
        return False
    return tokens[i + 3].text == "%" or match_unit(tokens, i + 3, allow_quantulum=False) is not None


def settle_order(matches: Sequence[DateMatch | None]) -> list[DateMatch | None]:
    """The article's matches with its ambiguous numeric dates read in the article's own order: that of its
    unambiguous numeric dates, else that of its dates in words; left as they are when it has none or
    both."""
    if not any(m is not None and m.readings for m in matches):
        return list(matches)
    order = _article_order([m for m in matches if m is not None])
    if order is None:
        return list(matches)
    out: list[DateMatch | None] = []
    for m in matches:
        if m is not None and m.readings:
            d = m.readings[0 if order == "month_day" else 1]
            m = replace(on_day(m.start, m.end, d, order=order, numeric=True), kind=m.kind)
        out.append(m)
    return out


def _article_order(matches: list[DateMatch]) -> Order | None:
    for numeric in (True, False):
        orders = {m.order for m in matches if m.order is not None and m.numeric == numeric}
        if len(orders) == 1:
            return orders.pop()
        if orders:
            return None  # the article writes both ways: no cue
    return None
