"""Times and dates among a sentence's quantities: clock times ('23:47 GMT', 'noon'), race times ('2:06:23'),
minutes of play ('the 108th minute'), durations counted from publication ('two days ago', 'three weeks from
now'), and the days a sentence's dates and times settle on once all of them are read.

    >>> from datetime import date
    >>> from app.engine.text.tokens import tokenize
    >>> read_time(tokenize("at 23:47 GMT"), 1, None).date.nominal
    1427
"""

from __future__ import annotations

from datetime import date

from app.engine.extract.clock import elapsed_seconds, lettered_seconds, match_clock, match_minute
from app.engine.extract.dates import DateMatch, ago, anchored, days_of_times
from app.engine.extract.numbers import NumberMatch
from app.engine.extract.quantity import MINUTE, SECOND, Quantity
from app.engine.lexicon import calendar
from app.engine.text.tokens import Token


def read_time(tokens: list[Token], i: int, published: date | None) -> Quantity | None:
    """A clock time ('23:47 GMT', 'noon'), a race time ('2:06:23') or a minute of play ('108th minute')
    starting at tokens[i], or None."""
    t = tokens[i]
    if not (t.is_num or t.lower in calendar().clock_words):
        return None
    clock = match_clock(tokens, i)
    if clock is not None:
        return Quantity(clock.start, clock.end, "time", date=clock)
    if not t.is_num:
        return None
    elapsed = elapsed_seconds(tokens, i) or lettered_seconds(tokens, i)
    if elapsed is not None:
        seconds, end = elapsed
        number = NumberMatch(i, end, seconds, seconds, seconds)
        return Quantity(i, end, "duration", number=number, unit=SECOND)
    minute = match_minute(tokens, i)
    if minute is not None:
        value, end = minute
        return Quantity(i, end, "duration", number=NumberMatch(i, end, value, value, value), unit=MINUTE)
    return None


def counted_date(tokens: list[Token], q: Quantity, published: date | None) -> DateMatch | None:
    """'two days ago', 'three weeks from now': the date an exact duration counted from publication names."""
    n = len(tokens)
    if q.kind != "duration" or q.number is None or q.number.qualifier != "exact" or q.end >= n:
        return None
    if tokens[q.end].lower == "ago":
        return ago(q.start, q.end + 1, q.number.nominal, q.unit.name, published)
    if q.end + 1 < n and tokens[q.end].lower == "from" and tokens[q.end + 1].lower == "now":
        return ago(q.start, q.end + 2, q.number.nominal, q.unit.name, published, sign=1)
    return None


def settle_days(tokens: list[Token], found: list[Quantity], published: date | None) -> None:
    """Give each date and time of one sentence its day: 'the next day' counted from the day named before
    it, a clock time the day beside it (or publication's)."""
    dated = [q for q in found if q.date is not None]
    settled = days_of_times(tokens, anchored([q.date for q in dated]), published)
    for q, dm in zip(dated, settled, strict=True):
        q.date = dm
