"""The date grammar's common ground: what a match holds, days and spans in ISO, and which occurrence of a
recurring date (a weekday, a month, a holiday, a quarter) a sentence means.

    >>> from datetime import date
    >>> pick(lambda y: (date(y, 12, 25), date(y, 12, 25)), date(2026, 1, 10), 0)
    (datetime.date(2025, 12, 25), datetime.date(2025, 12, 25))
    >>> pick(lambda y: (date(y, 12, 25), date(y, 12, 25)), date(2026, 1, 10), 1)
    (datetime.date(2026, 12, 25), datetime.date(2026, 12, 25))
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from app.engine.text.tokens import Token

FIRST_YEAR, LAST_YEAR = 1800, 2100  # a bare four-digit number in this range may be a year

Order = Literal["month_day", "day_month"]
Policy = Literal["nearest", "started"]


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
    # how the text wrote day and month: "May 9" and "02/22/2016" month first, "9 May" and "22/02" day first
    # (the article's own cue for its ambiguous numeric dates, numeric.py)
    order: Order | None = None
    numeric: bool = False  # written in digits only ("02/22/2016")
    readings: tuple[date, date] | None = None  # an ambiguous numeric date: (month-day, day-month) readings
    anaphoric: int | None = None  # "the next day": days counted from the day named before it (relative.py)


def on_day(start: int, end: int, d: date | None, **extra) -> DateMatch:
    """A match naming one day (or an unresolved one: `d` None)."""
    if d is None:
        return DateMatch(start, end, "date", None, None, None, **extra)
    return DateMatch(start, end, "date", d.isoformat(), d.toordinal(), d.toordinal(), **extra)


def over(start: int, end: int, first: date, last: date) -> DateMatch:
    """A match naming the days first..last."""
    return DateMatch(start, end, "date", f"{first.isoformat()}/{last.isoformat()}", first.toordinal(),
                     last.toordinal())


def month_day(start: int, end: int, month: int, day: int, last: int | None = None, **extra) -> DateMatch:
    """A day of a month whose year nothing fixes (no year, no publication date): ISO 8601's truncated
    "--03-28" (or "--03-05/--03-06" for a run of days), with no ordinals; it compares with other days by
    month and day only (compare/intervals.py)."""
    iso = f"--{month:02d}-{day:02d}"
    if last is not None and last > day:
        iso += f"/--{month:02d}-{last:02d}"
    return DateMatch(start, end, "date", iso, None, None, **extra)


def unresolved(start: int, end: int) -> DateMatch:
    """A date whose days the text does not fix (no publication date to count from)."""
    return DateMatch(start, end, "date", None, None, None)


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_days(y: int, m: int) -> tuple[date, date]:
    """The first and last day of month `m` of year `y`."""
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) `k` months after month `m` of year `y`."""
    y2, m0 = divmod(y * 12 + m - 1 + k, 12)
    return y2, m0 + 1


def months_span(y: int, m: int, count: int) -> tuple[date, date]:
    """The `count` months starting with month `m` of year `y`."""
    ly, lm = add_months(y, m, count - 1)
    return date(y, m, 1), month_days(ly, lm)[1]


def pick(
    occurrence: Callable[[int], tuple[date, date] | None],
    published: date,
    direction: int,
    policy: Policy = "nearest",
    ahead: timedelta = timedelta(0),
) -> tuple[date, date] | None:
    """The occurrence of a yearly date (`occurrence(year)` -> its first and last day) a sentence means:
    `direction` 1 the first one not over before publication, -1 the latest begun by publication; without a
    direction, `policy` "nearest" the one nearest publication (ties go to the past), "started" the latest
    begun by publication + `ahead` (news mostly reports what has happened: "in March" in a January paper is
    last March, unless the sentence points forward)."""
    found = [o for o in (occurrence(y) for y in range(published.year - 2, published.year + 3)) if o]
    if not found:
        return None
    if direction > 0:
        return next((o for o in found if o[1] >= published), None)
    if direction < 0:
        return next((o for o in reversed(found) if o[0] <= published), None)
    if policy == "started":
        return next((o for o in reversed(found) if o[0] <= published + ahead), None)
    return min(found, key=lambda o: (_distance(o, published), o[0] > published))


def _distance(o: tuple[date, date], published: date) -> int:
    if o[0] <= published <= o[1]:
        return 0
    return min(abs((o[0] - published).days), abs((o[1] - published).days))


def week_of(d: date) -> tuple[date, date]:
    """The Monday-to-Sunday week holding `d`."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def is_year(value: float, text: str) -> bool:
    """A four-digit number written without separators between 1800 and 2100: '2016'."""
    return text.isdecimal() and len(text) == 4 and FIRST_YEAR <= value <= LAST_YEAR


def is_year_token(t: Token) -> bool:
    """A token that is a bare year ('2016'; not '2,016', not '9999')."""
    return t.text.isdecimal() and is_year(int(t.text), t.text)

