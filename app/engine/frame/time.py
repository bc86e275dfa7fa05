"""When: the time words of a sentence, the one nearest a claim, and the event time settled against the
dates the extractor resolved (calendar.toml is the table both read).

    >>> from datetime import date
    >>> from app.engine.text import read_sentences
    >>> s = read_sentences("Officials said on Sunday that 40 homes burned.")[0]
    >>> time_of(s.clauses, time_words(s.words), 5, date(2025, 6, 2))    # when it was said: an as-of time
    ('2025-06-01', True)
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from app.engine import lexicon as lx
from app.engine.extract.units import match_unit
from app.engine.frame.attribution import says_when
from app.engine.frame.counted import is_number
from app.engine.model import Claim, Frame
from app.engine.text import Token


@cache
def _relative_by_first() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """The calendar's relative days ("last night" -> -1) by their first word."""
    out: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for parts, offset in lx.calendar().relative_days.items():
        out.setdefault(parts[0], []).append((parts, offset))
    return out


TimeWord = tuple[int, str, int | None, bool]  # word index, phrase, day offset (None: a weekday), said


def time_words(words: list[Token]) -> list[TimeWord]:
    """The sentence's weekdays and relative days, once per sentence: (word index, phrase, day offset; None
    for a weekday; whether it tells when something was said, attribution.says_when)."""
    weekdays = lx.calendar().weekdays
    by_first = _relative_by_first()
    hits: list[TimeWord] = []
    low = [t.norm for t in words]
    for i, w in enumerate(low):
        if w in weekdays:
            hits.append((i, w, None, says_when(words, i, i + 1)))
        for parts, offset in by_first.get(w, ()):
            if tuple(low[i : i + len(parts)]) == parts:
                hits.append((i, " ".join(parts), offset, says_when(words, i, i + len(parts))))
    return hits


def time_of(clauses: list[int], hits: list[TimeWord], first: int, published: date | None
            ) -> tuple[str | None, bool]:
    """The time word nearest the claim at word `first` (its own clause first), resolved against the
    publication date if given, and whether it is an as-of time (when the figure was said)."""
    if not hits:
        return None, False
    here = clauses[min(first, len(clauses) - 1)]
    _, word, offset, said = min(hits, key=lambda h: (clauses[h[0]] != here, abs(h[0] - first)))
    if published is None:
        return word, said
    if offset is None:
        back = (published.weekday() - lx.calendar().weekdays[word]) % 7
        return (published - timedelta(days=back)).isoformat(), said
    return (published + timedelta(days=offset)).isoformat(), said


EVENT_DATE_REACH = 8  # words between a figure and a date of its clause that gives its event time


def event_time(claim: Claim, frame: Frame, dates: Sequence[Claim], said: Container[int] = (),
               place_of_word: Callable[[int], tuple[int, int]] | None = None) -> Frame:
    """`frame` with the event time settled: the date the extractor resolved nearest to the claim in its
    clause (`dates`: the date claims of the sentence; "overnight into Saturday"), else the framer's
    own reading (`time_of`); a date claim is no event time of its own. A date in another clause, or far
    from the figure in its own (`place_of_word`: character offset -> (clause, word index)), belongs to
    another event more often than not ("took 41.3% of the vote and will face Brannik in a runoff on April
    27"). A date that tells when something was said (`said`: where such dates start) makes the time an
    as-of time ("the governor said on May 3")."""
    if claim.kind == "date":
        return frame if frame.time is None else replace(frame, time=None, as_of=False)
    near = [d for d in dates if d.value.iso and _close(place_of_word, claim, d)]
    if not near and frame.time is None:  # "the largest march took place on January 19, when unions
        near = [d for d in dates if d.value.iso and d.end <= claim.start]  # claimed 1.1 million"
    if not near:
        return frame
    nearest = min(near, key=lambda d: abs(d.start - claim.start))
    as_of = nearest.start in said
    if frame.time == nearest.value.iso and frame.as_of == as_of:
        return frame
    return replace(frame, time=nearest.value.iso, as_of=as_of)


PAST_DAYS = 365  # a date this long before the publication is of another year's event


PERIOD_WINDOW = "for the "  # how a window of a period reads ("for the year", "for the quarter")


def reported_on(frame: Frame) -> Frame:
    """A year's or a quarter's figure dated by one day: the day is when it was reported ("shares fell on
    Thursday after the chain reported a 12% drop in annual profit"), an as-of time, not the figure's
    period."""
    if (frame.window or "").startswith(PERIOD_WINDOW) and frame.time and len(frame.time) == 10 \
            and not frame.as_of:
        return replace(frame, as_of=True)
    return frame


def _long_before(day: int, published: date | None) -> bool:
    """Is the day (a proleptic ordinal) a year or more before the publication?"""
    return published is not None and day < published.toordinal() - PAST_DAYS


def long_before(date_claim: Claim, published: date | None) -> bool:
    """Is this date a year or more before the publication ("on 1 August 2003")?"""
    high = date_claim.value.high
    return high is not None and _long_before(int(high), published)


def of_another_year(frame: Frame, published: date | None) -> Frame:
    """`frame` made "historical" when its event time ends a year or more before the publication ("the £58
    million paid for Jonas Keel two years ago"): a figure of another year's event."""
    if published is None or not frame.time or frame.as_of or frame.modality != "reported":
        return frame
    try:
        end = date.fromisoformat(frame.time.rpartition("/")[2][:10])
    except ValueError:
        return frame  # a time the framer could not resolve ("sunday" with no publication date)
    return replace(frame, modality="historical") if _long_before(end.toordinal(), published) else frame


# what puts a figure on a date ("reached ... on 1 August 2003"); a date after "since", "after" or "than" is a
# reference point, not the figure's time
_PAST_LINKS = frozenset(("on", "in"))


def of_a_past_date(claim: Claim, frame: Frame, past: Sequence[Claim], figures: Sequence[Claim],
                   words: list[Token], place_of_word: Callable[[int], tuple[int, int]]) -> Frame:
    """`frame` made "historical" when a date long before the publication is the figure's own: close to it
    in its clause, after "on" or "in", and no other figure between them ("the 47.3C reached at Amareleja
    on 1 August 2003": another year's record). `words` are the sentence's."""
    for d in past:
        lo, hi = (claim.end, d.start) if d.start >= claim.end else (d.end, claim.start)
        _, first = place_of_word(d.start)
        linked = first > 0 and words[first - 1].norm in _PAST_LINKS
        between = any(lo <= f.start < hi for f in figures if f is not claim)
        if linked and not between and _close(place_of_word, claim, d):
            return replace(frame, modality="historical", time=d.value.iso, as_of=False)
    return frame


def _close(place_of_word: Callable[[int], tuple[int, int]] | None, claim: Claim, date_claim: Claim) -> bool:
    if place_of_word is None:
        return True
    (clause, word), (other_clause, other_word) = place_of_word(claim.start), place_of_word(date_claim.start)
    return clause == other_clause and abs(word - other_word) <= EVENT_DATE_REACH


_SPANNED = frozenset(("count", "number", "quantity", "money", "percent"))  # figures that build up over time


def _clock_after(words: list[Token], k: int) -> str | None:
    """'at 6 p.m.', 'by 14:00', 'as of noon' at words[k]: the figure is a snapshot of the day, the span up
    to that clock time ("Turnout stood at 54.7% at 6 p.m.")."""
    lead = words[k].norm
    j = k + 2 if lead == "as" and k + 1 < len(words) and words[k + 1].norm == "of" else k + 1
    if lead not in ("at", "by", "as") or j >= len(words) or (lead == "as" and j == k + 1):
        return None
    calendar = lx.calendar()
    if words[j].norm in calendar.clock_words:
        return f"to {words[j].norm}"
    nxt = words[j + 1].norm if j + 1 < len(words) else ""
    if is_number(words[j]) and (nxt in calendar.meridiems or nxt == ":"):
        clock = f"{words[j].norm}:{words[j + 2].norm}" if nxt == ":" and j + 2 < len(words) else \
            f"{words[j].norm} {nxt}"
        return f"to {clock}"
    return None


@cache
def _fillers() -> frozenset[str]:
    qualifying = {w for phrase in lx.qualifiers().before for w in phrase}
    return lx.words("frame", "window", "fillers") | qualifying


@cache
def _phrases(section: str) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The phrases of frame.toml [window.<section>] by their first word, each with what it names: a
    change's base ("bases") or a figure's period ("periods"; its `before` words are read apart)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, phrases in lx.table("frame")["window"][section].items():
        if name == "before":
            continue
        for phrase in phrases:
            words = tuple(phrase.split())
            out.setdefault(words[0], []).append((words, name))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _periods_before() -> dict[str, str]:
    """Word -> period of the words before a sum or a share that name its period ("quarterly revenue")."""
    table = lx.table("frame")["window"]["periods"]["before"]
    return {w: period for period, words in table.items() for w in words}


def _base_at(words: list[Token], k: int) -> str | None:
    """The base of a change a phrase at words[k] names ("from a year earlier" -> "on the year"), or the
    period a phrase names ("for the full year" -> "for the year")."""
    for phrase, base in _phrases("bases").get(words[k].norm, ()):
        if tuple(t.norm for t in words[k : k + len(phrase)]) == phrase:
            return f"on the {base}"
    for phrase, period in _phrases("periods").get(words[k].norm, ()):
        if tuple(t.norm for t in words[k : k + len(phrase)]) == phrase:
            return f"{PERIOD_WINDOW}{period}"
    return None


PERIOD_REACH = 8  # words before a sum or a share its period word is read in ("annual sales were up 5%")


def _period_before(words: list[Token], clauses: list[int], kind: str, first: int) -> str | None:
    """'quarterly revenue grew 8 per cent' -> "for the quarter": a period word before a sum or a share in
    its clause."""
    if kind not in ("money", "percent") or first <= 0:
        return None
    here, periods = clauses[first], _periods_before()
    for k in range(first - 1, max(-1, first - 1 - PERIOD_REACH), -1):
        if clauses[k] != here:
            return None
        if words[k].norm in periods:
            return f"{PERIOD_WINDOW}{periods[words[k].norm]}"
    return None


def window_of(words: list[Token], clauses: list[int], kind: str, after: int,
              first: int | None = None) -> str | None:
    """The span a figure built up over, read after it in its clause: "in just 4.5 hours" -> "4.5 hour",
    "within 24 hours" -> "24 hour", "in a 24-hour period" -> "24 hour"; or the base a change is measured
    against: "up 3.9% from a year earlier" -> "on the year", "0.4% on the month" -> "on the month"; or the
    period it is of: "8% in the quarter", and (`first`: the figure's first word) "quarterly revenue grew
    8%" -> "for the quarter"."""
    if kind not in _SPANNED:
        return None
    after_it = _window_after(words, clauses, kind, after) if after < len(words) else None
    return after_it or (_period_before(words, clauses, kind, first) if first is not None else None)


_AGAINST = frozenset(("against", "versus", "vs"))


def _currency_base(words: list[Token], k: int) -> str | None:
    """'fell 3.2% against the euro': a currency's move is measured against another currency, and a move
    against the dollar is another quantity ("against EUR")."""
    if words[k].norm not in _AGAINST:
        return None
    j = k + 2 if k + 1 < len(words) and words[k + 1].norm == "the" else k + 1
    found = match_unit(words, j, allow_quantulum=False) if j < len(words) else None
    if found is None or found[0].kind != "money":
        return None
    return f"against {found[0].code or found[0].name}"


def _window_after(words: list[Token], clauses: list[int], kind: str, after: int) -> str | None:
    table = lx.table("frame")["window"]
    preps, fillers = lx.words("frame", "window", "prepositions"), _fillers()
    units = lx.words("frame", "window", "units")
    here = clauses[after - 1] if after > 0 else clauses[0]
    if words[after].norm == "(":  # "412 millimetres (16.2 inches) of rain in the 24 hours": past the
        close = next((k for k in range(after + 1, min(after + 8, len(words))) if words[k].norm == ")"), None)
        if close is None or close + 1 >= len(words):  # restatement
            return None
        after, here = close + 1, clauses[close + 1]
    for k in range(after, min(after + table["reach"], len(words))):
        if clauses[k] != here:
            return None
        if k <= after + 1:  # the base follows the figure (or its unit word) right away
            base = _base_at(words, k) or _currency_base(words, k)
            if base:
                return base
        snapshot = _clock_after(words, k)
        if snapshot:
            return snapshot
        if words[k].norm not in preps:
            continue
        j = k + 1
        while j < len(words) and words[j].norm in fillers:
            j += 1
        hyphen = j + 2 < len(words) and words[j + 1].norm in ("-", "‑")  # "a 24-hour period"
        unit = j + 2 if hyphen else j + 1
        if unit < len(words) and is_number(words[j]) and words[unit].norm in units:
            return f"{words[j].norm} {words[unit].norm.rstrip('s')}"
    return None

