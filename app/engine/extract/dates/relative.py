"""Dates counted from publication: "yesterday", "last week", "earlier this month", "the week before", "by the
end of the decade", "overnight into Saturday", "two days ago", "three weeks from now".

    >>> from datetime import date
    >>> from app.engine.text.tokens import tokenize
    >>> relative_phrase(tokenize("Earlier this month, the regulator"), 0, date(2026, 3, 18)).iso
    '2026-03-01/2026-03-17'

The phrases are data (lexicon/calendar.toml: relative_days, relative_spans).
"""

from __future__ import annotations

from datetime import date, timedelta

from app.engine import lexicon
from app.engine.extract.dates.spans import (
    DateMatch,
    add_months,
    month_days,
    on_day,
    over,
    unresolved,
    week_of,
)
from app.engine.text.tokens import Token

_YEARS = {"year": 1, "decade": 10, "century": 100}


def relative_phrase(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """The relative day or span phrase starting at tokens[i] (longest first), or None."""
    cal = lexicon.calendar()
    n = len(tokens)
    for size in (5, 4, 3, 2, 1):
        if i + size > n:
            continue
        key = tuple(x.lower for x in tokens[i : i + size])
        end = i + size
        if end < n and tokens[end].lower == "of" and (key in cal.relative_days or key in cal.relative_spans):
            return None  # "the next day of action", "the last week of June": a noun phrase
        if key in cal.relative_days:
            k = cal.relative_days[key]
            d = published + timedelta(days=k) if published else None
            return on_day(i, end, d, anaphoric=k if key in cal.anaphoric_days else None)
        if key in cal.relative_spans:
            spec = cal.relative_spans[key]
            into = tokens[end + 1].lower if end + 1 < n and tokens[end].lower == "into" else None
            if spec.startswith("night:") and into in cal.weekdays:  # "overnight into Saturday"
                if published is None:
                    return unresolved(i, end + 2)
                back = (published.weekday() - cal.weekdays[into]) % 7
                fwd = (cal.weekdays[into] - published.weekday()) % 7
                day = published + timedelta(days=fwd) if fwd < back else published - timedelta(days=back)
                return over(i, end + 2, day - timedelta(days=1), day)
            return span_of(i, end, spec, published)
    return None


def anchored(dates: list[DateMatch]) -> list[DateMatch]:
    """The dates of one sentence, each anaphoric day ("the next day", "the day before") counted from the
    single day the sentence names before it, when it names one.

    >>> from datetime import date
    >>> monday = on_day(3, 4, date(2026, 6, 8))
    >>> anchored([monday, on_day(7, 10, date(2026, 6, 11), anaphoric=1)])[1].iso
    '2026-06-09'
    """
    out: list[DateMatch] = []
    for dm in dates:
        days = (p for p in reversed(out) if p.kind == "date" and p.low is not None and p.low == p.high)
        before = next(days, None)
        if dm.anaphoric is not None and before is not None:
            day = date.fromordinal(before.low) + timedelta(days=dm.anaphoric)  # type: ignore[arg-type]
            dm = on_day(dm.start, dm.end, day, anaphoric=dm.anaphoric)
        out.append(dm)
    return out


def span_of(start: int, end: int, spec: str, published: date | None) -> DateMatch:
    """The days a relative span spec names ("month:-1", "year:0:earlier", "decade_end:0", "night:0")."""
    if published is None:
        return unresolved(start, end)
    unit, _, rest = spec.partition(":")
    off, _, part = rest.partition(":")
    k = int(off)
    if unit == "night":  # the night that ends on the day k days from publication
        day = published + timedelta(days=k)
        return over(start, end, day - timedelta(days=1), day)
    if unit.endswith("_end"):
        return on_day(start, end, period(unit.removesuffix("_end"), k, published)[1])
    first, last = period(unit, k, published)
    if part == "earlier":  # "earlier this month": up to the day before publication
        last = max(first, published - timedelta(days=1))
    elif part == "later":  # "later this week": from the day after publication
        first = min(last, published + timedelta(days=1))
    return over(start, end, first, last)


def period(unit: str, k: int, published: date) -> tuple[date, date]:
    """The first and last day of the week, month, quarter, year, decade or century `k` periods from the one
    holding the publication date."""
    if unit == "week":
        monday, sunday = week_of(published)
        return monday + timedelta(weeks=k), sunday + timedelta(weeks=k)
    if unit in ("month", "quarter"):
        size = 1 if unit == "month" else 3
        first_month = published.month - (published.month - 1) % size
        y, m = add_months(published.year, first_month, k * size)
        ly, lm = add_months(y, m, size - 1)
        return date(y, m, 1), month_days(ly, lm)[1]
    span = _YEARS[unit]
    y = (published.year // span + k) * span
    return date(max(y, 1), 1, 1), date(y + span - 1, 12, 31)


def ago(start: int, end: int, amount: float, unit: str, published: date | None, sign: int = -1
        ) -> DateMatch | None:
    """'two days ago', 'three weeks ago' (a day), 'six months ago' (that month), 'two years ago' (that year):
    a duration before publication, counted back from it; `sign` 1 counts forward ('two weeks from now')."""
    if amount != int(amount) or amount < 0:
        return None
    k = int(amount)
    if published is None:
        return unresolved(start, end)
    if unit in ("day", "week", "fortnight"):
        days = {"day": 1, "week": 7, "fortnight": 14}[unit] * k
        return on_day(start, end, published + timedelta(days=sign * days))
    if unit in ("month", "year"):
        return span_of(start, end, f"{unit}:{sign * k}", published)
    return None
