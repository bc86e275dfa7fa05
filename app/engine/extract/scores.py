"""A match's score: "Northbridge beat Holloway 3-1", "a 2-2 draw", "won 24-17 on aggregate".

    >>> from app.engine.text.tokens import tokenize
    >>> q = read_score(tokenize("Northbridge beat Holloway 3-1 on Saturday."), 3)
    >>> (q.number.low, q.number.high, q.scale)
    (1.0, 3.0, 'score')

A score is read on its own scale (Quantity.scale "score"; "score on penalties" and "score on aggregate" are
others), its value the two goals in order of size (a 1-3 defeat is a 3-1 win told from the other side).
Word lists: lexicon/compounds.toml [scores].
"""

from __future__ import annotations

from functools import cache
from typing import Any

from app.engine.extract.numbers import NumberMatch
from app.engine.extract.quantity import Quantity
from app.engine.lexicon import table
from app.engine.text.tokens import Token, joined

_DASHES = frozenset(("-", "–", "—"))
SCORE_BASE = 1000  # a score's comparable value: the larger tally times this plus the smaller ("3-1": 3001)


@cache
def _table() -> dict[str, Any]:
    t = table("compounds")["scores"]
    return {**t, **{k: frozenset(t[k]) for k in ("before", "after", "interim", "kinds")}}


def read_score(tokens: list[Token], i: int) -> Quantity | None:
    """The score that starts at tokens[i] ("3-1"), when a word of a match stands by it, or None; a score
    at half-time is none of the match's."""
    t = _table()
    n = len(tokens)
    if i + 2 >= n or tokens[i + 1].text not in _DASHES:
        return None
    if not (joined(tokens, i + 1) and joined(tokens, i + 2)):
        return None
    a, b = _goals(tokens[i], t["most"]), _goals(tokens[i + 2], t["most"])
    if a is None or b is None:
        return None
    if any(_pair_at(tokens, k) for k in (i - 4, i - 3, i + 3, i + 4)):
        return None  # "6-4, 3-6, 7-6": a tennis match's sets, each a score of its own set
    before = {w.lower for w in tokens[max(0, i - t["reach"]) : i]}
    after = [w.lower for w in tokens[i + 3 : i + 6]]
    if not (before & t["before"] or after[:1] and after[0] in t["after"]):
        return None
    if set(after[:3]) & t["interim"]:
        return None  # "led 1-0 at half-time"
    kind = next((w for w in after[:3] if w in t["kinds"]), None)
    scale = "score" if kind is None else f"score on {'penalties' if kind == 'shootout' else kind}"
    low, high = sorted((a, b))
    number = NumberMatch(i, i + 3, None, low, high, "exact")  # an exact figure of two tallies
    return Quantity(i, i + 3, "number", number=number, scale=scale)


def is_score(q: Quantity) -> bool:
    """Is this quantity a match's score (read by `read_score`)?"""
    return q.scale is not None and q.scale.startswith("score")


def _pair_at(tokens: list[Token], k: int) -> bool:
    """Two figures joined by a dash at tokens[k:k + 3] ("3-6")."""
    return k >= 0 and k + 2 < len(tokens) and tokens[k].text.isdecimal() and tokens[k + 1].text in _DASHES \
        and tokens[k + 2].text.isdecimal() and joined(tokens, k + 1) and joined(tokens, k + 2)


def _goals(token: Token, most: int) -> float | None:
    if not token.text.isdecimal() or len(token.text) > 3:
        return None
    value = int(token.text)
    return float(value) if value <= most else None
