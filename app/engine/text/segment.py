"""Clean-up and segmentation: sentences with offsets into the text as submitted, page furniture marked.

    >>> [s.text for s in segment("Russia fired 653 drones. Kyiv said 585 were downed.")]
    ['Russia fired 653 drones.', 'Kyiv said 585 were downed.']

Nothing is normalised in place: segments are slices of the original text, so offsets never shift
(curly quotes, non-breaking spaces and \\r\\n stay as they are). Lines of page furniture (photo captions,
"Click to Gallery", "Follow ... coverage", copyright lines, tag lists) get `context` "caption" or
"boilerplate"; the patterns are in lexicon/furniture.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.engine import lexicon
from app.engine.model import Segment

_LINE = re.compile(r"[^\r\n]+")
# a sentence ends at . ! ? (and closing quotes/brackets) followed by whitespace and a capital/quote/digit
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]], frozenset[str]]:
    d = lexicon.table("furniture")
    boiler = [re.compile(p, re.IGNORECASE) for p in d["boilerplate"]]
    caption = [re.compile(p, re.IGNORECASE) for p in d["caption"]]
    return boiler, caption, frozenset(d["abbreviations"]) | lexicon.calendar().abbreviations


def line_context(line: str) -> str:
    """'caption', 'boilerplate' or 'body' for one stripped line of an article."""
    boiler, caption, _ = _patterns()
    if any(p.match(line) for p in boiler):
        return "boilerplate"
    if any(p.match(line) for p in caption):
        return "caption"
    if _is_tag_list(line):
        return "boilerplate"
    return "body"


def _is_tag_list(line: str) -> bool:
    """'Volodymyr Zelenskyy, General news, Drones, ...': many short comma-separated items, no verb ending."""
    items = [x.strip() for x in line.split(",")]
    if len(items) < 6 or line.rstrip().endswith((".", "!", "?", '"', "”")):
        return False
    return sum(len(x.split()) <= 4 for x in items) >= 0.8 * len(items)


def segment(text: str) -> list[Segment]:
    """Split `text` into sentences (each inside one line), with offsets and their context."""
    out: list[Segment] = []
    seen_furniture: set[str] = set()
    for line in _LINE.finditer(text):
        raw = line.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        base = line.start() + lead
        context = line_context(stripped)
        if context != "body":
            seen_furniture.add(stripped)
            out.append(Segment(base, base + len(stripped), stripped, context))
            continue
        for start, end in split_sentences(stripped):
            out.append(Segment(base + start, base + end, stripped[start:end], "body"))
    return out


def split_sentences(line: str) -> list[tuple[int, int]]:
    """Sentence boundaries (start, end) inside one line; 'Nov.', 'U.S.', 'Gov.' do not end one."""
    _, _, abbreviations = _patterns()
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(line):
        if m.group().startswith(".") and _is_abbreviation(line, m.start(), abbreviations):
            continue
        end = m.end()
        spans.append((start, end))
        start = end
        while start < len(line) and line[start].isspace():
            start += 1
    if start < len(line):
        spans.append((start, len(line.rstrip())))
    return [(s, e) for s, e in spans if e > s]


def _is_abbreviation(line: str, dot: int, abbreviations: frozenset[str]) -> bool:
    word_start = dot
    while word_start > 0 and (line[word_start - 1].isalpha() or line[word_start - 1] == "."):
        word_start -= 1
    word = line[word_start:dot].lower()
    if not word:
        return False
    if word in abbreviations or (len(word) == 1 and word.isalpha()):
        return True
    return "." in word  # "U.S", "a.m" inside dotted abbreviations
