"""A text cut into Sentences: each read once, its tokens computed once, for every stage that needs them.

    >>> [s.text for s in read_sentences("Russia fired 653 drones. Kyiv said 585 were downed.")]
    ['Russia fired 653 drones.', 'Kyiv said 585 were downed.']
    >>> s = read_sentences("Crews cleared long-range debris.")[0]
    >>> [t.text for t in s.tokens][3:6], [t.norm for t in s.words][2:3]
    (['-', 'range', 'debris'], ['long-range'])

Nothing is normalised in place: sentences are slices of the original text, so offsets never shift
(curly quotes, non-breaking spaces and \\r\\n stay as they are). Lines of page furniture are one
Sentence each, with `context` "caption" or "boilerplate" (furniture.py).
"""

from __future__ import annotations

import re

from app.engine import lexicon
from app.engine.model import Context, Segment
from app.engine.text.furniture import line_context
from app.engine.text.split import split_sentences
from app.engine.text.tokens import Token, compounds, tokenize

_LINE = re.compile(r"[^\r\n]+")


class Sentence:
    """One sentence of a text, with offsets into the text; its tokens are computed once, when first read.

    `tokens` (offsets into the whole text) are what the number grammar reads; `words` are the same tokens
    with hyphenated compounds joined ("long-range"), what framing reads; `clauses` numbers the clause
    (split at , ; : dashes and brackets) of each word.
    """

    __slots__ = ("start", "end", "text", "context", "_tokens", "_words", "_clauses")

    def __init__(self, start: int, text: str, context: Context = "body") -> None:
        self.start = start
        self.end = start + len(text)
        self.text = text
        self.context: Context = context
        self._tokens: list[Token] | None = None
        self._words: list[Token] | None = None
        self._clauses: list[int] | None = None

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = tokenize(self.text, self.start)
        return self._tokens

    @property
    def words(self) -> list[Token]:
        if self._words is None:
            self._words = compounds(self.tokens)
        return self._words

    @property
    def clauses(self) -> list[int]:
        if self._clauses is None:
            self._clauses = clause_ids(self.words)
        return self._clauses

    @property
    def segment(self) -> Segment:
        return Segment(self.start, self.end, self.text, self.context)


def clause_ids(toks: list[Token]) -> list[int]:
    """Clause number of each token (clauses split at , ; : — and parentheses)."""
    punct = lexicon.words("frame", "clauses", "punctuation")
    adverbs = lexicon.words("frame", "clauses", "adverbs")
    ids, n = [], 0
    for i, t in enumerate(toks):
        if t.norm in punct and not _around_adverb(toks, i, adverbs):
            n += 1
        ids.append(n)
    return ids


def _around_adverb(toks: list[Token], i: int, adverbs: frozenset[str]) -> bool:
    """Is the comma at `i` one of the two around a sentence adverb (", however,")?"""
    if toks[i].norm != ",":
        return False
    after = i + 2 < len(toks) and toks[i + 1].norm in adverbs and toks[i + 2].norm == ","
    before = i >= 2 and toks[i - 1].norm in adverbs and toks[i - 2].norm == ","
    return after or before


def read_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences (each inside one line), with offsets and their context."""
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        raw = line.group()
        stripped = raw.strip()
        if not stripped:
            continue
        base = line.start() + len(raw) - len(raw.lstrip())
        context = line_context(stripped)
        if context != "body":
            out.append(Sentence(base, stripped, context))
            continue
        for start, end in split_sentences(stripped):
            out.append(Sentence(base + start, stripped[start:end]))
    return out


def segment(text: str) -> list[Segment]:
    """The sentences of `text` as plain Segments (offsets, text, context)."""
    return [s.segment for s in read_sentences(text)]
