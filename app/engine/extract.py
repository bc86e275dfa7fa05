"""Entry point of extraction: every quantitative claim of one text.

Placeholder implementation (digits followed by a noun); the quantity engine replaces it.
"""

from __future__ import annotations

import re
from datetime import date

from app.engine.claims import frame_claim
from app.engine.model import Claim, Value

_NUMBER_NOUN = re.compile(r"\b(\d[\d,]*(?:\.\d+)?)\s+([A-Za-z]+)")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def extract_claims(text: str, published_at: date | None = None) -> list[Claim]:
    """Return the quantitative claims of `text`, in text order, with offsets into `text`."""
    claims: list[Claim] = []
    for sentence in _SENTENCE.finditer(text):
        for m in _NUMBER_NOUN.finditer(sentence.group()):
            number = float(m.group(1).replace(",", ""))
            start, end = sentence.start() + m.start(), sentence.start() + m.end()
            claim = Claim(
                start=start,
                end=end,
                text=text[start:end],
                kind="count",
                value=Value(nominal=number, low=number, high=number, unit=m.group(2).lower()),
                sentence_start=sentence.start(),
                sentence_end=sentence.end(),
                sentence=sentence.group(),
            )
            claims.append(claim)
    return [_with_frame(c) for c in claims]


def _with_frame(claim: Claim) -> Claim:
    from dataclasses import replace

    return replace(claim, frame=frame_claim(claim))
