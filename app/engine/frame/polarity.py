"""Which way a figure points: up or down (its trend), surplus or deficit, profit or loss.

Two sources giving one figure of one thing opposite readings contradict each other ("a surplus of 1.4%" vs
"a deficit of 1.4%", "shares rose 18%" vs "shares fell 18%"). The side words are data (data/opposites.toml).

    >>> s = "The state ran a budget deficit of 2.5% last year."
    >>> c = Claim(s.index("2.5%"), s.index("2.5%") + 4, "2.5%", "percent", Value(2.5, 2.5, 2.5), 0, len(s), s)
    >>> polarity(c)
    ('balance', '-')
"""

from __future__ import annotations

from functools import cache

from app.engine import lexicon as lx
from app.engine.model import Claim, Value  # noqa: F401  (Value: used by the doctest)
from app.engine.text.words import clause_ids, tokenize


@cache
def _sides() -> dict[tuple[str, ...], tuple[str, str]]:
    """Side phrase as a token tuple -> (scale, "+" or "-")."""
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for scale, sides in lx.table("opposites")["scales"].items():
        for sign, phrases in sides.items():
            for phrase in phrases:
                table[tuple(phrase.lower().split())] = (scale, sign)
    return table


def polarity(claim: Claim) -> tuple[str, str] | None:
    """(scale, side) of a figure: ("trend", "up") for a rise, ("balance", "-") for a deficit; None if none."""
    if claim.trend:
        return ("trend", claim.trend)
    toks = tokenize(claim.sentence)
    s, e = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    first = next((i for i, t in enumerate(toks) if t.end > s), len(toks))
    last = next((i for i, t in enumerate(toks) if t.start >= e), len(toks))
    if first >= len(toks):
        return None
    clauses = clause_ids(toks)
    reach = lx.table("opposites")["window"]["tokens"]
    table = _sides()
    found = []
    for i in range(max(0, first - reach), min(len(toks), last + reach)):
        if clauses[i] != clauses[first] or first <= i < last:
            continue
        for n in (2, 1):
            hit = table.get(tuple(t.low for t in toks[i : i + n]))
            if hit:
                found.append((abs(i - first), hit))
                break
    return min(found)[1] if found else None


def opposite(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """True when two readings lie on one scale and point opposite ways."""
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1]
