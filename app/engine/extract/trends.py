"""Trends: a number stated as a change ("rose 2.1%", "fell by a third") -> up / down.

    >>> from app.engine.text.tokens import tokenize
    >>> trend_before(tokenize("Exports rose 2.1%"), 2, None)
    'up'

The trend words are in lexicon/trends.toml.
"""

from __future__ import annotations

from app.engine.extract.idents import lexicon
from app.engine.text.tokens import Token


def trend_before(
    tokens: list[Token],
    i: int,
    qualifier_start: int | None,
    counted: bool = False,
    money: bool = False,
    ranged: bool = False,
) -> str | None:
    """'rose 2.1%', 'fell by a third', 'grow sales by 35%', 'increase by around 1 percent' -> up / down.

    A qualifier without 'by' makes a bound, not a change ('climbed more than 3%'); a bare 'up'/'down'
    must not close a phrasal verb ('gave up 517 yards'). 'from' opens a change only with the level it
    went to (`ranged`: 'fell from $2,415 to $2,315'); alone it names the level before ('profit of $48
    million, up from $3 million'). A sum right after a verb that gathers it is no change ('raised $12m').
    """
    k = i if qualifier_start is None else qualifier_start
    of_noun = _change_noun_before(tokens, k)
    if of_noun is not None:
        return of_noun
    by = k > 0 and tokens[k - 1].lower == "by"
    if qualifier_start is not None and not by:
        return None
    if not by and k > 1 and tokens[k - 1].lower == "from":
        if not ranged:
            return None  # "up from 50 per cent": the level before, not the change
        k -= 1  # "fell from $2,415 to $2,315", "went up from 2.50 euros to 2.90 euros"
    ends = range(k - 1, max(0, k - 5), -1) if by else (k,)
    for end in ends:
        trend = _trend_word_ending_at(tokens, end)
        if trend is not None:
            if counted and tokens[end - 1].lower in lexicon().actions_on_counts:
                return None  # "cut 1,500 jobs" is an action on the jobs, not a trend
            if money and not by and end == k and tokens[end - 1].lower in lexicon().actions_on_sums:
                return None  # "the startup raised $12m": the sum it gathered
            return trend
    return None


def _trend_word_ending_at(tokens: list[Token], end: int) -> str | None:
    trends = lexicon().trends
    for size in (2, 1):
        if end - size < 0:
            continue
        key = tuple(t.lower for t in tokens[end - size : end])
        if key not in trends:
            continue
        before = tokens[end - size - 1] if end - size >= 1 else None
        bare = key in (("up",), ("down",))
        if bare and before is not None and before.is_word and before.lower not in lexicon().trend_copulas:
            return None  # "gave up 517 yards"; but "closed down 3.4%"
        return trends[key]
    return None


def _change_noun_before(tokens: list[Token], k: int) -> str | None:
    """'a rise of £300,000', 'an increase of 4%': a change noun with 'of' before the number."""
    if k < 3 or tokens[k - 1].lower != "of" or tokens[k - 3].lower not in ("a", "an"):
        return None
    return lexicon().trends.get((tokens[k - 2].lower,))
