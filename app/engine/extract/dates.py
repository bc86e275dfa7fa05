"""Dates, times and years, resolved against the publication date.

    >>> from datetime import date
    >>> from app.engine.text.tokens import tokenize
    >>> match_date(tokenize("held on May 16, also"), 2, date(2025, 6, 2)).iso
    '2025-05-16'

A date claim's value holds proleptic ordinals (date.toordinal()) in low/high and the ISO date or interval in
`iso`. Weekdays resolve to the nearest such day around publication ("said Sunday" in a Monday paper is the
day before); calendar words ("last night", "earlier this year") come from lexicon/calendar.toml.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from app.engine import lexicon
from app.engine.extract.units import match_unit
from app.engine.text.tokens import Token, joined


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date or time expression at tokens[start:end]."""

    start: int
    end: int
    kind: str  # "date" | "time"
    iso: str | None
    low: int | None  # proleptic ordinal of the first day (a time: minutes after midnight, see clock.py)
    high: int | None  # ... of the last day
    nominal: int | None = None  # a time: the minutes after midnight as stated
    qualifier: str = "exact"  # a time: "shortly before 8 p.m." is an upper bound
    zone: str | None = None  # a time: the zone as stated, normalised ("GMT", "UTC+3", "local")
    utc_offset: int | None = None  # a time: the zone's offset from UTC in minutes, when it has one


def _day(d: date | None) -> tuple[str | None, int | None, int | None]:
    return (d.isoformat(), d.toordinal(), d.toordinal()) if d else (None, None, None)


def _span(a: date, b: date) -> tuple[str, int, int]:
    return f"{a.isoformat()}/{b.isoformat()}", a.toordinal(), b.toordinal()


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def is_year(value: float, text: str) -> bool:
    """A four-digit number written without separators between 1800 and 2100: '2016'."""
    return text.isdigit() and len(text) == 4 and 1800 <= value <= 2100


def year_match(i: int, year: int) -> DateMatch:
    """A bare year as a date interval."""
    iso, lo, hi = _span(date(year, 1, 1), date(year, 12, 31))
    return DateMatch(i, i + 1, "date", iso, lo, hi)


def match_date(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """The date or time expression starting at tokens[i], or None."""
    v = lexicon.calendar()
    t = tokens[i]
    w = t.lower.rstrip(".")
    n = len(tokens)
    if t.is_num:
        return _day_month(tokens, i, published) or _numeric_date(tokens, i)
    if w in v.months and (t.text[0].isupper()):
        return _month_day(tokens, i, published)
    if w in v.weekdays and t.text[0].isupper():
        return _weekday_date(tokens, i, published)
    if w in ("over", "last", "this", "the", "next"):
        weekend = _weekend(tokens, i, published)
        if weekend is not None:
            return weekend
    for size in (5, 4, 3, 2, 1):
        key = tuple(x.lower for x in tokens[i : i + size])
        if len(key) < size:
            continue
        end = i + size
        if key in v.relative_days:
            d = published + timedelta(days=v.relative_days[key]) if published else None
            return DateMatch(i, end, "date", *_day(d))
        if key in v.relative_spans:
            spec = v.relative_spans[key]
            into = tokens[end + 1].lower if end + 1 < n and tokens[end].lower == "into" else None
            if spec.startswith("night:") and into in v.weekdays:  # "overnight into Saturday"
                d = _weekday(v.weekdays[into], published)
                night = _span(d - timedelta(days=1), d) if d else (None, None, None)
                return DateMatch(i, end + 2, "date", *night)
            return DateMatch(i, end, "date", *_relative_span(spec, published))
    return None


def _weekend(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'over the weekend' / 'last weekend': the Saturday and Sunday before publication; 'this weekend': the
    one of the publication's week; 'next weekend': the one after."""
    for key, offset in lexicon.calendar().weekends.items():
        if tuple(t.lower for t in tokens[i : i + len(key)]) == key:
            end = i + len(key)
            if published is None:
                return DateMatch(i, end, "date", None, None, None)
            saturday = published + timedelta(days=5 - published.weekday())
            if offset < 0 and saturday > published:
                saturday -= timedelta(days=7)
            saturday += timedelta(days=7 * max(offset, 0))
            return DateMatch(i, end, "date", *_span(saturday, saturday + timedelta(days=1)))
    return None


def _weekday_date(tokens: list[Token], i: int, published: date | None) -> DateMatch:
    """'Sunday', 'Friday night', 'through Saturday'; 'Thursday August 14' / 'Thursday, 14 August' is one
    date: the weekday belongs to the explicit date beside it."""
    v = lexicon.calendar()
    n = len(tokens)
    end = i + 1
    if end < n and tokens[end].lower in v.day_parts:
        end += 1
    k = end + 1 if end < n and tokens[end].text == "," else end
    if k < n:
        explicit = None
        if tokens[k].lower.rstrip(".") in v.months and tokens[k].text[0].isupper():
            explicit = _month_day(tokens, k, published)
        elif tokens[k].is_num:
            explicit = _day_month(tokens, k, published)
        if explicit is not None and explicit.low is not None and explicit.low == explicit.high:
            return DateMatch(i, explicit.end, "date", explicit.iso, explicit.low, explicit.high)
    before = tokens[i - 1].lower if i > 0 else ""
    weekday = v.weekdays[tokens[i].lower.rstrip(".")]
    day = _weekday(weekday, published, v.weekday_direction.get(before, 0))
    if day is not None and day == published and before in ("next", "last"):
        day += timedelta(days=7 if before == "next" else -7)  # "next Thursday" in a Thursday paper
    return DateMatch(i, end, "date", *_day(day))


def _weekday(weekday: int, published: date | None, direction: int = 0) -> date | None:
    """The day named `weekday` nearest to publication (ties go to the past); `direction` 1 ('until
    Saturday', 'next Monday') takes the next such day, -1 ('last Friday', 'since Monday') the one before."""
    if published is None:
        return None
    back = (published.weekday() - weekday) % 7
    fwd = (weekday - published.weekday()) % 7
    if direction > 0 or (direction == 0 and fwd < back):
        return published + timedelta(days=fwd)
    return published - timedelta(days=back)


def _relative_span(spec: str, published: date | None) -> tuple[str | None, int | None, int | None]:
    if published is None:
        return None, None, None
    unit, _, off = spec.partition(":")
    k = int(off)
    if unit == "night":  # the night that ends on the day k days from publication
        day = published + timedelta(days=k)
        return _span(day - timedelta(days=1), day)
    if unit.endswith("_end"):
        return _day(_span_end(unit.removesuffix("_end"), k, published))
    if unit == "week":
        start = published - timedelta(days=published.weekday()) + timedelta(weeks=k)
        return _span(start, start + timedelta(days=6))
    if unit == "month":
        y, m = divmod(published.year * 12 + published.month - 1 + k, 12)
        m += 1
        return _span(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]))
    y = published.year + k
    return _span(date(y, 1, 1), date(y, 12, 31))


def _span_end(unit: str, k: int, published: date) -> date:
    """The last day of the week, month, year, decade or century `k` periods from publication."""
    if unit == "week":
        return published - timedelta(days=published.weekday()) + timedelta(weeks=k, days=6)
    if unit == "month":
        y, m = divmod(published.year * 12 + published.month - 1 + k, 12)
        return date(y, m + 1, calendar.monthrange(y, m + 1)[1])
    span = {"year": 1, "decade": 10, "century": 100}[unit]
    return date((published.year // span + k) * span + span - 1, 12, 31)


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    """A month and day without a year: the latest such date not far after publication."""
    if published is None:
        return None
    y = published.year
    d = _safe_date(y, month, day)
    if d is not None and (d - published).days > 60:
        y -= 1
    return y


def _month_day(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'May 16', 'June 2, 2025', 'Nov. 18, 2025', 'February 2022'."""
    v = lexicon.calendar()
    n = len(tokens)
    month = v.months[tokens[i].lower.rstrip(".")]
    j = i + 1
    if j < n and tokens[j].text == "." and joined(tokens, j):
        j += 1
    if j < n and tokens[j].is_num and tokens[j].text.isdigit():
        num = int(tokens[j].text)
        if 1 <= num <= 31 and len(tokens[j].text) <= 2:
            end = j + 1
            if end < n and tokens[end].lower in ("st", "nd", "rd", "th") and joined(tokens, end):
                end += 1
            year = None
            if end + 1 < n and tokens[end].text == "," and _is_year_token(tokens[end + 1]):
                year, end = int(tokens[end + 1].text), end + 2
            elif end < n and _is_year_token(tokens[end]):
                year, end = int(tokens[end].text), end + 1
            year = year or _infer_year(month, num, published)
            d = _safe_date(year, month, num) if year else None
            return DateMatch(i, end, "date", *_day(d))
        if _is_year_token(tokens[j]):
            y = int(tokens[j].text)
            return DateMatch(
                i, j + 1, "date", *_span(date(y, month, 1), date(y, month, calendar.monthrange(y, month)[1]))
            )
    before = tokens[i - 1].lower if i > 0 else ""
    if before not in v.month_prepositions and (tokens[i].lower == "may" or len(tokens[i].text) <= 3):
        return None  # "may" the verb, "Mar" alone: not a date without a day, year or "in"/"early"
    year = published.year if published else None
    if year is None:
        return DateMatch(i, i + 1, "date", None, None, None)
    if published and month > published.month + 1:
        year -= 1
    return DateMatch(
        i, i + 1, "date", *_span(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
    )


def _day_month(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'16 May', '2 June 2025'."""
    v = lexicon.calendar()
    n = len(tokens)
    t = tokens[i]
    if not t.text.isdigit() or not 1 <= int(t.text) <= 31 or i + 1 >= n:
        return None
    name = tokens[i + 1].lower.rstrip(".")
    if (
        name not in v.months
        or not tokens[i + 1].text[0].isupper()
        or tokens[i + 1].lower == "may"
        and i + 2 < n
        and not _is_year_token(tokens[i + 2])
    ):
        return None
    month, day = v.months[name], int(t.text)
    end = i + 2
    year = None
    if end < n and _is_year_token(tokens[end]):
        year, end = int(tokens[end].text), end + 1
    year = year or _infer_year(month, day, published)
    return DateMatch(i, end, "date", *_day(_safe_date(year, month, day) if year else None))


def _numeric_date(tokens: list[Token], i: int) -> DateMatch | None:
    """'06/01', '2025-06-01', '1/6/2025': digits joined by slashes are a date, never a quantity."""
    n = len(tokens)
    j = i
    parts = [tokens[i].text]
    while (
        j + 2 < n
        and tokens[j + 1].text in ("/", "-")
        and joined(tokens, j + 1)
        and joined(tokens, j + 2)
        and tokens[j + 2].text.isdigit()
    ):
        if tokens[j + 1].text == "-" and len(parts[0]) != 4:
            break
        parts.append(tokens[j + 2].text)
        j += 2
    if len(parts) < 2 or not all(p.isdigit() for p in parts):
        return None
    if tokens[i + 1].text == "/" and i + 3 < n and tokens[i + 3].lower == "of":
        return None  # "1/16 of a pint" is a fraction
    if len(parts) == 2 and i + 3 < n and is_fraction_before_unit(tokens, i):
        return None  # "the final 1/4 mile", "a 1/2 %" rise
    if len(parts) == 3 and len(parts[0]) == 4:
        d = _safe_date(int(parts[0]), int(parts[1]), int(parts[2]))
        return DateMatch(i, j + 1, "date", *_day(d))
    if tokens[i + 1].text == "/":
        return DateMatch(i, j + 1, "date", None, None, None)
    return None


def is_fraction_before_unit(tokens: list[Token], i: int) -> bool:
    """'1/4 mile', '3/8 inch': a proper slash fraction right before a unit is a quantity, not a date."""
    a, b = tokens[i].text, tokens[i + 2].text
    if not (a.isdigit() and b.isdigit() and 0 < int(a) < int(b) <= 16) or i + 3 >= len(tokens):
        return False
    return tokens[i + 3].text == "%" or match_unit(tokens, i + 3, allow_quantulum=False) is not None


def _is_year_token(t: Token) -> bool:
    return t.text.isdigit() and len(t.text) == 4 and 1800 <= int(t.text) <= 2100


def ago(start: int, end: int, amount: float, unit: str, published: date | None) -> DateMatch | None:
    """'two days ago', 'three weeks ago' (a day), 'six months ago' (that month), 'two years ago' (that year):
    a duration before publication, counted back from it."""
    if amount != int(amount) or amount < 0:
        return None
    k = int(amount)
    if published is None:
        return DateMatch(start, end, "date", None, None, None)
    if unit in ("day", "week", "fortnight"):
        days = {"day": 1, "week": 7, "fortnight": 14}[unit] * k
        return DateMatch(start, end, "date", *_day(published - timedelta(days=days)))
    if unit == "month":
        return DateMatch(start, end, "date", *_relative_span(f"month:{-k}", published))
    if unit == "year":
        return DateMatch(start, end, "date", *_relative_span(f"year:{-k}", published))
    return None
