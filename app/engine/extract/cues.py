"""A fast pre-check: can a sentence hold a quantity or a date at all?

    >>> has_cue("The cat sat on the mat."), has_cue("It took a year and a half.")
    (False, True)

Most sentences of an article hold no number: skipping them before tokenising keeps extraction fast.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.engine.extract.number_words import vocab
from app.engine.extract.units import tables
from app.engine.lexicon import calendar


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Words a quantity or date could start with: number words and calendar words."""
    v = vocab()
    words = set(v.units) | set(v.tens) | set(v.scales) | set(v.vague) | set(v.multiples) | set(v.fractions)
    words |= {"dozen", "minus", "several", "weekend", "week", "day", "year", "month", "decade", "century"}
    words |= set(calendar().cue_words)  # not "over", "the", "a": they start a date only before "weekend", ...
    # a duration's unit after a bound and "a" is a figure: "more than an hour"
    words |= {key[0] for key, unit in tables().words.items() if unit.kind == "duration" and len(key) == 1}
    return frozenset(w.lower() for w in words)


_FIGURE = re.compile(r"[\d½¼¾⅓⅔]")
_WORD = re.compile(r"[^\W\d_]+")


def has_cue(text: str) -> bool:
    """False when `text` cannot hold a quantity or a date (no digit, number word or calendar word)."""
    if _FIGURE.search(text):
        return True
    cues = _cue_words()
    return any(w in cues for w in _WORD.findall(text.lower()))
