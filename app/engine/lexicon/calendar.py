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
    time_suffixes: frozenset[str]
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
        time_suffixes=words("calendar", "time_suffixes"),
        month_prepositions=words("calendar", "month_prepositions"),
        year_prepositions=words("calendar", "year_prepositions"),
        names=frozenset(t["months"]) | frozenset(t["weekdays"]),
        first_words=frozenset(months) | frozenset(t["weekdays"]) | starts,
        relative_words=frozenset(p[0] for p in relative if len(p) == 1),
    )
