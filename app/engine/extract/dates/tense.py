"""Which way a recurring date points from publication, read from the sentence's tense and verbs.

    >>> from app.engine.text.tokens import tokenize
    >>> tokens = tokenize("Officials said on Monday that the vote will be held on Sunday.")
    >>> direction(tokens, 3, 4), direction(tokens, 11, 12)
    (-1, 1)

"will take place on Sunday" in a Monday paper is the coming Sunday; "said on Sunday" the one before; a date
with no cue is the one nearest publication (the caller's choice). The cues are data (lexicon/calendar.toml,
[tense]): the nearest one before the date in its clause decides, else the first one after it.
"""

from __future__ import annotations

from app.engine import lexicon
from app.engine.text.tokens import Token


def direction(tokens: list[Token], start: int, end: int) -> int:
    """1 when the sentence puts the date expression tokens[start:end] after publication, -1 before, 0 when
    it does not say."""
    cal = lexicon.calendar()
    word = _word_before(tokens, start)
    if word in cal.weekday_direction and word not in cal.weak_direction:
        return cal.weekday_direction[word]  # "until Saturday", "since Monday", "next Friday"
    return _tense(tokens, start, end) or cal.weekday_direction.get(word, 0)


def _tense(tokens: list[Token], start: int, end: int) -> int:
    """The direction the nearest tense cue of the date's clause gives (0: none)."""
    cal = lexicon.calendar()
    window, far = cal.tense.window_before, max(cal.tense.window_before, cal.tense.future_window_before)
    k = start - 1
    opens = True  # nothing but prepositions between the clause's start and the date
    hung = _word_before(tokens, start) in cal.tense.object_prepositions  # "called a strike for 24 May"
    while k >= 0 and start - k <= far and not _ends_clause(tokens[k]):
        cue = _cue_at(tokens, k)
        if cue and start - k > window:
            return max(cue, 0)  # only a future modal decides from that far
        if cue:
            return 0 if hung and cue < 0 else cue
        opens = opens and tokens[k].lower in _OPENERS
        k -= 1
    if not opens:
        return 0  # "talks resume on Thursday, the ministry said": "said" is the saying's tense
    k = end + 1 if end < len(tokens) and tokens[end].text == "," else end
    while k < min(end + 1 + cal.tense.window_after, len(tokens)) and not _ends_clause(tokens[k]):
        cue = _cue_at(tokens, k)  # "On Sunday, the army will ...": the cue comes after a date that opens
        if cue:
            return cue
        k += 1
    return 0


_OPENERS = frozenset({"on", "at", "in", "by", "from", "the", "early", "late", "mid", "and", "then", "since"})


def _ends_clause(t: Token) -> bool:
    return t.text == "," or t.lower in lexicon.calendar().tense.boundaries


def _word_before(tokens: list[Token], start: int) -> str:
    """The word before a date, past an "on" or "the": "until Saturday", "by the 5th"."""
    k = start - 1
    while k >= 0 and tokens[k].lower in ("on", "the"):
        k -= 1
    return tokens[k].lower if k >= 0 else ""


def _cue_at(tokens: list[Token], k: int) -> int:
    """1, -1 or 0 for the cue ending at tokens[k] (a word, or a phrase of two words ending there)."""
    tense = lexicon.calendar().tense
    t = tokens[k]
    if not t.is_word or t.text[0].isupper() and k > 0:
        return 0  # a name ("United", "Will Smith"), not a verb; the first word of a sentence may be a cue
    if _hyphenated(tokens, k):
        return 0  # "flood-hit province", "Russian-made drones": an adjective, no tense
    pair = (tokens[k - 1].lower, t.lower) if k > 0 else ()
    if pair in tense.future:
        return 1
    if pair in tense.past:
        return -1
    w = t.lower
    if (w,) in tense.future or w.endswith("'ll"):
        return 1
    past = (w,) in tense.past or w.endswith(tense.past_suffix) and len(w) > 4 and w not in tense.not_past
    before = tokens[k - 1].lower if k > 0 else ""
    if not past or before in tense.base_before:
        return 0  # "will hit", "to beat": a base form; the modal before it is the cue
    if w in _AUXILIARIES:
        return -1
    return 0 if before in tense.be else -1  # "will be held", "the delayed vote": participles, no tense


_AUXILIARIES = ("was", "were", "had", "did")


def _hyphenated(tokens: list[Token], k: int) -> bool:
    """Is tokens[k] the second half of a hyphenated compound ("flood-hit"), not after a prefix ("re-")?"""
    if k < 2:
        return False
    dash, first = tokens[k - 1], tokens[k - 2]
    return (dash.text in ("-", "\u2010", "\u2011") and not dash.space_before and not tokens[k].space_before
            and first.is_word and first.lower not in lexicon.calendar().tense.hyphen_prefixes)
