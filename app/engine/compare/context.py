"""The context of a claim for alignment: its sentence with numbers masked, the content words around it, and
how alike two such contexts are (rapidfuzz on the sentences, overlap of the nearby words).

    >>> mask("Russia fired 472 drones.")
    'russia fired # drones'
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from app.engine import lexicon as lx
from app.engine.compare.items import AlignItem
from app.engine.frame.counted import number_words
from app.engine.model import Claim
from app.engine.text import Token, compounds, lemma, tokenize

WINDOW = 8  # tokens either side of a claim that make its local context
_NUMBERISH = re.compile(r"\d[\d,.]*")


@lru_cache(maxsize=256)
def _words(sentence: str) -> tuple[Token, ...]:
    """The words of a claim's sentence as framing reads them (a sentence's claims share one reading)."""
    return tuple(compounds(tokenize(sentence)))


def mask(text: str) -> str:
    """Lowercase `text` with numbers and number words replaced, so similarity never rests on the value."""
    numbers = number_words()
    out = []
    for tok in _words(text):
        if _NUMBERISH.match(tok.norm) or tok.norm in numbers:
            out.append("#")
        elif tok.norm[0].isalnum():
            out.append(tok.norm)
    return " ".join(out)


def window_words(claim: Claim) -> frozenset[str]:
    """Content words (lemmas) within WINDOW tokens of the claim, the claim's own number words excluded."""
    toks = _words(claim.sentence)
    s, e = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    first = next((i for i, t in enumerate(toks) if t.end > s), len(toks))
    last = next((i for i, t in enumerate(toks) if t.start >= e), len(toks))
    stop, numbers = lx.stopwords(), number_words()
    near = toks[max(0, first - WINDOW) : first] + toks[first:last] + toks[last : last + WINDOW]
    same = lx.synonyms()
    return frozenset(
        same.get(t.norm, same.get(lemma(t.norm), lemma(t.norm)))
        for t in near
        if t.norm[0].isalpha() and t.norm not in stop and t.norm not in numbers and len(t.norm) > 2
    )


def context_similarity(a: AlignItem, b: AlignItem) -> float:
    """0..1: how alike the two sentences and the words around the two claims are."""
    sentence = fuzz.token_set_ratio(a.context, b.context) / 100.0
    union = a.window | b.window
    local = len(a.window & b.window) / len(union) if union else 0.0
    return 0.5 * sentence + 0.5 * local


def role_words(claim: Claim, limit: int = 6) -> frozenset[str]:
    """Content words (lemmas) right after the claim, up to the next figure, clause break or "and": what the
    figure is for ("€7bn for public spending and €2bn in tax cuts" -> spending, not tax cuts)."""
    toks = _words(claim.sentence)
    e = claim.end - claim.sentence_start
    last = next((i for i, t in enumerate(toks) if t.start >= e), len(toks))
    stop, numbers = lx.stopwords(), number_words()
    ends = lx.words("frame", "clauses", "punctuation") | {".", "and", "while", "but"}
    out: list[str] = []
    for t in toks[last : last + limit]:
        if t.norm in ends or _NUMBERISH.match(t.norm):
            break
        if t.norm[0].isalpha() and t.norm not in stop and t.norm not in numbers and len(t.norm) > 2:
            out.append(lemma(t.norm))
    return frozenset(out)
