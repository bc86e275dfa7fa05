"""Read the engine's data files (app/engine/data/) once: lexicons live there, apart from the code.

JSON, TOML and word lists (one entry per line) are parsed once and cached; `lexicons.py` builds the
comparison lookups on top of these readers.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent


@cache
def load_json(name: str):
    """The parsed JSON data file `name` (cached)."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@cache
def load_toml(name: str) -> dict[str, Any]:
    """The parsed TOML data file `name` (cached)."""
    with (DATA / name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def load_words(name: str, *, per_line: bool = True) -> frozenset[str]:
    """A word list as a lower-cased set (cached); '#' starts a comment line.

    With `per_line` each line is one entry (which may hold spaces); without it, every
    whitespace-separated word is an entry.
    """
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    entries = [line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if per_line:
        return frozenset(entries)
    return frozenset(word for entry in entries for word in entry.split())


def phrase_table(phrases: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    """{label: [phrase, ...]} -> {tuple of lower-cased words: label}, for longest-match lookups."""
    table: dict[tuple[str, ...], str] = {}
    for label, items in phrases.items():
        if label.startswith("_"):
            continue
        for phrase in items:
            table[tuple(phrase.lower().split())] = label
    return table
