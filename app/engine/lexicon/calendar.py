"""Calendar words (data: calendar.toml), listed once for every stage that reads them.

    >>> cal = calendar()
    >>> cal.months["sept"], cal.weekdays["sunday"], cal.relative_days[("last", "night")]
    (9, 6, -1)
    >>> cal.relative_spans[("overnight",)]
    'night:0'
    >>> cal.holidays["good friday"].easter, cal.fiscal_start(("bengaluru", "exporter"))
    (-2, 4)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from app.engine.lexicon.load import table, words


@dataclass(frozen=True, slots=True)
class Holiday:
    """A named day: a fixed month and day, the nth weekday of a month (nth -1: the last), or days from
    Easter Sunday; `offset` days after it; `bare`: a one-word name that needs a preposition or a year."""

    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    nth: int | None = None
    easter: int | None = None
    offset: int = 0
    bare: bool = False


@dataclass(frozen=True, slots=True)
class Tense:
    """The cues that point a recurring date forward or back (extract/dates/tense.py)."""

    future: frozenset[tuple[str, ...]]
    past: frozenset[tuple[str, ...]]
    past_suffix: str
    base_before: frozenset[str]  # "will", "to": the verb after one is a base form ("will hit"), no past
    be: frozenset[str]  # a participle right after one of these is no past tense ("is closed", "the delayed")
    not_past: frozenset[str]
    window_before: int
    window_after: int
    boundaries: frozenset[str]
    # a date after one of these is the time of the thing named, not of the verb ("called a strike for 24 May")
    object_prepositions: frozenset[str] = frozenset()
    # a participle hyphenated to a word is an adjective ("flood-hit"), unless to one of these ("re-elected")
    hyphen_prefixes: frozenset[str] = frozenset()
    future_window_before: int = 0  # how far back a future modal still decides (past cues: window_before)


@dataclass(frozen=True, slots=True)
class Calendar:
    """The calendar vocabulary: names, relative phrases (as token tuples) and the words around dates."""

    months: dict[str, int]  # full names and abbreviations -> month number
    month_names: frozenset[str]  # the full names only
    weekdays: dict[str, int]  # full names -> weekday number (Monday 0)
    abbreviations: frozenset[str]  # "nov", "sept", "tue": never the end of a sentence
    relative_days: dict[tuple[str, ...], int]  # ("last", "night") -> -1
    relative_spans: dict[tuple[str, ...], str]  # ("this", "week") -> "week:0"
    anaphoric_days: frozenset[tuple[str, ...]]  # ("the", "next", "day"): counted from the day named before
    weekends: dict[tuple[str, ...], int]  # ("over", "the", "weekend") -> -1
    weekday_direction: dict[str, int]  # "until" -> 1, "last" -> -1
    weak_direction: frozenset[str]  # "by", "before": the tense decides first
    day_parts: frozenset[str]
    meridiems: dict[str, int]  # "p.m." -> 720: minutes a 12-hour clock adds (12 a.m. is midnight)
    clock_words: dict[str, int]  # "noon" -> 720
    time_zones: dict[tuple[str, ...], tuple[str, int | None]]  # ("gmt",) -> ("GMT", 0); ("et",): no offset
    time_bounds: dict[tuple[str, ...], str]  # ("shortly", "before") -> "upper_bound"
    approximate_minutes: float  # the reach of "around 3 p.m."
    military_hours: frozenset[str]
    clock_prepositions: frozenset[str]
    month_prepositions: frozenset[str]
    year_prepositions: frozenset[str]
    day_ordinals: dict[str, int]  # "first" -> 1, "twentieth" -> 20
    day_ordinal_tens: dict[str, int]  # "twenty" -> 20 ("twenty-first")
    ordinal_suffixes: frozenset[str]  # "st", "nd", "rd", "th"
    bare_day_prepositions: frozenset[str]  # "on the 21st"
    tense: Tense
    holidays: dict[str, Holiday]  # "good friday" -> Holiday(easter=-2)
    holiday_prepositions: frozenset[str]
    name_heads: frozenset[str]  # "times": "the Sunday Times" is a newspaper
    quarters: dict[str, int]  # "third" -> 3
    halves: dict[str, int]
    finance_cues: frozenset[tuple[str, ...]]
    sport_cues: frozenset[tuple[str, ...]]
    fiscal_start_month: int
    fiscal_words: frozenset[str]
    fiscal_starts: dict[tuple[str, ...], int]  # ("australia",) -> 7
    period_months: dict[str, int]  # "year" -> 12: "the year to the end of June"
    period_links: frozenset[str]  # "to", "ended", "ending"
    decade_words: dict[str, int]  # "nineties" -> 90
    century_words: frozenset[str]
    seasons: dict[str, tuple[int, int]]  # "summer" -> (6, 8)

    names: frozenset[str]  # month and weekday names written out ("may", "sunday")
    first_words: frozenset[str]  # every word a calendar expression may start with (a fast pre-check)
    cue_words: frozenset[str]  # a word a sentence holding a date has (a faster pre-check, cues.py)
    relative_words: frozenset[str]  # one-word relative days and spans ("today", "overnight")

    def fiscal_start(self, sentence_words: tuple[str, ...]) -> int:
        """The month a fiscal year starts in, for a sentence of these (lower-case) words."""
        for i in range(len(sentence_words)):
            for key, month in self.fiscal_starts.items():
                if sentence_words[i : i + len(key)] == key:
                    return month
        return self.fiscal_start_month


def _phrases(section: str) -> dict[tuple[str, ...], object]:
    return {tuple(k.split()): v for k, v in table("calendar")[section].items()}


def _tuples(items: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.lower().split()) for p in items)


def _tense(t: dict[str, Any]) -> Tense:
    return Tense(
        future=_tuples(t["future"]),
        past=_tuples(t["past"]),
        past_suffix=t["past_suffix"],
        base_before=frozenset(t["base_before"]),
        be=frozenset(t["be"]),
        not_past=frozenset(t["not_past"]),
        window_before=int(t["window_before"]),
        window_after=int(t["window_after"]),
        boundaries=frozenset(t["boundaries"]),
        object_prepositions=frozenset(t.get("object_prepositions", ())),
        hyphen_prefixes=frozenset(t.get("hyphen_prefixes", ())),
        future_window_before=int(t.get("future_window_before", t["window_before"])),
    )


@cache
def calendar() -> Calendar:
    """The calendar vocabulary, loaded once."""
    t = table("calendar")
    direction = t["weekday_direction"]
    months = {**t["months"], **t["month_abbreviations"]}
    relative = [*_phrases("relative_days"), *_phrases("relative_spans")]
    starts = {p[0] for p in [*relative, *_phrases("weekends")]}
    holidays = {name: Holiday(**spec) for name, spec in t["holidays"].items()}
    holiday_starts = {name.split()[0].rstrip(".").replace("'s", "") for name in holidays}
    holiday_ends = {name.split()[-1].replace("'s", "").replace("'", "") for name in holidays}
    ordinals = dict(t["day_ordinals"])
    fiscal = t["fiscal_year"]
    named = frozenset(months) | frozenset(t["weekdays"]) | starts | frozenset(t["clock_words"]) | frozenset(
        t["seasons"])
    first_words = named | holiday_starts | frozenset(ordinals) | frozenset(t["day_ordinal_tens"]) | frozenset(
        t["quarters"]) | frozenset(fiscal["words"]) | {"q", "h", "the", "this", "last", "next"}
    cue_words = (named | holiday_ends | frozenset(t["decade_words"]) | {
        "quarter", "half", "fiscal", "century", "decade", "ago", "fortnight"}) - {"over", "the", "a", "an"}
    return Calendar(
        months=months,
        month_names=frozenset(t["months"]),
        weekdays=dict(t["weekdays"]),
        abbreviations=frozenset(t["month_abbreviations"]) | frozenset(t["weekday_abbreviations"]),
        relative_days=_phrases("relative_days"),  # type: ignore[arg-type]
        relative_spans=_phrases("relative_spans"),  # type: ignore[arg-type]
        anaphoric_days=_tuples(t["anaphoric_days"]["words"]),
        weekends=_phrases("weekends"),  # type: ignore[arg-type]
        weekday_direction={**{w: 1 for w in direction["forward"]}, **{w: -1 for w in direction["backward"]}},
        weak_direction=frozenset(direction["weak"]),
        day_parts=words("calendar", "day_parts"),
        meridiems={w: 720 * (half == "pm") for half, ws in t["meridiems"].items() for w in ws},
        clock_words=dict(t["clock_words"]),
        time_zones={tuple(k.split()): (v["zone"], v.get("offset")) for k, v in t["time_zones"].items()},
        time_bounds={tuple(p.split()): side for side, ps in t["time_bounds"].items() for p in ps},
        approximate_minutes=float(t["clock"]["approximate_minutes"]),
        military_hours=words("calendar", "military_hours"),
        clock_prepositions=words("calendar", "clock_prepositions"),
        month_prepositions=words("calendar", "month_prepositions"),
        year_prepositions=words("calendar", "year_prepositions"),
        day_ordinals=ordinals,
        day_ordinal_tens=dict(t["day_ordinal_tens"]),
        ordinal_suffixes=words("calendar", "ordinal_suffixes"),
        bare_day_prepositions=words("calendar", "bare_day_prepositions"),
        tense=_tense(t["tense"]),
        holidays=holidays,
        holiday_prepositions=words("calendar", "holiday_prepositions"),
        name_heads=words("calendar", "name_heads"),
        quarters=dict(t["quarters"]),
        halves=dict(t["halves"]),
        finance_cues=_tuples(t["period_cues"]["finance"]),
        sport_cues=_tuples(t["period_cues"]["sport"]),
        fiscal_start_month=int(fiscal["start_month"]),
        fiscal_words=frozenset(fiscal["words"]),
        fiscal_starts={tuple(w.split()): int(m) for m, ws in fiscal["starts"].items() for w in ws},
        period_months={k: int(v) for k, v in t["period_to"].items() if k != "links"},
        period_links=frozenset(t["period_to"]["links"]),
        decade_words=dict(t["decade_words"]),
        century_words=words("calendar", "century"),
        seasons={k: (int(v[0]), int(v[1])) for k, v in t["seasons"].items()},
        names=frozenset(t["months"]) | frozenset(t["weekdays"]),
        first_words=first_words,
        cue_words=cue_words,
        relative_words=frozenset(p[0] for p in relative if len(p) == 1),
    )
