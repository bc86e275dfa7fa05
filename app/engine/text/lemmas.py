"""The one lemmatizer: the singular, lower-case form of an English noun (data: lexicon/lemmas.toml).

    >>> [lemma(w) for w in ("drones", "casualties", "lives", "fishermen", "people", "Russia's", "buses")]
    ['drone', 'casualty', 'life', 'fisherman', 'people', 'russia', 'bus']
    >>> is_plural("people"), is_plural("bus"), looks_plural("bus")
    (True, False, True)
    >>> [plural(w) for w in ("drone", "casualty", "person", "bus", "strike drone")]
    ['drones', 'casualties', 'people', 'buses', 'strike drones']

Suffix rules and a table of irregular plurals: fast (a dictionary look-up and a few string tests) and
predictable. `people` stays `people` (the unit name NewsQuant annotates; counted.toml counts it as persons).
"""

from __future__ import annotations

from functools import cache, lru_cache

from app.engine import lexicon


@cache
def _irregular() -> dict[str, str]:
    return {k.lower(): v.lower() for k, v in lexicon.table("lemmas")["irregular"].items()}


@lru_cache(maxsize=1 << 16)  # a text repeats its nouns; the words of news are a few thousand
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


@cache
def _plurals() -> dict[str, str]:
    """Singular -> its irregular plural (the table read backwards; "people" is its own)."""
    table = lexicon.table("lemmas").get("plurals", {})
    out: dict[str, str] = {k.lower(): v.lower() for k, v in table.items()}
    for many, one in _irregular().items():
        out.setdefault(one, many)
    return out


def plural(noun: str) -> str:
    """The plural of a singular English noun, for people to read: "drone" -> "drones", "casualty" ->
    "casualties", "person" -> "people"; a noun phrase takes the plural on its last word."""
    head, space, last = noun.rpartition(" ")
    w = last.lower()
    if w in _plurals():
        many = _plurals()[w]
    elif is_plural(w) or w.endswith("s") and not w.endswith(("ss", "us")):
        many = w
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        many = w[:-1] + "ies"
    elif w.endswith(("ch", "sh", "x", "ss", "z", "us")):
        many = w + "es"
    else:
        many = w + "s"
    return head + space + many


def looks_plural(word: str) -> bool:
    """A plural-looking word, as the noun grammar reads it: it ends in -s or is an irregular plural."""
    w = word.lower()
    return w.endswith("s") or w in _irregular()


def is_plural(word: str) -> bool:
    """A noun written in the plural: its lemma differs from it, or it is an irregular plural ("people",
    "aircraft"); "bus" and "status" are not."""
    w = word.lower().replace("’", "'")
    return lemma(w) != w or w in _irregular()
