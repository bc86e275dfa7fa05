"""Word-level tokens of a sentence, with offsets: the input of the number, unit and date grammars.

>>> [t.text for t in tokenize("$7bn, 1,000-kilometer")]
['$', '7', 'bn', ',', '1,000', '-', 'kilometer']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# digits with separators/decimals | a word (letters, inner apostrophes, dotted abbreviations) | one symbol
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*"
    r"|(?:[A-Za-z]\.){2,}"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"
    r"|\S",
)


@dataclass(slots=True)
class Token:
    """One token: its text, lower-cased text, offsets and what it is."""

    text: str
    lower: str
    start: int
    end: int
    kind: str  # "num" | "word" | "sym"
    space_before: bool

    @property
    def is_num(self) -> bool:
        return self.kind == "num"

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split `text` into tokens; offsets are shifted by `offset` (the sentence's start in the article)."""
    tokens: list[Token] = []
    prev_end = -1
    for m in _TOKEN.finditer(text):
        s = m.group()
        first = s[0]
        kind = "num" if first.isdigit() else ("word" if first.isalpha() else "sym")
        tokens.append(Token(s, s.lower(), m.start() + offset, m.end() + offset, kind, m.start() != prev_end))
        prev_end = m.end()
    return tokens


def joined(tokens: list[Token], i: int) -> bool:
    """True when token i touches the token before it (no whitespace): '1,000-kilometer', '7bn'."""
    return 0 < i < len(tokens) and not tokens[i].space_before
