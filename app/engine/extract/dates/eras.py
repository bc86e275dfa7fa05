"""Runs of years and seasons: decades ("the 1990s", "the '90s", "the nineties"), centuries ("the 19th
century", "19th-century") and seasons ("last summer", "the summer of 2025", "this winter").

    >>> from datetime import date
    >>> decade_match(1, 3, 1990).iso
    '1990-01-01/1999-12-31'
    >>> from app.engine.text.tokens import tokenize
    >>> season(tokenize("the reservoir ran dry last summer"), 4, date(2025, 10, 1)).iso
    '2025-06-01/2025-08-31'
"""

from __future__ import annotations

from datetime import date, timedelta

from app.engine import lexicon
from app.engine.extract.dates.days import day_at, is_year_token
from app.engine.extract.dates.spans import DateMatch, month_days, over, pick, unresolved
from app.engine.extract.dates.tense import direction
from app.engine.text.tokens import Token, joined


def decade_match(start: int, end: int, year: int) -> DateMatch:
    """'the 1990s': the ten years 1990-1999; 'the 1800s' (a year of hundreds before 2000): the hundred
    years 1800-1899 ('the 2000s' is the decade 2000-2009, as news uses it)."""
    if year % 100 == 0 and year < 2000:
        return over(start, end, date(year, 1, 1), date(year + 99, 12, 31))
    first = year - year % 10
    return over(start, end, date(first, 1, 1), date(first + 9, 12, 31))



def two_digit_decade(start: int, end: int, digits: int, published: date | None) -> DateMatch | None:
    """"the '90s", 'the 90s': the latest such decade begun by publication."""
    if digits % 10:
        return None
    now = (published or date.today()).year
    year = (now // 100) * 100 + digits
    if year > now:
        year -= 100
    return decade_match(start, end, year)


def named_decade(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'the nineties', 'the Eighties'."""
    if i + 1 >= len(tokens) or tokens[i + 1].lower not in lexicon.calendar().decade_words:
        return None
    return two_digit_decade(i, i + 2, lexicon.calendar().decade_words[tokens[i + 1].lower], published)


def century(tokens: list[Token], k: int, start: int) -> DateMatch | None:
    """'the 19th century' (1800-1899), 'the twenty-first century', '19th-century' (tokens[k]: the ordinal)."""
    cal = lexicon.calendar()
    hit = day_at(tokens, k)
    if hit is None or not hit[2]:
        return None
    number, j, _ = hit
    if j < len(tokens) and tokens[j].text == "-" and joined(tokens, j):
        j += 1
    if j >= len(tokens) or tokens[j].lower not in cal.century_words or not 1 <= number <= 21:
        return None
    first = (number - 1) * 100
    return over(start, j + 1, date(max(first, 1), 1, 1), date(first + 99, 12, 31))



def season(tokens: list[Token], i: int, published: date | None) -> DateMatch | None:
    """'last summer', 'this winter', 'next spring', 'summer 2025', 'the summer of 2025', 'in the summer'."""
    cal = lexicon.calendar()
    n = len(tokens)
    w = tokens[i].lower
    k = i + 1 if w in ("this", "last", "next", "the") else i
    if k >= n or tokens[k].lower not in cal.seasons:
        return None
    first_month, last_month = cal.seasons[tokens[k].lower]

    def season(y: int) -> tuple[date, date]:
        ly = y + 1 if last_month < first_month else y
        return date(y, first_month, 1), month_days(ly, last_month)[1]

    end = k + 1
    year = None
    if end < n and is_year_token(tokens[end]) and w != "the":
        year, end = int(tokens[end].text), end + 1
    elif end + 1 < n and tokens[end].lower == "of" and is_year_token(tokens[end + 1]):
        year, end = int(tokens[end + 1].text), end + 2
    if year is not None:
        return over(i, end, *season(year))
    if k == i or tokens[k].lower == "fall" and w == "the":
        return None  # "summer" alone, "the fall": no date
    before = tokens[i - 1].lower if i > 0 else ""
    if w == "the" and before not in ("in", "during", "over", "by", "until", "since", "through", "this"):
        return None
    if published is None:
        return unresolved(i, end)
    if w == "last":
        found = pick(season, published - timedelta(days=1), -1)
        if found and found[1] >= published:
            found = season(found[0].year - 1)  # "last summer" in summer: the one before
    elif w == "next":
        found = pick(season, published + timedelta(days=1), 1)
        if found and found[0] <= published:
            found = season(found[0].year + 1)
    else:
        found = pick(season, published, direction(tokens, i, end) if w == "the" else 0)
    return over(i, end, *found) if found else None
