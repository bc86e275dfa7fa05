"""The one sentence splitter, for text in any script: sentence boundaries inside one line.

    >>> line = "Rain totals reached 3.5 inches, not 5.3 inches. Gov. Ames said 12 roads closed."
    >>> [line[s:e] for s, e in split_sentences(line)]
    ['Rain totals reached 3.5 inches, not 5.3 inches.', 'Gov. Ames said 12 roads closed.']
    >>> line = "洪水淹没了40个村庄。救援人员赶到。"
    >>> [line[s:e] for s, e in split_sentences(line)]
    ['洪水淹没了40个村庄。', '救援人员赶到。']

A sentence ends at . ! ? … (and the closing quotes or brackets after them) when white space and then a
sentence start follow: a letter that is not lower case (a capital of any script, or a letter of a script
without case: Arabic, Devanagari, Chinese), a digit, or an opening quote or bracket. Abbreviations
("Nov.", "U.S.", "Gov."; lexicon/furniture.toml and calendar.toml) end none. The full stops of scripts
without case (。 ！ ？ ؟ ۔ । ॥ ። ။ ។ ...) end a sentence whatever follows. Text with no ending at all
(an unpunctuated feed, a run of emoji) is cut into pieces of at most MAX_SENTENCE_TOKENS tokens, at the
last clause break before the limit where there is one: no sentence grows without bound.
"""

from __future__ import annotations

import re
from functools import cache

from app.engine import lexicon
from app.engine.text.tokens import token_count, token_spans

MAX_SENTENCE_TOKENS = 100  # news sentences stay well under this (the longest in our sets: 65 tokens)

_CLOSERS = "\"'”’»)\\]}」』）"
_OPENERS = "\"'“‘«([{「『（"
# . ! ? … end a sentence before white space and a sentence start; the stops of caseless scripts end one
# before white space or the end of the line; the CJK full-width stops end one where they stand.
_END = re.compile(
    rf"[.!?…‼⁇⁈⁉]+[{_CLOSERS}]*(?=\s)"
    rf"|[؟۔।॥։።፧။។།᙮܀߹]+[{_CLOSERS}]*(?=\s|$)"
    rf"|[。！？．｡]+[{_CLOSERS}]*"
)
_NEEDS_START = frozenset(".!?…‼⁇⁈⁉")
# where an over-long sentence is cut when it can be: after a clause break
_CLAUSE_BREAKS = frozenset((",", ";", ":", "—", "–", "，", "、", "；", "：", "،", "؛"))


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(lexicon.table("furniture")["abbreviations"]) | lexicon.calendar().abbreviations


def split_sentences(line: str) -> list[tuple[int, int]]:
    """Sentence boundaries (start, end) inside one line, white space trimmed; 'Nov.', 'U.S.', 'Gov.' do not
    end one; no sentence is longer than MAX_SENTENCE_TOKENS tokens."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(line):
        if m.group()[0] in _NEEDS_START and not _starts_sentence(line, m.end()):
            continue
        if m.group().startswith(".") and _is_abbreviation(line, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(line)))
    out = []
    for s, e in spans:
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        if e > s:
            out.extend(_capped(line, s, e))
    return out


def _starts_sentence(line: str, i: int) -> bool:
    """After white space at `i`: a capital or caseless letter, a digit, or an opening quote or bracket."""
    while i < len(line) and line[i].isspace():
        i += 1
    if i >= len(line):
        return False
    c = line[i]
    if c in _OPENERS:
        return True
    return c.isdecimal() or (c.isalpha() and not c.islower())


def _is_abbreviation(line: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (line[word_start - 1].isalpha() or line[word_start - 1] == "."):
        word_start -= 1
    word = line[word_start:dot].lower()
    if not word:
        return False
    if word in _abbreviations() or (len(word) == 1 and word.isalpha()):
        return True
    return "." in word  # "U.S", "a.m" inside dotted abbreviations


def _capped(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence line[start:end] cut into pieces of at most MAX_SENTENCE_TOKENS tokens, each after the
    last clause break of its second half when there is one (else at the limit)."""
    if end - start <= MAX_SENTENCE_TOKENS:  # fewer characters than the limit: fewer tokens too
        return [(start, end)]
    if token_count(line, start, end) <= MAX_SENTENCE_TOKENS:
        return [(start, end)]
    toks = token_spans(line, start, end)
    out, i = [], 0
    while len(toks) - i > MAX_SENTENCE_TOKENS:
        limit = i + MAX_SENTENCE_TOKENS
        cut = next((k + 1 for k in range(limit - 1, i + MAX_SENTENCE_TOKENS // 2, -1)
                    if line[toks[k][0] : toks[k][1]] in _CLAUSE_BREAKS), limit)
        out.append((toks[i][0], toks[cut - 1][1]))
        i = cut
    out.append((toks[i][0], end))
    return out
