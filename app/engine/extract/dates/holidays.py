"""Holidays: "Christmas Day", "New Year's Eve", "Good Friday", "Easter Monday", "Thanksgiving", "Easter 2026".

    >>> from datetime import date
    >>> from app.engine.text.tokens import tokenize
    >>> match_holiday(tokenize("Markets were closed on Good Friday."), 4, date(2025, 4, 22)).iso
    '2025-04-18'

The table is data (lexicon/calendar.toml, [holidays]): fixed days, the nth weekday of a month, days counted
from Easter (computed). The year is the one after the name when there is one, else the occurrence the
sentence's tense points to (tense.py), else the one nearest publication. "Christmas Island", "the Good
Friday Agreement": a capitalised name head after the name makes it a name, not a date.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from app.engine import lexicon
from app.engine.extract.dates.days import name_head
from app.engine.extract.dates.spans import DateMatch, is_year_token, on_day, pick, unresolved
from app.engine.extract.dates.tense import direction
from app.engine.lexicon.calendar import Holiday
from app.engine.text.tokens import Token, tokenize

_LOWER_WORDS = ("the", "of", ".", "'")  # words of a name written in lower case: "the Fourth of July"


@cache
def _names() -> dict[str, list[tuple[tuple[str, ...], Holiday]]]:
    """The holiday names as token norms, by their first word, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], Holiday]]] = {}
    for name, spec in lexicon.calendar().holidays.items():
        key = tuple(t.norm for t in tokenize(name))
        out.setdefault(key[0], []).append((key, spec))
    for entries in out.values():
        entries.sort(key=lambda e: -len(e[0]))
    return out


def match_holiday(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """The holiday named at tokens[i], or None."""
    entries = _names().get(tokens[i].norm)
    if not entries or not tokens[i].text[0].isupper():
        return None
    cal = lexicon.calendar()
    n = len(tokens)
    for key, spec in entries:
        end = i + len(key)
        if end > n or not _spelled(tokens[i:end], key):
            continue
        if end < n and name_head(tokens[end]):
            return None  # "Christmas Island", "the Good Friday Agreement"
        year = int(tokens[end].text) if end < n and is_year_token(tokens[end]) else None
        before = tokens[i - 1].lower if i > 0 else ""
        if spec.bare and year is None and before not in cal.holiday_prepositions:
            return None  # "Christmas shopping", "Easter eggs": a modifier, not a day
        if year is not None:
            return on_day(i, end + 1, occurrence(spec, year))
        if published is None:
            return unresolved(i, end)
        if before == "this":
            return on_day(i, end, occurrence(spec, published.year))
        found = pick(_yearly(spec), published, direction(tokens, i, end))
        return on_day(i, end, found[0] if found else None)
    return None


def _spelled(tokens: list[Token], key: tuple[str, ...]) -> bool:
    return all(
        t.norm == k and (k in _LOWER_WORDS or not t.is_word or t.text[0].isupper())
        for t, k in zip(tokens, key, strict=True)
    )


def _yearly(spec: Holiday):
    def day(year: int) -> tuple[date, date] | None:
        d = occurrence(spec, year)
        return (d, d) if d else None

    return day


def occurrence(spec: Holiday, year: int) -> date | None:
    """The day of holiday `spec` in `year`."""
    if spec.easter is not None:
        day = easter(year) + timedelta(days=spec.easter)
    elif spec.day is not None and spec.month is not None:
        day = date(year, spec.month, spec.day)
    elif spec.month is not None and spec.weekday is not None and spec.nth is not None:
        day = nth_weekday(year, spec.month, spec.weekday, spec.nth)
    else:
        return None
    return day + timedelta(days=spec.offset)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The `nth` `weekday` (Monday 0) of a month; nth -1 is the last one."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)
