"""The day of a clock time: the date beside it in the sentence, else the publication day.

    >>> from datetime import date
    >>> from app.engine.text.tokens import tokenize
    >>> from app.engine.extract.clock import match_clock
    >>> from app.engine.extract.dates import match_date
    >>> tokens = tokenize("landfall at 23:47 GMT on Tuesday")
    >>> found = [match_clock(tokens, 2), match_date(tokens, 7, date(2025, 9, 24))]
    >>> days_of_times(tokens, found, date(2025, 9, 24))[0].iso
    '2025-09-23T23:47'

A time's value stays minutes after midnight in its zone (clock.py); `iso` adds the day as an ISO local
date-time without an offset ("2025-09-23T23:47", in the zone of `zone`). The day is the nearest single-day
date within DAY_WINDOW tokens ("at 1:12 a.m. on Saturday (2112 GMT Friday)": each its own); a time with no
date beside it is on the publication day, and "midnight" in a sentence that points forward ("results are
expected shortly after midnight") is the one that ends it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from app.engine.extract.dates.spans import DateMatch
from app.engine.extract.dates.tense import direction
from app.engine.text.tokens import Token

DAY_WINDOW = 8  # tokens between a clock time and the date it is on


def days_of_times(tokens: list[Token], matches: Sequence[DateMatch | None], published: date | None
                  ) -> list[DateMatch | None]:
    """`matches` (one sentence's dates and times, in order) with each clock time's day in its `iso`."""
    days = [m for m in matches if m is not None and m.kind == "date" and m.low is not None and m.low == m.high
            ]
    out: list[DateMatch | None] = []
    for m in matches:
        if m is None or m.kind != "time" or m.nominal is None:
            out.append(m)
            continue
        day = _nearest_day(m, days)
        if day is None and published is not None:
            day = published
            if m.nominal == 0 and direction(tokens, m.start, m.end) > 0:
                day += timedelta(days=1)  # "expected shortly after midnight": the coming one
        if day is None:
            out.append(m)
            continue
        hours, minutes = divmod(int(m.nominal) % 1440, 60)
        out.append(replace(m, iso=f"{day.isoformat()}T{hours:02d}:{minutes:02d}"))
    return out


def _nearest_day(time: DateMatch, days: list[DateMatch]) -> date | None:
    def gap(d: DateMatch) -> int:
        return d.start - time.end if d.start >= time.end else time.start - d.end

    near = [d for d in days if gap(d) <= DAY_WINDOW]
    if not near:
        return None
    best = min(near, key=lambda d: (gap(d), d.start < time.start))
    return date.fromordinal(best.low) if best.low is not None else None
