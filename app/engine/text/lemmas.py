"""The one lemmatizer: the singular, lower-case form of an English noun (data: lexicon/lemmas.toml).

    >>> [lemma(w) for w in ("drones", "casualties", "lives", "fishermen", "people", "Russia's", "buses")]
    ['drone', 'casualty', 'life', 'fisherman', 'people', 'russia', 'bus']
    >>> is_plural("people"), is_plural("bus"), looks_plural("bus")
    (True, False, True)

Suffix rules and a table of irregular plurals: fast (a dictionary look-up and a few string tests) and
predictable. `people` stays `people` (the unit name NewsQuant annotates; counted.toml counts it as persons).
"""

from __future__ import annotations

from functools import cache

from app.engine import lexicon


@cache
def _irregular() -> dict[str, str]:
    return {k.lower(): v.lower() for k, v in lexicon.table("lemmas")["irregular"].items()}


def lemma(word: str) -> str:
    """'drones' -> 'drone', 'casualties' -> 'casualty', 'fishermen' -> 'fisherman', 'people' -> 'people'."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    irregular = _irregular()
    if w in irregular:
        return irregular[w]
    if w.endswith("men") and len(w) > 4 and w not in lexicon.words("lemmas", "not_men_plurals"):
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def looks_plural(word: str) -> bool:
    """A plural-looking word, as the noun grammar reads it: it ends in -s or is an irregular plural."""
    w = word.lower()
    return w.endswith("s") or w in _irregular()


def is_plural(word: str) -> bool:
    """A noun written in the plural: its lemma differs from it, or it is an irregular plural ("people",
    "aircraft"); "bus" and "status" are not."""
    w = word.lower().replace("’", "'")
    return lemma(w) != w or w in _irregular()
