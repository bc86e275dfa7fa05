"""According to whom, and whether the count is negated.

    >>> from app.engine.text import read_sentences
    >>> attribution_of(read_sentences("Russia fired 472 drones, the U.S. military said.")[0].words)
    'the u.s. military'

Word lists: lexicon/frame.toml ([attribution], [negation]).
"""

from __future__ import annotations

from functools import cache

from app.engine import lexicon as lx
from app.engine.text import Token

_RUN = 6  # words of a source name read at most


def attribution_of(words: list[Token]) -> str | None:
    """Who says so, once per sentence: "according to local officials", "the air force said", "said the
    governor"."""
    verbs = lx.words("frame", "attribution", "verbs")
    punct = lx.words("frame", "clauses", "punctuation") | {".", "“", "”", '"'}
    for i, t in enumerate(words):
        if t.norm not in verbs:
            continue
        if t.norm == "according" and i + 1 < len(words) and words[i + 1].norm == "to":
            found = _run(words, i + 2, 1, punct)
        else:
            found = _run(words, i - 1, -1, punct)
            if not found or found[-1] in ("that", "it", "he", "she", "they"):
                found = _run(words, i + 1, 1, punct)
        found = [w for w in found if w != "that"]
        if found:
            return " ".join(found)
    return None


def _run(words: list[Token], i: int, step: int, punct: frozenset[str]) -> list[str]:
    out: list[str] = []
    while 0 <= i < len(words) and words[i].norm not in punct and len(out) < _RUN:
        out.append(words[i].lower.replace("’", "'"))
        i += step
    return out if step > 0 else out[::-1]


@cache
def _negations() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.split()) for p in lx.words("frame", "negation"))


def negated(words: list[Token], first: int) -> bool:
    """True when a negation or an exception ("all but two regions") comes within three words before the
    count."""
    before = tuple(t.norm for t in words[max(0, first - 3) : first])
    phrases = _negations()
    return any(before[i:j] in phrases for i in range(len(before)) for j in range(i + 1, len(before) + 1))


def says_when(words: list[Token], first: int) -> bool:
    """True when the date at word `first` tells when something was said ("officials said Friday"): it is
    no fact of the story."""
    k = first - 1
    if k >= 0 and words[k].norm == ",":
        k -= 1
    return k >= 0 and words[k].norm in lx.words("frame", "attribution", "verbs")
