"""The one tokenizer: word, number and symbol tokens with offsets, for every stage.

    >>> [t.text for t in tokenize("$7bn, 1,000-kilometer")]
    ['$', '7', 'bn', ',', '1,000', '-', 'kilometer']
    >>> [t.norm for t in tokenize("Russia’s drones, the U.S. military")]
    ['russia', 'drones', ',', 'the', 'u.s.', 'military']
    >>> [t.norm for t in compounds(tokenize("long-range Tu-95 bombers, 17-year-old"))]
    ['long-range', 'tu-95', 'bombers', ',', '17', '-', 'year-old']

The number grammar reads hyphens as tokens of their own ("1,000-kilometer", "twenty-five"); framing reads
hyphenated compounds as one word (`compounds`). Letters of every script make words; a combining mark
(Devanagari vowel signs, Arabic harakat) stays inside the word it marks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# digits with separators/decimals | dotted abbreviations ("U.S.", "a.m.") | a word (letters of any script,
# inner apostrophes) | one symbol
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*"
    r"|(?:[^\W\d_]\.){2,}"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"
    r"|\S",
)
_HYPHENS = ("-", "‑")


@dataclass(slots=True)
class Token:
    """One token: its text, lower-cased text, offsets, what it is, and its normalised form.

    `norm` is what word lists are compared with: lower case, straight apostrophes, no possessive ("Russia’s"
    -> "russia").
    """

    text: str
    lower: str
    start: int
    end: int
    kind: str  # "num" | "word" | "sym"
    space_before: bool
    norm: str = ""

    @property
    def is_num(self) -> bool:
        return self.kind == "num"

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


def _norm(lower: str) -> str:
    low = lower.replace("’", "'")
    return low[:-2] if low.endswith("'s") else low


def _is_mark(s: str) -> bool:
    return len(s) == 1 and not s.isascii() and unicodedata.category(s).startswith("M")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split `text` into tokens; offsets are shifted by `offset` (the sentence's start in the article)."""
    tokens: list[Token] = []
    prev_end = -1
    ascii_only = text.isascii()
    for m in _TOKEN.finditer(text):
        s = m.group()
        start, end = m.start(), m.end()
        if not ascii_only and tokens and start == prev_end and _joins(tokens[-1], s):
            last = tokens[-1]  # a combining mark, or the letters after one, stay in the word
            last.text += s
            last.lower = last.text.lower()
            last.norm = _norm(last.lower)
            last.end = end + offset
            prev_end = end
            continue
        low = s.lower()
        first = s[0]
        kind = "num" if first.isdecimal() else ("word" if first.isalpha() else "sym")
        norm = low if "'" not in low and "’" not in low else _norm(low)
        tokens.append(Token(s, low, start + offset, end + offset, kind, start != prev_end, norm))
        prev_end = end
    return tokens


def _joins(last: Token, s: str) -> bool:
    """Does `s`, touching the token before it, belong to that word (a mark, or letters after a mark)?"""
    if last.kind != "word":
        return False
    return _is_mark(s) or (s[0].isalpha() and _is_mark(last.text[-1]))


def words(text: str) -> Iterable[str]:
    """The lower-cased word and number tokens of `text`, without building Token objects (long texts)."""
    for m in _TOKEN.finditer(text):
        s = m.group()
        if s[0].isalnum():
            yield s.lower()


def token_count(text: str, start: int = 0, end: int | None = None) -> int:
    """How many tokens text[start:end] holds (no Token objects built)."""
    return len(_TOKEN.findall(text, start, len(text) if end is None else end))


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) offsets of the tokens of text[start:end], offsets into `text`."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def joined(tokens: list[Token], i: int) -> bool:
    """True when token i touches the token before it (no whitespace): '1,000-kilometer', '7bn'."""
    return 0 < i < len(tokens) and not tokens[i].space_before


def _hyphen_joins(hyphen: Token, part: Token) -> bool:
    """'-range' in 'long-range', '-95' in 'Tu-95': a hyphen touching the word before and the part after."""
    return (hyphen.text in _HYPHENS and not hyphen.space_before and not part.space_before
            and (part.is_word or part.text.isdecimal()))


def compounds(tokens: list[Token]) -> list[Token]:
    """Tokens with hyphenated compounds joined into one word: "long-range", "Tu-95", "year-old" (a
    compound starts with a word; the parts touch their hyphens)."""
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        j = i
        while t.is_word and j + 2 < n and _hyphen_joins(tokens[j + 1], tokens[j + 2]):
            j += 2
        if j == i:
            out.append(t)
        else:
            text = "".join(x.text for x in tokens[i : j + 1])
            low = text.lower()
            out.append(Token(text, low, t.start, tokens[j].end, "word", t.space_before, _norm(low)))
        i = j + 1
    return out
