"""Which way a figure points: up or down (its trend), surplus or deficit, profit or loss.

Two sources giving one figure of one thing opposite readings contradict each other ("a surplus of 1.4%" vs
"a deficit of 1.4%", "shares rose 18%" vs "shares fell 18%"). The side words are data
(lexicon/opposites.toml); a word in the figure's clause, a few words either side, sets the side.

    >>> from app.engine.text import read_sentences
    >>> s = read_sentences("The state ran a budget deficit of 2.5% last year.")[0]
    >>> polarity_of(s.words, s.clauses, 7, 8)
    ('balance', '-')
"""

from __future__ import annotations

from functools import cache

from app.engine import lexicon as lx
from app.engine.text import Token


@cache
def _sides() -> dict[tuple[str, ...], tuple[str, str]]:
    """Side phrase as a word tuple -> (scale, "+" or "-")."""
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for scale, sides in lx.table("opposites")["scales"].items():
        for sign, phrases in sides.items():
            for phrase in phrases:
                out[tuple(phrase.lower().split())] = (scale, sign)
    return out


@cache
def _side_starts() -> frozenset[str]:
    """The first word of every side phrase: a word that starts none is passed over."""
    return frozenset(phrase[0] for phrase in _sides())


def polarity_of(words: list[Token], clauses: list[int], first: int, last: int, trend: str | None = None
                ) -> tuple[str, str] | None:
    """(scale, side) of the figure at words[first:last]: ("trend", "up") for a rise, ("balance", "-") for a
    deficit; None if none."""
    if trend:
        return ("trend", trend)
    if first >= len(words):
        return None
    reach = lx.table("opposites")["window"]["tokens"]
    table, starts = _sides(), _side_starts()
    found = []
    for i in range(max(0, first - reach), min(len(words), last + reach)):
        if words[i].norm not in starts or clauses[i] != clauses[first] or first <= i < last:
            continue
        for n in (2, 1):
            hit = table.get(tuple(t.norm for t in words[i : i + n]))
            if hit:
                found.append((abs(i - first), hit))
                break
    return min(found)[1] if found else None


def opposite(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """True when two readings lie on one scale and point opposite ways."""
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1]
