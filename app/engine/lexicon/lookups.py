"""Lookups built once on the lexicons: counted classes, actions, actors, synonyms, stop words.

    >>> counted_class("bomber jet")
    'aircraft'
    >>> actions_contradict("launch", "intercept"), actions_compatible("damage", "strike")
    (True, True)
"""

from __future__ import annotations

from functools import cache

from app.engine.lexicon.calendar import calendar
from app.engine.lexicon.load import table, word_list, words


@cache
def stopwords() -> frozenset[str]:
    """Function words ignored in contexts and key terms (stopwords.txt, and the month and weekday names)."""
    return word_list("stopwords") | calendar().names


@cache
def synonyms() -> dict[str, str]:
    """Context word -> the word its group is compared as (synonyms.toml)."""
    out: dict[str, str] = {}
    for head, group in table("synonyms")["groups"].items():
        for word in group:
            out.setdefault(word.lower(), head)
    return out


@cache
def counted_classes() -> dict[str, str]:
    """Noun lemma (possibly several words) -> counted class (counted.toml)."""
    out: dict[str, str] = {}
    for cls, nouns in table("counted")["classes"].items():
        for noun in nouns:
            out.setdefault(noun.lower(), cls)
    return out


def counted_class(lemma: str) -> str | None:
    """The counted class of a noun lemma, or None when the lexicon does not know it."""
    return counted_classes().get(lemma.lower())


@cache
def action_phrases() -> dict[tuple[str, ...], str]:
    """Action phrase as a token tuple -> action class (actions.toml)."""
    out: dict[tuple[str, ...], str] = {}
    for cls, phrases in table("actions")["classes"].items():
        for phrase in phrases:
            out.setdefault(tuple(phrase.lower().split()), cls)
    return out


@cache
def _pairs(section: str) -> frozenset[frozenset[str]]:
    return frozenset(frozenset(p) for p in table("actions")[section]["pairs"])


@cache
def _degree_pairs() -> frozenset[frozenset[str]]:
    """Every pair of different degrees of one outcome scale ("damage" and "destroy")."""
    return frozenset(frozenset((a, b)) for scale in table("actions")["degrees"]["scales"]
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
    """Alias as a token tuple -> actor (actors.toml)."""
    out: dict[tuple[str, ...], str] = {}
    for actor, aliases in table("actors")["actors"].items():
        for alias in aliases:
            out.setdefault(tuple(alias.lower().replace("’", "'").split()), actor)
    return out


def capitals() -> frozenset[str]:
    """Actor names that are cities: places too ("in Kyiv")."""
    return words("actors", "capitals", "names")
