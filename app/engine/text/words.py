"""Word tokens with offsets and clause numbers, shared by claim framing and alignment.

    >>> [t.low for t in tokenize("Russia's drones, 472 of them")]
    ['russia', 'drones', ',', '472', 'of', 'them']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.engine import lexicon as lx

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.]*(?<![.])(?:-[A-Za-z0-9]+)*|\S")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    low: str  # lowercase, straight apostrophe, possessive removed


def tokenize(text: str) -> list[Token]:
    """Word, number and punctuation tokens of `text`, with offsets."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    """Cached: every claim of a sentence tokenizes that sentence."""
    out = []
    for m in _TOKEN.finditer(text):
        low = m.group().lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        out.append(Token(m.group(), m.start(), m.end(), low))
    return tuple(out)


def clause_ids(toks: list[Token]) -> list[int]:
    """Clause number of each token (clauses split at , ; : — and parentheses)."""
    punct = lx.words("frame", "clauses", "punctuation")
    ids, n = [], 0
    for t in toks:
        if t.low in punct:
            n += 1
        ids.append(n)
    return ids
