"""Read the engine's data files (app/engine/data/) once: lexicons live there, apart from the code."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@cache
def load_json(name: str):
    """The parsed JSON data file `name` (cached)."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@cache
def load_words(name: str) -> frozenset[str]:
    """A word list (one entry per line, '#' comments) as a lower-cased set (cached)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.lstrip().startswith("#"))


def phrase_table(phrases: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    """{label: [phrase, ...]} -> {tuple of lower-cased words: label}, for longest-match lookups."""
    table: dict[tuple[str, ...], str] = {}
    for label, items in phrases.items():
        if label.startswith("_"):
            continue
        for phrase in items:
            table[tuple(phrase.lower().split())] = label
    return table
