"""Calendar words (data: calendar.toml), listed once for every stage that reads them.

    >>> cal = calendar()
    >>> cal.months["sept"], cal.weekdays["sunday"], cal.relative_days[("last", "night")]
    (9, 6, -1)
    >>> cal.relative_spans[("overnight",)]
    'night:0'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from app.engine.lexicon.load import table, words


@dataclass(frozen=True, slots=True)
class Calendar:
    """The calendar vocabulary: names, relative phrases (as token tuples) and the words around dates."""

    months: dict[str, int]  # full names and abbreviations -> month number
    month_names: frozenset[str]  # the full names only
    weekdays: dict[str, int]  # full names -> weekday number (Monday 0)
    abbreviations: frozenset[str]  # "nov", "sept", "tue": never the end of a sentence
    relative_days: dict[tuple[str, ...], int]  # ("last", "night") -> -1
    relative_spans: dict[tuple[str, ...], str]  # ("this", "week") -> "week:0"
    weekends: dict[tuple[str, ...], int]  # ("over", "the", "weekend") -> -1
    weekday_direction: dict[str, int]  # "until" -> 1, "last" -> -1
    day_parts: frozenset[str]
    meridiems: dict[str, int]  # "p.m." -> 720: minutes a 12-hour clock adds (12 a.m. is midnight)
    clock_words: dict[str, int]  # "noon" -> 720
    time_zones: dict[tuple[str, ...], tuple[str, int | None]]  # ("gmt",) -> ("GMT", 0); ("et",): no offset
    time_bounds: dict[tuple[str, ...], str]  # ("shortly", "before") -> "upper_bound"
    approximate_minutes: float  # the reach of "around 3 p.m."
    military_hours: frozenset[str]
    month_prepositions: frozenset[str]
    year_prepositions: frozenset[str]

    names: frozenset[str]  # month and weekday names written out ("may", "sunday")
    first_words: frozenset[str]  # every word a calendar expression may start with (a fast pre-check)
    relative_words: frozenset[str]  # one-word relative days and spans ("today", "overnight")


def _phrases(section: str) -> dict[tuple[str, ...], object]:
    return {tuple(k.split()): v for k, v in table("calendar")[section].items()}


@cache
def calendar() -> Calendar:
    """The calendar vocabulary, loaded once."""
    t = table("calendar")
    direction = t["weekday_direction"]
    months = {**t["months"], **t["month_abbreviations"]}
    relative = [*_phrases("relative_days"), *_phrases("relative_spans")]
    starts = {p[0] for p in [*relative, *_phrases("weekends")]}
    return Calendar(
        months=months,
        month_names=frozenset(t["months"]),
        weekdays=dict(t["weekdays"]),
        abbreviations=frozenset(t["month_abbreviations"]) | frozenset(t["weekday_abbreviations"]),
        relative_days=_phrases("relative_days"),  # type: ignore[arg-type]
        relative_spans=_phrases("relative_spans"),  # type: ignore[arg-type]
        weekends=_phrases("weekends"),  # type: ignore[arg-type]
        weekday_direction={**{w: 1 for w in direction["forward"]}, **{w: -1 for w in direction["backward"]}},
        day_parts=words("calendar", "day_parts"),
        meridiems={w: 720 * (half == "pm") for half, ws in t["meridiems"].items() for w in ws},
        clock_words=dict(t["clock_words"]),
        time_zones={tuple(k.split()): (v["zone"], v.get("offset")) for k, v in t["time_zones"].items()},
        time_bounds={tuple(p.split()): side for side, ps in t["time_bounds"].items() for p in ps},
        approximate_minutes=float(t["clock"]["approximate_minutes"]),
        military_hours=words("calendar", "military_hours"),
        month_prepositions=words("calendar", "month_prepositions"),
        year_prepositions=words("calendar", "year_prepositions"),
        names=frozenset(t["months"]) | frozenset(t["weekdays"]),
        first_words=frozenset(months) | frozenset(t["weekdays"]) | starts | frozenset(t["clock_words"]),
        relative_words=frozenset(p[0] for p in relative if len(p) == 1),
    )
