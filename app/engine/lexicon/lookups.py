"""Load the lexicons kept as data in app/engine/data/ (TOML), once, as read-only lookups.

    >>> counted_class("bomber jet")
    'aircraft'
"""

from __future__ import annotations

from functools import cache
from typing import Any

from app.engine.lexicon.files import load_toml, load_words


def load(name: str) -> dict[str, Any]:
    """The parsed TOML file `data/<name>.toml` (cached)."""
    return load_toml(f"{name}.toml")


def words(name: str, section: str, key: str = "words") -> frozenset[str]:
    """A word list of a data file as a set of lowercase strings."""
    return _words(name, section, key)


@cache
def _words(name: str, section: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load(name)[section][key])


@cache
def stopwords() -> frozenset[str]:
    """Function words ignored in contexts and key terms (data/stopwords.txt)."""
    return load_words("stopwords.txt", per_line=False)


@cache
def synonyms() -> dict[str, str]:
    """Context word -> the word its group is compared as (data/synonyms.toml)."""
    table: dict[str, str] = {}
    for head, group in load("synonyms")["groups"].items():
        for word in group:
            table.setdefault(word.lower(), head)
    return table


@cache
def counted_classes() -> dict[str, str]:
    """Noun lemma (possibly several words) -> counted class."""
    table: dict[str, str] = {}
    for cls, nouns in load("counted")["classes"].items():
        for noun in nouns:
            table.setdefault(noun.lower(), cls)
    return table


def counted_class(lemma: str) -> str | None:
    """The counted class of a noun lemma, or None when the lexicon does not know it."""
    return counted_classes().get(lemma.lower())


@cache
def irregular_plurals() -> dict[str, str]:
    return {k.lower(): v.lower() for k, v in load("counted")["plurals"].items()}


def lemma(word: str) -> str:
    """Singular lowercase form of an English noun: "drones" -> "drone", "people" -> "person"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    irregular = irregular_plurals()
    if w in irregular:
        return irregular[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@cache
def action_phrases() -> dict[tuple[str, ...], str]:
    """Action phrase as a token tuple -> action class."""
    table: dict[tuple[str, ...], str] = {}
    for cls, phrases in load("actions")["classes"].items():
        for phrase in phrases:
            table.setdefault(tuple(phrase.lower().split()), cls)
    return table


@cache
def _pairs(section: str) -> frozenset[frozenset[str]]:
    return frozenset(frozenset(p) for p in load("actions")[section]["pairs"])


@cache
def _degree_pairs() -> frozenset[frozenset[str]]:
    """Every pair of different degrees of one outcome scale ("damage" and "destroy")."""
    return frozenset(frozenset((a, b)) for scale in load("actions")["degrees"]["scales"]
                     for a in scale for b in scale if a != b)


def actions_compatible(a: str | None, b: str | None) -> bool:
    """True when two action classes can describe one fact (unknown is compatible with anything)."""
    if a is None or b is None or a == b:
        return True
    return frozenset((a, b)) in _pairs("compatible") and frozenset((a, b)) not in _degree_pairs()


def actions_contradict(a: str | None, b: str | None) -> bool:
    """True when giving one figure action `a` in one source and `b` in another is a contradiction: a
    contradictory pair, or two different degrees of one outcome (damaged < destroyed)."""
    if a is None or b is None:
        return False
    pair = frozenset((a, b))
    return pair in _pairs("contradictory") or pair in _degree_pairs()


@cache
def actor_aliases() -> dict[tuple[str, ...], str]:
    """Alias as a token tuple -> actor."""
    table: dict[tuple[str, ...], str] = {}
    for actor, aliases in load("actors")["actors"].items():
        for alias in aliases:
            table.setdefault(tuple(alias.lower().replace("’", "'").split()), actor)
    return table


def capitals() -> frozenset[str]:
    return words("actors", "capitals", "names")
