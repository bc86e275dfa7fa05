"""The one reader of the engine's data files: TOML tables and plain word lists, each parsed once.

    >>> table("counted")["classes"]["drone"][:2]
    ['drone', 'uav']
    >>> "the" in word_list("stopwords")
    True
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


@cache
def table(name: str) -> dict[str, Any]:
    """The parsed TOML file `lexicon/<name>.toml` (cached; callers must not change it)."""
    with (HERE / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def words(name: str, *keys: str) -> frozenset[str]:
    """A word list inside a table, lower-cased: `words("frame", "places", "kinds")`; a section holding its
    list under `words` may be named alone: `words("frame", "negation")`."""
    found: Any = table(name)
    for key in keys:
        found = found[key]
    if isinstance(found, dict):
        found = found["words"]
    return frozenset(w.lower() for w in found)


@cache
def word_list(name: str) -> frozenset[str]:
    """The plain word list `lexicon/<name>.txt`, lower-cased: words separated by white space, '#' starts a
    comment line."""
    lines = (HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.lower() for line in lines if not line.lstrip().startswith("#") for w in line.split())


def phrase_table(phrases: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    """{label: [phrase, ...]} -> {tuple of lower-cased words: label}, for longest-match lookups."""
    return {tuple(p.lower().split()): label for label, items in phrases.items() for p in items}
