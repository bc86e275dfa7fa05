"""A fast pre-check: can a sentence hold a quantity or a date at all?

    >>> has_cue("The cat sat on the mat."), has_cue("It took a year and a half.")
    (False, True)

Most sentences of an article hold no number: skipping them before tokenising keeps extraction fast.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.engine.extract.number_words import vocab
from app.engine.lexicon import calendar


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    """Anything a quantity or date could start with: a digit, a number word, a calendar word."""
    v = vocab()
    words = set(v.units) | set(v.tens) | set(v.scales) | set(v.vague) | set(v.multiples) | set(v.fractions)
    words |= {"dozen", "minus", "several", "weekend", "week", "day", "year", "month", "decade", "century"}
    words |= set(calendar().cue_words)  # not "over", "the", "a": they start a date only before "weekend", ...
    alternation = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"\d|[½¼¾⅓⅔]|\b(?:{alternation})\b", re.IGNORECASE)


def has_cue(text: str) -> bool:
    """False when `text` cannot hold a quantity or a date (no digit, number word or calendar word)."""
    return _cue().search(text) is not None
