"""Days and months in words: "May 16", "16 May 2025", "on 1st January", "the 9th of May", "3 Aug. 2027",
"February 2022", "in March", "Sunday", "Thursday the 21st", "next Tuesday", "this weekend".

    >>> from datetime import date
    >>> from app.engine.text.tokens import tokenize
    >>> month_first(tokenize("held on May 9th"), 2, date(2025, 6, 2)).iso
    '2025-05-09'
    >>> day_first(tokenize("signed on the 9th of May"), 2, date(2025, 6, 2)).iso
    '2025-05-09'

A day or month without a year is the occurrence the sentence's tense points to (tense.py: "will take effect
on 1st January" in a December paper is next January); without a cue, a day is the latest one not more than
60 days after publication and a month the latest one begun by the end of the next month (news mostly
reports the past). A weekday without a cue is the one nearest publication.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.engine import lexicon
from app.engine.extract.dates.spans import (
    DateMatch,
    Order,
    add_months,
    is_year_token,
    month_day,
    month_days,
    on_day,
    over,
    pick,
    safe_date,
    unresolved,
)
from app.engine.extract.dates.tense import direction
from app.engine.text.tokens import Token, joined

DAY_AHEAD = timedelta(days=60)  # a day without a year is at most this far after publication (no cue)


def name_head(t: Token) -> bool:
    """A capitalised word that makes the date name before it a name: "Times", "Island", "Agreement"."""
    return t.is_word and t.text[0].isupper() and t.lower in lexicon.calendar().name_heads


def is_month(t: Token) -> bool:
    """A month name, written with a capital: 'May', 'Sept.'."""
    return t.is_word and t.text[0].isupper() and t.norm in lexicon.calendar().months


def _after_abbreviation(tokens: list[Token], j: int) -> int:
    """The index after a month name at j-1 and the dot that ends its abbreviation ('Aug.'; not the full stop
    after 'June')."""
    abbreviated = tokens[j - 1].lower not in lexicon.calendar().month_names
    return j + 1 if abbreviated and j < len(tokens) and tokens[j].text == "." and joined(tokens, j) else j


def day_at(tokens: list[Token], j: int, words: bool = True) -> tuple[int, int, bool] | None:
    """A day of a month at tokens[j]: '9', '9th', '21st', 'first', 'twenty-first': (day, index after,
    written as an ordinal)."""
    cal = lexicon.calendar()
    n = len(tokens)
    if j >= n:
        return None
    t = tokens[j]
    if t.text.isdecimal() and len(t.text) <= 2 and 1 <= int(t.text) <= 31:
        if j + 1 < n and tokens[j + 1].lower in cal.ordinal_suffixes and joined(tokens, j + 1):
            return int(t.text), j + 2, True
        return int(t.text), j + 1, False
    if not words or not t.is_word:
        return None
    if t.lower in cal.day_ordinals:
        if j + 1 < n and tokens[j + 1].text == "-" and joined(tokens, j + 1):
            return None  # "first-time", "second-hand"
        return cal.day_ordinals[t.lower], j + 1, True
    if t.lower in cal.day_ordinal_tens:
        k = j + 2 if j + 2 < n and tokens[j + 1].text == "-" else j + 1
        if k < n and tokens[k].lower in cal.day_ordinals and cal.day_ordinals[tokens[k].lower] < 10:
            return cal.day_ordinal_tens[t.lower] + cal.day_ordinals[tokens[k].lower], k + 1, True
    return None


def _year_after(tokens: list[Token], j: int, published: date | None) -> tuple[int | None, int]:
    """A year after a day or month: '2025', ', 2025', 'of 2025', 'last year': (year or None, index after)."""
    n = len(tokens)
    if j < n and is_year_token(tokens[j]):
        return int(tokens[j].text), j + 1
    if j + 1 < n and tokens[j].text == "," and is_year_token(tokens[j + 1]):
        return int(tokens[j + 1].text), j + 2
    if j + 1 < n and tokens[j].lower == "of" and is_year_token(tokens[j + 1]):
        return int(tokens[j + 1].text), j + 2
    k = j + 1 if j < n and tokens[j].lower == "of" else j
    if published is not None and k + 1 < n and tokens[k + 1].lower == "year":
        shift = {"last": -1, "this": 0, "next": 1}.get(tokens[k].lower)
        if shift is not None:
            return published.year + shift, k + 2
    return None, j


def resolve_day(tokens: list[Token], start: int, end: int, month: int, day: int, year: int | None,
                published: date | None, order: Order | None, last: int | None = None) -> DateMatch:
    """A day of a month (days `day` to `last` of it, for a range), in the year given, else in the one the
    sentence points to."""
    if year is None and published is not None and safe_date(2024, month, day) is not None:
        found = pick(lambda y: _both(safe_date(y, month, day)), published, direction(tokens, start, end),
                     "started", DAY_AHEAD)
        year = found[0].year if found else None
    if year is None and published is None and safe_date(2024, month, day) is not None:
        return month_day(start, end, month, day, last if last and safe_date(2024, month, last) else None,
                         order=order)  # "28 March" in an undated article: a month and a day, no year
    first = safe_date(year, month, day) if year is not None else None
    if first is not None and last is not None:
        final = safe_date(year, month, last)
        if final is not None and final > first:
            return over(start, end, first, final)
    return on_day(start, end, first, order=order)


_DASHES = ("-", "–")
_RANGE_LINKS = ("-", "–", "to", "through", "thru", "until", "till")


def _range_end(tokens: list[Token], j: int, first: int, start: int) -> tuple[int | None, int]:
    """'1-5', '1 to 5', 'between 1 and 5' after the first day of a range: (the last day, index after), or
    (None, j)."""
    n = len(tokens)
    if j + 1 >= n:
        return None, j
    link = tokens[j].lower
    between = start > 0 and tokens[start - 1].lower == "between"
    if link not in _RANGE_LINKS and not (link == "and" and between):
        return None, j
    if link in _DASHES and not (joined(tokens, j) and joined(tokens, j + 1)):
        return None, j
    hit = day_at(tokens, j + 1, words=False)
    if hit is None or hit[0] <= first:
        return None, j
    return hit[0], hit[1]


def _month_run(tokens: list[Token], start: int, end: int, first: int, last: int, published: date | None
               ) -> DateMatch:
    """'July-September', 'July-September quarter', 'Oct-Dec 2025': the months first..last."""
    n = len(tokens)
    if end < n and tokens[end].lower in ("quarter", "period", "months", "season"):
        end += 1
    year, end = _year_after(tokens, end, published)
    count = (last - first) % 12 + 1

    def run(y: int) -> tuple[date, date]:
        ly, lm = add_months(y, first, count - 1)
        return date(y, first, 1), month_days(ly, lm)[1]

    if year is not None:
        return over(start, end, *run(year if last >= first else year - 1))
    if published is None:
        return unresolved(start, end)
    found = pick(run, published, direction(tokens, start, end), "started")
    return over(start, end, *found) if found else unresolved(start, end)


def resolve_month(tokens: list[Token], start: int, end: int, month: int, published: date | None
                  ) -> DateMatch:
    """A month without a year: the one the sentence points to, else the latest begun by the end of the
    month after publication."""
    if published is None:
        return unresolved(start, end)
    ny, nm = add_months(published.year, published.month, 1)
    ahead = month_days(ny, nm)[1] - published
    found = pick(lambda y: month_days(y, month), published, direction(tokens, start, end), "started", ahead)
    return over(start, end, *found) if found else unresolved(start, end)


def _both(d: date | None) -> tuple[date, date] | None:
    return (d, d) if d else None


def month_first(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'May 16', 'May 9th', 'May the 9th', 'June 2, 2025', 'Nov. 18, 2025', 'February 2022', 'March last
    year', 'in March'."""
    cal = lexicon.calendar()
    n = len(tokens)
    month = cal.months[tokens[i].norm]
    j = _after_abbreviation(tokens, i + 1)
    k = j + 1 if j < n and tokens[j].lower == "the" else j
    hit = day_at(tokens, k, words=k > j or tokens[i].lower != "may")
    if hit is not None and (k == j or hit[2]):
        day, end, _ = hit
        last, end = _range_end(tokens, end, day, i)
        year, end = _year_after(tokens, end, published)
        return resolve_day(tokens, i, end, month, day, year, published, "month_day", last)
    if j + 1 < n and tokens[j].text in _DASHES and joined(tokens, j) and is_month(tokens[j + 1]):
        return _month_run(tokens, i, j + 2, month, cal.months[tokens[j + 1].norm], published)
    year, end = _year_after(tokens, j, published)
    if year is not None:
        return over(i, end, *month_days(year, month))
    before = tokens[i - 1].lower if i > 0 else ""
    if before not in cal.month_prepositions and (tokens[i].lower == "may" or len(tokens[i].text) <= 3):
        return None  # "may" the verb, "Mar" alone: not a date without a day, year or "in"/"early"
    if before not in cal.month_prepositions and _name_follows(tokens, j):
        return None  # "June Carter", "April Ryan": a first name
    if before in ("the", "a") and j < n and tokens[j].lower in ("for", "on", "to"):
        return None  # "the March for Life", "the March on Rome": a march
    return resolve_month(tokens, i, j, month, published)


def _name_follows(tokens: list[Token], j: int) -> bool:
    if j >= len(tokens):
        return False
    t = tokens[j]
    return t.is_word and t.text[0].isupper() and t.lower not in lexicon.calendar().first_words


def day_first(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'16 May', '16th May 2025', '1st January', '3 Aug. 2027', 'the 9th of May', 'the first of May',
    'the 21st', 'on the 5th of this month'."""
    cal = lexicon.calendar()
    n = len(tokens)
    start = i
    k = i + 1 if tokens[i].lower == "the" else i
    hit = day_at(tokens, k)
    if hit is None:
        return None
    day, j, ordinal = hit
    if not ordinal and (k > i or not tokens[k].is_num):
        return None  # "the 9", "first" alone
    last, after_range = _range_end(tokens, j, day, i)
    if last is not None and after_range < n and is_month(tokens[after_range]):
        j = after_range  # "1 to 5 October", "24-26 May"
    else:
        last = None
    of = j < n and tokens[j].lower == "of"
    m = j + 1 if of else j
    if m < n and is_month(tokens[m]) and (ordinal or not of):
        if tokens[m].lower == "may" and not (ordinal or of or last) and not _may_is_the_month(tokens, i, m):
            return None  # "Of the 16, May said": the number, then a name
        month = cal.months[tokens[m].norm]
        end = _after_abbreviation(tokens, m + 1)
        year, end = _year_after(tokens, end, published)
        return resolve_day(tokens, start, end, month, day, year, published, "day_month", last)
    if of and m + 1 < n and tokens[m].lower in ("this", "next", "last") and tokens[m + 1].lower == "month":
        return _day_of_relative_month(start, m + 2, day, tokens[m].lower, published)
    if ordinal and k > i and tokens[k].is_num and _bare_day(tokens, i, j):
        return bare_day(tokens, start, j, day, None, published)
    return None


def _may_is_the_month(tokens: list[Token], i: int, m: int) -> bool:
    """'on 16 May', '16 May 2025': a preposition before the day or a year after 'May' make it the month."""
    n = len(tokens)
    before = tokens[i - 1].lower if i > 0 else ""
    after = _after_abbreviation(tokens, m + 1)
    return (
        before in lexicon.calendar().bare_day_prepositions
        or before in lexicon.calendar().month_prepositions
        or (after < n and is_year_token(tokens[after]))
    )


def _day_of_relative_month(start: int, end: int, day: int, which: str, published: date | None) -> DateMatch:
    if published is None:
        return unresolved(start, end)
    y, m = add_months(published.year, published.month, {"this": 0, "next": 1, "last": -1}[which])
    return on_day(start, end, safe_date(y, m, day))


def _bare_day(tokens: list[Token], i: int, j: int) -> bool:
    """'on the 21st', 'by the 5th,': a preposition before, and no noun after ('the 21st century')."""
    before = tokens[i - 1].lower if i > 0 else ""
    if before not in lexicon.calendar().bare_day_prepositions:
        return False
    return j >= len(tokens) or not tokens[j].is_word or tokens[j].lower in _AFTER_A_BARE_DAY


_AFTER_A_BARE_DAY = frozenset({"and", "or", "at", "in", "when", "after", "before", "to", "until", "the"})


def bare_day(tokens: list[Token], start: int, end: int, day: int, weekday: int | None, published: date | None
             ) -> DateMatch:
    """A day without its month: the nearest such day (that falls on `weekday`, when given) of a month
    around publication, in the direction the sentence points to."""
    if published is None:
        return unresolved(start, end)
    way = direction(tokens, start, end)
    found: list[date] = []
    for k in range(-12, 13):
        y, m = add_months(published.year, published.month, k)
        d = safe_date(y, m, day)
        if d is not None and (weekday is None or d.weekday() == weekday):
            found.append(d)
    if way > 0:
        found = [d for d in found if d >= published]
    elif way < 0:
        found = [d for d in found if d <= published]
    if not found:
        return unresolved(start, end)
    return on_day(start, end, min(found, key=lambda d: (abs((d - published).days), d > published)))


def weekday_date(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'Sunday', 'Friday night', 'through Saturday', 'next Tuesday', 'will take place on Sunday';
    'Thursday August 14' / 'Thursday, 14 August' is one date (the weekday belongs to the explicit date
    beside it); 'Thursday the 21st' the 21st that is a Thursday."""
    cal = lexicon.calendar()
    n = len(tokens)
    end = i + 1
    before = tokens[i - 1].lower if i > 0 else ""
    if before == "the" and end < n and tokens[end].is_word and tokens[end].text[0].isupper():
        return None  # "the Sunday Times", "the Monday Club": a name
    if end < n and name_head(tokens[end]):
        return None  # "Sunday Times"
    if end < n and tokens[end].lower in cal.day_parts:
        end += 1
    k = end + 1 if end < n and tokens[end].text == "," else end
    if k < n:
        explicit = None
        if is_month(tokens[k]):
            explicit = month_first(tokens, k, published)
        elif tokens[k].is_num or tokens[k].lower == "the":
            explicit = day_first(tokens, k, published)
            if explicit is None:
                explicit = _weekday_the_nth(tokens, i, k, published)
        if explicit is not None and explicit.low is not None and explicit.low == explicit.high:
            day = _year_of_weekday(date.fromordinal(explicit.low), cal.weekdays[tokens[i].norm],
                                   _year_written(tokens, k, explicit.end))
            return on_day(i, explicit.end, day, order=explicit.order)
    weekday = cal.weekdays[tokens[i].norm]
    if published is None:
        return unresolved(i, end)
    if before == "this":
        monday = published - timedelta(days=published.weekday())
        return on_day(i, end, monday + timedelta(days=weekday))  # "this Friday": of the publication's week
    day = _weekday(weekday, published, direction(tokens, i, end))
    if day == published and before in ("next", "last"):
        day += timedelta(days=7 if before == "next" else -7)  # "next Thursday" in a Thursday paper
    return on_day(i, end, day)


def _year_written(tokens: list[Token], start: int, end: int) -> bool:
    return any(is_year_token(t) or t.lower == "year" for t in tokens[start:end])


def _year_of_weekday(day: date, weekday: int, year_written: bool) -> date:
    """'Sunday June 15' without a year: the year next to the one inferred whose June 15 is a Sunday, when
    the inferred one's is not."""
    if year_written or day.weekday() == weekday:
        return day
    for shift in (-1, 1):
        other = safe_date(day.year + shift, day.month, day.day)
        if other is not None and other.weekday() == weekday:
            return other
    return day


def _weekday_the_nth(tokens: list[Token], i: int, k: int, published: date | None) -> DateMatch | None:
    """'Thursday the 21st', 'Thursday 21st': the 21st of a month around publication that is a Thursday."""
    j = k + 1 if tokens[k].lower == "the" else k
    hit = day_at(tokens, j, words=False)
    if hit is None or not hit[2]:
        return None
    weekday = lexicon.calendar().weekdays[tokens[i].norm]
    return bare_day(tokens, i, hit[1], hit[0], weekday, published)


def _weekday(weekday: int, published: date, way: int) -> date:
    """The day named `weekday` nearest to publication (ties go to the past); `way` 1 ('until Saturday',
    'will take place on Sunday') takes the next such day, -1 ('last Friday', 'said on Monday') the one
    before."""
    back = (published.weekday() - weekday) % 7
    fwd = (weekday - published.weekday()) % 7
    if way > 0 or (way == 0 and fwd < back):
        return published + timedelta(days=fwd)
    return published - timedelta(days=back)


def weekend(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'over the weekend' / 'last weekend': the Saturday and Sunday before publication; 'this weekend': the
    one of the publication's week; 'next weekend': the one after."""
    for key, offset in lexicon.calendar().weekends.items():
        if tuple(t.lower for t in tokens[i : i + len(key)]) == key:
            end = i + len(key)
            if published is None:
                return unresolved(i, end)
            saturday = published + timedelta(days=5 - published.weekday())
            if offset < 0 and saturday > published:
                saturday -= timedelta(days=7)
            saturday += timedelta(days=7 * max(offset, 0))
            return over(i, end, saturday, saturday + timedelta(days=1))
    return None
