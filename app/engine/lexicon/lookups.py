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


def _by_member(groups: dict[str, list[str]], key=str.lower) -> dict:
    """{label: [member, ...]} -> {key(member): label}; a member listed twice keeps its first label."""
    out: dict = {}
    for label, members in groups.items():
        for member in members:
            out.setdefault(key(member), label)
    return out


def _words_of(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().replace("’", "'").split())


@cache
def synonyms() -> dict[str, str]:
    """Context word -> the word its group is compared as (synonyms.toml)."""
    return _by_member(table("synonyms")["groups"])


@cache
def measures() -> dict[str, str]:
    """Measured noun -> the word its group is compared as (frame.toml [measure.same]: "voter" -> "vote")."""
    return _by_member(table("frame")["measure"]["same"])


@cache
def counted_classes() -> dict[str, str]:
    """Noun lemma (possibly several words) -> counted class (counted.toml)."""
    return _by_member(table("counted")["classes"])


def people_classes() -> frozenset[str]:
    """The counted classes that count people (counted.toml [people])."""
    return words("counted", "people", "classes")


def counted_class(lemma: str) -> str | None:
    """The counted class of a noun lemma, or None when the lexicon does not know it."""
    return counted_classes().get(lemma.lower())


@cache
def action_phrases() -> dict[tuple[str, ...], str]:
    """Action phrase as a token tuple -> action class (actions.toml)."""
    return _by_member(table("actions")["classes"], _words_of)


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
    return _by_member(table("actors")["actors"], _words_of)


def capitals() -> frozenset[str]:
    """Actor names that are cities: places too ("in Kyiv")."""
    return words("actors", "capitals", "names")


def state_of(action: str | None) -> str | None:
    """The outcome whose people an action class is a state of ("critical" -> "wound"), or None."""
    return table("actions")["states"].get(action) if action else None


@cache
def outcomes() -> dict[str, str]:
    """Noun lemma that counts people by what happened to them -> its action class ("death" -> "kill")."""
    found: dict[str, str] = {}
    for action, nouns in table("counted")["outcomes"].items():
        for noun in nouns:
            found.setdefault(noun.lower(), action)
    return found
