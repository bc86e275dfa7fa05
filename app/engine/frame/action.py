"""What was done to the counted things: the sentence's action phrases (lexicon/actions.toml), and which one
applies to a claim.

    >>> from app.engine.text import compounds, tokenize
    >>> words = compounds(tokenize("Air defences shot down 52 of 80 drones."))
    >>> [(a.cls, a.text) for a in actions(words)]
    [('intercept', 'shot down')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from app.engine import lexicon as lx
from app.engine.frame.counted import is_digits, is_number
from app.engine.text import Token


@dataclass(frozen=True, slots=True)
class Act:
    """An action phrase of the sentence at words[start:end]."""

    cls: str
    text: str
    start: int  # word index
    end: int


@cache
def _phrases_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Action phrases by their first word, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, cls in lx.action_phrases().items():
        out.setdefault(phrase[0], []).append((phrase, cls))
    for options in out.values():
        options.sort(key=lambda p: -len(p[0]))
    return out


def _in_name(words: list[Token], i: int) -> bool:
    """True when word i is capitalised inside the sentence: part of a proper name ("the Bear Hollow Fire
    burned"), never a verb. The sentence's first word (or one after an opening quote) may be a verb."""
    if i == 0 or not words[i].text[:1].isupper():
        return False
    return words[i - 1].norm not in (".", "“", '"', "‘", "'", "(", ":", "—", "-")


def _noun_after_determiner(words: list[Token], i: int) -> bool:
    """'the Ridgeback fire', 'a fire': an action word that is a noun there (lexicon/actions.toml
    [nouns_after_determiner]); the determiner may stand before a name ("the Ridgeback fire")."""
    nouns, determiners = _nouns_after_determiner()
    if words[i].norm not in nouns:
        return False
    k = i - 1
    while k > 0 and words[k].text[:1].isupper():
        k -= 1  # "the Ridgeback fire", "the Bear Hollow fire"
    return k >= 0 and words[k].norm in determiners


@cache
def _nouns_after_determiner() -> tuple[frozenset[str], frozenset[str]]:
    return (lx.words("actions", "nouns_after_determiner", "words"),
            lx.words("actions", "nouns_after_determiner", "determiners"))


def actions(words: list[Token]) -> list[Act]:
    """Every action phrase of the sentence, left to right, the longest one at each word."""
    by_first = _phrases_by_first()
    out, i = [], 0
    while i < len(words):
        options = by_first.get(words[i].norm)
        if options and not _in_name(words, i) and not _noun_after_determiner(words, i):
            for phrase, cls in options:
                n = len(phrase)
                if tuple(t.norm for t in words[i : i + n]) == phrase:
                    out.append(Act(cls, " ".join(t.text for t in words[i : i + n]), i, i + n))
                    i += n - 1
                    break
        i += 1
    return out


def action_of(words: list[Token], acts: list[Act], first: int, np_end: int) -> Act | None:
    """The action applying to the count at `first` (its noun phrase ends at `np_end`): a verb right before
    it, a passive verb after it, or the nearest verb before it in the sentence (`acts`, the sentence's
    action phrases, those of the count's own noun phrase left out)."""
    acts = [a for a in acts if not first <= a.start < np_end]
    # an outcome written right after another figure is that figure's ("21 dead as more than 600 rescuers
    # search": the rescuers are not dead)
    before = [a for a in acts if a.end <= first and not _other_clause_between(words, a.end, first)
              and not (a.start > 0 and words[a.start - 1].is_num)
              and not (a.end < first and _relative(words, a.start))]
    if before and first == before[-1].end:
        return before[-1]
    links = lx.words("frame", "passive", "links")
    gap = lx.table("frame")["passive"]["max_gap"]
    start = _past_aside(words, _past_part_of(words, _past_coordinated_count(words, np_end)), acts)
    for a in acts:
        if a.start >= start and a.start - start <= gap:
            if all(words[k].norm in links for k in range(start, a.start)):
                return a
            if _among(words, range(start, a.start), links):
                return a
            break
    if _own_passive(words, start):
        return None
    return before[-1] if before else None


_RELATIVE_PRONOUNS = frozenset(("that", "which", "who"))


def _relative(words: list[Token], start: int) -> bool:
    """Is the verb at words[start] a relative clause's ("the number of people killed in a landslide that
    struck the village has risen to 21": the landslide struck; the people were killed)? Only the verb right
    before a figure is the figure's even so ("the quake that killed 300 people")."""
    return start > 0 and words[start - 1].norm in _RELATIVE_PRONOUNS


def _own_passive(words: list[Token], i: int) -> bool:
    """Do the words at `i` (right after a count's noun phrase) say what was done to it with a verb the
    action classes do not know ("2.1% of ballots were spoiled")? Then an earlier verb is not its verb."""
    passive = lx.table("frame")["passive"]
    if i >= len(words) or words[i].norm not in passive["auxiliaries"]:
        return False
    links = lx.words("frame", "passive", "links")
    k = i + 1
    while k < len(words) and k - i <= passive["max_gap"] and words[k].norm in links:
        k += 1
    if k >= len(words) or not words[k].is_word:
        return False
    norm = words[k].norm
    return (norm.endswith("ed") and len(norm) > 4) or norm in passive["participles"]


def _among(words: list[Token], between: range, links: frozenset[str]) -> bool:
    """'two children are among the injured': the words between a count and the verb are links ending in
    "among the" (or "among those")."""
    norms = [words[k].norm for k in between]
    for phrase in lx.words("frame", "passive", "among"):
        tail = phrase.split()
        if norms[-len(tail):] == tail and all(w in links for w in norms[: -len(tail)]):
            return True
    return False


def _past_part_of(words: list[Token], i: int) -> int:
    """'four children among them, are in hospital': after a count that is part of the set before it, skip
    "among them" and its comma, so the set's verb after the aside applies to the count too."""
    for phrase in lx.words("frame", "passive", "part_of"):
        tail = phrase.split()
        if [t.norm for t in words[i : i + len(tail)]] == tail:
            i += len(tail)
            return i + 1 if i < len(words) and words[i].norm == "," else i
    return i


ASIDE_WORDS = 6  # the longest aside between commas skipped to reach a count's verb ("one of them a child")


def _past_aside(words: list[Token], i: int, acts: list[Act]) -> int:
    """'Two of the injured, one of them a child, are in a serious condition': after a count, skip a short
    aside between commas that holds no verb of its own, so the verb after it applies to the count."""
    if i >= len(words) or words[i].norm != ",":
        return i
    reach = range(i + 1, min(i + 2 + ASIDE_WORDS, len(words)))
    close = next((k for k in reach if words[k].norm == ","), None)
    if close is None or any(i < a.start < close for a in acts) or not _opens_aside(words, i + 1, close):
        return i
    return close + 1


def _opens_aside(words: list[Token], k: int, close: int) -> bool:
    """Is words[k:close] an aside on who is in a set ("including a child", "three of them children", "four
    children among them")?"""
    norms = [t.norm for t in words[k:close]]
    if len(norms) >= 3 and is_number(words[k]) and norms[1:3] == ["of", "them"]:
        return True
    if any(norms[-len(p.split()):] == p.split() for p in lx.words("frame", "passive", "part_of")):
        return True  # "four children among them"
    return any(norms[: len(p.split())] == p.split() for p in lx.words("frame", "passive", "asides"))


def _past_coordinated_count(words: list[Token], i: int) -> int:
    """'382 drones and three missiles were intercepted': after a count, skip another count joined to it by
    "and" or "as well as", so the verb after both applies to the first too."""
    if i < len(words) and words[i].norm in ("and", "or"):
        k = i + 1
    elif [t.norm for t in words[i : i + 3]] == ["as", "well", "as"]:
        k = i + 3
    else:
        return i
    if k >= len(words) or not is_number(words[k]):
        return i
    k += 1
    links = lx.words("frame", "passive", "links")
    while (k < len(words) and k - i <= COORDINATED_WORDS and words[k].is_word
           and words[k].norm not in links and (words[k].norm,) not in lx.action_phrases()):
        k += 1
    return k


COORDINATED_WORDS = 6  # the longest "and three of the missiles" skipped to reach a passive verb


def inherited(words: list[Token], act: Act | None, first: int) -> bool:
    """True when the verb found for a count belongs to another count: a number stands between the verb and
    this count, or the verb directly follows another count ("1,150 homes destroyed, including 14 schools")."""
    if act is None or act.start >= first or act.end == first:
        return False
    if any(is_digits(t) for t in words[act.end : first]):
        return True
    lead = words[max(0, act.start - 3) : act.start]
    return any(is_digits(t) for t in lead) and all(t.norm[0].isalnum() for t in lead)


def _other_clause_between(words: list[Token], i: int, j: int) -> bool:
    """True when another participle clause starts between a verb and the count ("killing two people and
    leaving 30,000 homes without power": "killing" does not apply to the homes)."""
    for k in range(i + 1, j):
        low = words[k].norm
        participle = low.endswith("ing") and len(low) > 5 and words[k - 1].norm in ("and", ",", "while")
        if participle and (low,) not in lx.action_phrases():
            return True
    return False
