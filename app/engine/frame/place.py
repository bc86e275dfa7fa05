"""Where: the sub-national places a sentence names, and the one a claim is about.

    >>> from app.engine.text import read_sentences
    >>> s = read_sentences("Three people were hurt in the Odesa region, officials said.")[0]
    >>> place_of(s.words, s.clauses, places(s.words), 0)
    ('odesa', False)

Word lists: lexicon/frame.toml ([places]), actors.toml (countries are actors, capitals may be places),
calendar.toml (month and weekday names are never places).
"""

from __future__ import annotations

from functools import cache

from app.engine import lexicon as lx
from app.engine.text import Token

_COMPASS = frozenset(("southern", "northern", "eastern", "western", "central", "northeastern", "southeastern",
                      "northwestern", "southwestern"))


@cache
def _not_places() -> frozenset[str]:
    """Capitalised words that are never (part of) a place name: titles, outlets, months and weekdays."""
    return lx.words("frame", "places", "not_places") | lx.calendar().names


def _place_word(t: Token, banned: frozenset[str], kinds: frozenset[str]) -> bool:
    """A capitalised word that can be (part of) a place name: not a country, month, title or kind word."""
    if not t.text[:1].isupper() or t.norm in banned or t.norm in kinds or t.norm in lx.stopwords():
        return False
    return not ((t.norm,) in lx.actor_aliases() and t.norm not in lx.capitals())


def places(words: list[Token]) -> list[tuple[int, str]]:
    """Sub-national places named in the sentence, (first word index, name): "in the Kyiv region", "the
    city of Dnipro", "near Port Haldane" (consecutive capitalised words make one name), and the world
    ("worldwide"). Read once."""
    kinds = lx.words("frame", "places", "kinds")
    preps = lx.words("frame", "places", "prepositions")
    banned = _not_places()
    wholes = lx.words("frame", "places", "wholes")
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(words):
        if words[i].norm in wholes:
            found.append((i, "world"))  # "184,000 people worldwide", "sales rose 4% globally"
            i += 1
            continue
        if not _place_word(words[i], banned, kinds):
            i += 1
            continue
        j = i
        while j + 1 < len(words) and _place_word(words[j + 1], banned, kinds):
            j += 1
        prev = words[i - 1].norm if i else ""
        prev2 = words[i - 2].norm if i > 1 else ""
        nxt = words[j + 1].norm if j + 1 < len(words) else ""
        starts_sentence = i == 0 or prev in (".", "“", '"')
        introduced = prev in preps or (prev == "the" and prev2 in preps) or prev in kinds or prev in _COMPASS
        if whose_not_where(words[j], prev):
            introduced = False  # "over Quillfield's Friday close": whose close, not where
        if (nxt in kinds or introduced) and not (starts_sentence and nxt not in kinds):
            found.append((i, " ".join(t.norm for t in words[i : j + 1])))
        i = j + 1
    return found


def whose_not_where(last: Token, prev: str) -> bool:
    """A name ending in `last`, a possessive, after a preposition `prev` that then says whose, not where
    ("over Quillfield's Friday close"; "in Kyiv's Obolon district" is a place)."""
    return last.lower.endswith(("'s", "’s")) and prev in lx.words("frame", "places", "not_before_possessive")


_OWN_PLACE_REACH = 6  # words after a figure within which a place is the figure's own ("14 districts of X")


def place_of(words: list[Token], clauses: list[int], found: list[tuple[int, str]], first: int
             ) -> tuple[str | None, bool]:
    """The place the claim at word `first` is about, and whether it is inherited: in its clause or the
    sentence's opening 'In X,' phrase (stated), else the main clause a participle clause ("..., killing
    three") hangs on (inherited). Several places are joined with "; "."""
    if not found or first >= len(words):
        return None, False
    mine = clauses[first]
    following = [p for i, p in found if clauses[i] == mine and first < i <= first + _OWN_PLACE_REACH]
    if following:  # "three deaths in Burnet County and four in Travis County": the place right after it
        return following[0], False
    same = {p for i, p in found if clauses[i] == mine}
    # the opening 'In X,' of the sentence, or of the figure's own part of it after a semicolon ("In Travis
    # County six people died; in Kendall County, two")
    start = max((k + 1 for k in range(first) if words[k].norm == ";"), default=0)
    opens = words[start].norm in ("in", "around", "near")
    opening = {p for i, p in found if opens and start <= i < first and clauses[i] == clauses[start]}
    if same or opening:
        return "; ".join(sorted(same | opening)), False
    clause_start = first
    while clause_start > 0 and clauses[clause_start - 1] == mine:
        clause_start -= 1
    nxt = words[clause_start + 1].norm if clause_start + 1 < len(words) else ""
    if nxt.endswith("ing") or words[clause_start].norm.endswith("ing"):
        before = sorted({p for i, p in found if clauses[i] == mine - 1})
        if before:
            return "; ".join(before), True
    return None, False
