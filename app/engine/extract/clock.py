"""Clock times and elapsed times: "23:47 GMT", "11:47 p.m.", "(1802 GMT)", "shortly before 8 p.m.", "noon";
race times "2:06:23" and match minutes "in the 108th minute".

    >>> from app.engine.text.tokens import tokenize
    >>> t = match_clock(tokenize("landfall at 23:47 GMT on Tuesday"), 2)
    >>> (t.nominal, t.zone, t.utc_offset)
    (1427, 'GMT', 0)
    >>> elapsed_seconds(tokenize("won in 2:06:23"), 2)
    (7583.0, 7)

A clock time is minutes after midnight as stated, in the zone stated (value.zone); a zone with a fixed offset
(lexicon/calendar.toml, time_zones) also gives the time in UTC. An elapsed time is read in seconds.
"""

from __future__ import annotations

from app.engine import lexicon
from app.engine.extract.dates import DateMatch
from app.engine.extract.dates.spans import is_year
from app.engine.text.tokens import Token, joined

_MINUTE_ORDINALS = ("st", "nd", "rd", "th")


def match_clock(tokens: list[Token], i: int) -> DateMatch | None:
    """The clock time at tokens[i] (a number or a word such as "noon"), with a bounding or approximating
    phrase right before it ("shortly after midnight"), or None."""
    read = _clock_word(tokens, i) or _hours_and_minutes(tokens, i)
    if read is None:
        return None
    minutes, end = read
    zone, offset, end = _zone(tokens, end)
    start, qualifier, reach = _time_qualifier(tokens, i)
    low, high = minutes, minutes
    if qualifier == "upper_bound":
        low = None
    elif qualifier == "lower_bound":
        high = None
    elif qualifier == "approximate":
        low, high = minutes - reach, minutes + reach
    return DateMatch(start, end, "time", None, low, high, minutes, qualifier, zone, offset)


def _clock_word(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """'noon', 'midnight', '12 noon'."""
    words = lexicon.calendar().clock_words
    n = len(tokens)
    w = tokens[i].lower
    if w in words:
        return words[w], i + 1
    if w == "12" and i + 1 < n and tokens[i + 1].lower in words:
        return words[tokens[i + 1].lower], i + 2
    return None


def _hours_and_minutes(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """'23:47', '11:47 p.m.', '7.42am', '9 p.m.', '0600 GMT': (minutes after midnight, index after)."""
    n = len(tokens)
    t = tokens[i]
    if not t.is_num:
        return None
    j = i + 1
    if j + 1 < n and tokens[j].text == ":" and joined(tokens, j) and _two_digits(tokens[j + 1]):
        if j + 2 < n and tokens[j + 2].text == ":" and joined(tokens, j + 2):
            return None  # "2:06:23" is an elapsed time
        if not t.text.isdecimal():
            return None
        hour, minute, j, clock = int(t.text), int(tokens[j + 1].text), j + 2, True
    elif "." in t.text and t.text.replace(".", "").isdecimal() and len(t.text.split(".")[1]) == 2:
        hour, minute = int(t.text.split(".")[0]), int(t.text.split(".")[1])  # "7.42am"
        clock = _dotted_clock(tokens, i, j)  # "at 11.52 this morning"
    elif t.text.isdecimal() and len(t.text) == 4:
        return _military(tokens, i)
    elif t.text.isdecimal() and len(t.text) <= 2:
        hour, minute, clock = int(t.text), 0, False
    else:
        return None
    if minute >= 60:
        return None
    meridiem = _meridiem(tokens, j)
    if meridiem is not None:
        added, j = meridiem
        if not 1 <= hour <= 12:
            return None
        return (hour % 12) * 60 + minute + added, j
    if clock and hour <= 24:
        return (hour % 24) * 60 + minute, j
    return None


_DAY_PARTS = frozenset(("morning", "afternoon", "evening", "night", "tonight"))


def _dotted_clock(tokens: list[Token], i: int, j: int) -> bool:
    """'at 11.52 this morning', 'by 9.15 local time': a dotted figure after a clock preposition is a clock
    time when a part of the day or a zone follows it ('closed at 11.52 on Friday' may be a price)."""
    cal = lexicon.calendar()
    if i == 0 or tokens[i - 1].lower not in cal.clock_prepositions:
        return False
    if _zone_at(tokens, j) is not None:
        return True
    for words in cal.relative_days:
        if _DAY_PARTS & set(words) and tuple(t.lower for t in tokens[j : j + len(words)]) == words:
            return True
    return False


def _military(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """'(1802 GMT)', '0600 hours', '0630 local time', '2215 Kyiv time': four digits are a time only with a
    zone in capitals, a zone named '... time' or 'hours' after them; a figure that could be a year is a time
    before '... time' only right after 'at' ('at 2015 local time'; 'in 2015 local time zones were merged',
    'the 2015 Lisbon time trial' are years)."""
    cal = lexicon.calendar()
    text = tokens[i].text
    hour, minute = int(text[:2]), int(text[2:])
    if hour > 23 or minute > 59 or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1]
    if nxt.lower in cal.military_hours:
        return hour * 60 + minute, i + 2
    hit = _zone_at(tokens, i + 1)
    if hit is None:
        return None
    if nxt.text.isupper():
        return hour * 60 + minute, i + 1
    named_time = tokens[hit[1] - 1].lower == "time"
    year = is_year(float(text), text) and not (i > 0 and tokens[i - 1].lower in cal.clock_prepositions)
    return (hour * 60 + minute, i + 1) if named_time and not year else None


def _two_digits(t: Token) -> bool:
    return t.text.isdecimal() and len(t.text) == 2


def _meridiem(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """'a.m.', 'pm', 'P.M.': (minutes added, index after)."""
    cal = lexicon.calendar()
    n = len(tokens)
    if j >= n or tokens[j].lower not in cal.meridiems:
        return None
    end = j + 1
    if tokens[j].lower.endswith(".m") and end < n and tokens[end].text == "." and joined(tokens, end):
        end += 1
    return cal.meridiems[tokens[j].lower], end


def _zone_at(tokens: list[Token], j: int) -> tuple[tuple[str, int | None], int] | None:
    zones = lexicon.calendar().time_zones
    for size in (2, 1):
        key = tuple(t.lower for t in tokens[j : j + size])
        if len(key) == size and key in zones:
            if size == 1 and key != ("local",) and not tokens[j].text.isupper():
                continue  # "et al", "est." in prose: zones are written in capitals
            if key == ("local",):
                continue  # "local" alone is read only with "time" after it
            return zones[key], j + size
    n = len(tokens)
    if j + 1 < n and tokens[j + 1].lower == "time" and tokens[j].is_word and tokens[j].text[0].isupper():
        return (f"{tokens[j].text} time", None), j + 2  # "Kyiv time": the place's clock, offset unknown
    return None


def _zone(tokens: list[Token], j: int) -> tuple[str | None, int | None, int]:
    """The zone after a clock time: (zone as reported, UTC offset in minutes or None, index after).
    'GMT+3' and 'UTC-05:30' carry their offset."""
    hit = _zone_at(tokens, j)
    if hit is None:
        return None, None, j
    (zone, offset), end = hit
    n = len(tokens)
    if (
        offset == 0
        and end + 1 < n
        and tokens[end].text in ("+", "-", "−")
        and joined(tokens, end)
        and tokens[end + 1].text.isdecimal()
        and joined(tokens, end + 1)
    ):
        sign = -1 if tokens[end].text != "+" else 1
        hours, minutes, end = int(tokens[end + 1].text), 0, end + 2
        if end + 1 < n and tokens[end].text == ":" and _two_digits(tokens[end + 1]):
            minutes, end = int(tokens[end + 1].text), end + 2
        offset = sign * (hours * 60 + minutes)
        shown = f"{hours}:{minutes:02d}" if minutes else str(hours)
        zone = f"{zone}{'+' if sign > 0 else '-'}{shown}"
    return zone, offset, end


def _time_qualifier(tokens: list[Token], i: int) -> tuple[int, str, float]:
    """The phrase right before a time that bounds it ('shortly before') or makes it approximate ('around'):
    (its first index, qualifier, reach in minutes)."""
    cal = lexicon.calendar()
    for size in (3, 2, 1):
        key = tuple(t.lower for t in tokens[i - size : i]) if i - size >= 0 else ()
        if key in cal.time_bounds:
            return i - size, cal.time_bounds[key], 0.0
    for size in (4, 3, 2, 1):
        key = tuple(t.lower for t in tokens[i - size : i]) if i - size >= 0 else ()
        q = lexicon.qualifiers().before.get(key)
        if q is not None and q.qualifier == "approximate":
            return i - size, "approximate", cal.approximate_minutes
    return i, "exact", 0.0


def elapsed_seconds(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A race or elapsed time written with colons: '2:06:23' (hours, minutes, seconds), '3:28.8' (minutes
    and seconds with a decimal): (seconds, index after), or None."""
    n = len(tokens)
    parts: list[str] = [tokens[i].text]
    j = i + 1
    while j + 1 < n and tokens[j].text == ":" and joined(tokens, j) and joined(tokens, j + 1):
        if not tokens[j + 1].is_num:
            break
        parts.append(tokens[j + 1].text)
        j += 2
    if not parts[0].isdecimal() or any(len(p.split(".")[0]) != 2 for p in parts[1:]):
        return None
    if len(parts) == 3 and parts[1].isdecimal():
        h, m, s = int(parts[0]), int(parts[1]), _seconds(parts[2])
    elif len(parts) == 2 and "." in parts[1]:
        h, m, s = 0, int(parts[0]), _seconds(parts[1])
    else:
        return None
    if s is None or m >= 60 or s >= 60 or _meridiem(tokens, j) is not None or _zone_at(tokens, j) is not None:
        return None
    return h * 3600 + m * 60 + s, j


_LETTERS = (("h", 3600), ("m", 60), ("s", 1))  # "4h 52m 18s": hours, minutes, seconds, each a letter


def lettered_seconds(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A race time written with unit letters: '4h 52m 18s', '52m 08s' (two parts at least, largest first,
    minutes and seconds under 60): (seconds, index after), or None."""
    total, j, parts = 0.0, i, 0
    for k, (letter, size) in enumerate(_LETTERS):
        if j + 1 >= len(tokens) or not tokens[j].text.isdecimal():
            break
        if tokens[j + 1].lower != letter or not joined(tokens, j + 1):
            if parts == 0 and k < 2:
                continue  # the time may start at its minutes ("52m 08s")
            break
        value = int(tokens[j].text)
        if size < 3600 and value >= 60:
            return None
        total, j, parts = total + value * size, j + 2, parts + 1
    return (total, j) if parts >= 2 else None


def _seconds(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def match_minute(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """'in the 108th minute', 'a 90th-minute winner': the minute of play, an elapsed time (minutes, index
    after the word 'minute')."""
    n = len(tokens)
    if not tokens[i].text.isdecimal() or i + 2 >= n:
        return None
    if tokens[i + 1].lower not in _MINUTE_ORDINALS or not joined(tokens, i + 1):
        return None
    k = i + 2
    if tokens[k].text == "-" and joined(tokens, k) and k + 1 < n:
        k += 1
    if tokens[k].lower != "minute":
        return None
    return float(tokens[i].text), k + 1
