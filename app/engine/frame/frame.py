"""Claim framing: what is counted, the action, the actor, the place, the time, the attribution.

Every word list comes from lexicon/ (counted.toml, actions.toml, actors.toml, frame.toml, calendar.toml).

    >>> s = "Ukraine's air force said Russia fired 114 strike and decoy drones overnight."
    >>> f = frame_span(s, s.index("114"), s.index("114") + 3, kind="count")
    >>> (f.counted, f.noun, f.action, f.actor, f.attribution)
    ('drone', 'strike decoy drone', 'launch', 'russia', "ukraine's air force")
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache

from app.engine import lexicon as lx
from app.engine.extract.number_words import number_words as extract_number_words
from app.engine.frame.circumstances import attribution_of, negated, place_of, time_of
from app.engine.model import Claim, Frame
from app.engine.text.lemmas import is_plural, lemma
from app.engine.text.words import Token, clause_ids, tokenize

_DIGITS = re.compile(r"^\d")
_DETERMINERS = ("the", "its", "their", "these", "those", "his", "her", "our")


def frame_claim(claim: Claim, published_at: date | None = None) -> Frame:
    """Describe who did what to the things `claim` counts, from its sentence."""
    offset = claim.sentence_start
    frame = frame_span(
        claim.sentence,
        claim.start - offset,
        claim.end - offset,
        kind=claim.kind,
        unit=claim.value.unit,
        published_at=published_at,
    )
    return _as_extracted(claim, frame)


def _as_extracted(claim: Claim, frame: Frame) -> Frame:
    """What the extractor settled wins: a reading on a scale ('magnitude 5.1', value.dimension) measures
    that scale; a count keeps its counted noun when the framing read past it ('640 staff and produce')
    or took a pronoun ('three of them')."""
    unit, dim = claim.value.unit, claim.value.dimension
    if claim.kind == "number" and dim and unit is None:
        return replace(frame, counted=dim, noun=dim)
    if claim.kind == "count" and unit and " per " not in unit and not (frame.noun or "").endswith(unit):
        return replace(frame, counted=lx.counted_class(unit) or unit, noun=unit)
    return frame


def frame_span(
    sentence: str,
    start: int,
    end: int,
    kind: str = "count",
    unit: str | None = None,
    published_at: date | None = None,
) -> Frame:
    """Frame the claim at `sentence[start:end]` (offsets into the sentence)."""
    toks, clauses, acts = _sentence_parts(sentence)
    first = next((i for i, t in enumerate(toks) if t.end > start), len(toks))
    after = next((i for i, t in enumerate(toks) if t.start >= end), len(toks))
    np_from = _skip_number(toks, first) if kind in ("count", "number") else _skip_aside(toks, after)
    if 0 < np_from < len(toks) and toks[np_from - 1].low == "of" and toks[np_from].low in _DETERMINERS:
        np_from += 1  # "431 of the drones"
    np_tokens = _noun_phrase(toks, np_from)
    counted, noun, modifiers = _head(toks, np_tokens, first, borrow=kind in ("count", "number"))
    if kind not in ("count", "number"):
        counted = unit if kind != "age" else None
    np_end = np_tokens[-1] + 1 if np_tokens else max(np_from, after)
    act = _action(toks, acts, first, np_end, set(range(first, np_end)))
    actor = _actor(toks, act, first, clauses)
    origin = _origin(modifiers, act, actor)
    place, inherited = place_of(toks, first, clauses)
    return Frame(
        counted=counted,
        noun=noun,
        modifiers=modifiers,
        action=act.cls if act else None,
        action_word=act.text if act else None,
        actor=actor,
        place=place,
        place_inherited=inherited,
        action_inherited=_inherited(toks, act, first),
        time=time_of(toks, first, clauses, published_at),
        attribution=attribution_of(toks, clauses, first),
        negated=negated(toks, first),
        origin=origin,
    )


# --- the counted noun ---------------------------------------------------------------------------------


@cache
def number_words() -> frozenset[str]:
    """Words of a number expression: the number words (number_words.toml) and the words that join them."""
    return extract_number_words() | lx.words("frame", "numbers")


def _is_number(tok: Token) -> bool:
    return bool(_DIGITS.match(tok.low)) or tok.low in number_words()


def _skip_number(toks: list[Token], i: int) -> int:
    """Index of the first token after the qualifier phrases (qualifiers.toml) and number words at `i`."""
    before = lx.qualifiers().before
    longest = max(len(k) for k in before)
    glue = lx.words("frame", "numbers", "before")
    while i < len(toks):
        phrase = next((n for n in range(longest, 0, -1)
                       if tuple(t.low for t in toks[i : i + n]) in before), 0)
        if phrase:
            i += phrase
        elif _is_number(toks[i]) or toks[i].low in glue or toks[i].low in "-–$%":
            i += 1
        else:
            break
    return i


def _skip_aside(toks: list[Token], i: int) -> int:
    """After a measure, skip a bracketed conversion and "of": "180 millimeters (7 inches) of rain" -> rain."""
    if i < len(toks) and toks[i].low == "(":
        while i < len(toks) and toks[i].low != ")":
            i += 1
        i += 1
    if i + 1 < len(toks) and toks[i].low == "of":
        i += 1
    return i


def _noun_phrase(toks: list[Token], i: int) -> list[int]:
    """Indices of the noun phrase starting at `i` ("strike and decoy drones"), stopping at a stop word."""
    stop = _noun_phrase_stop()
    limit = lx.table("frame")["noun_phrase"]["max_words"]
    out: list[int] = []
    while i < len(toks) and len(out) < limit + 1:
        t = toks[i]
        if not t.low[0].isalpha():
            break
        if t.low in ("and", "or") and out and not _known(toks, out) and i + 1 < len(toks):
            nxt = toks[i + 1]
            if nxt.low[0].isalpha() and not _is_number(nxt) and nxt.low not in stop:
                out.append(i)
                i += 1
                continue
        if t.low in stop or t.low in lx.calendar().weekdays:
            break
        out.append(i)
        if _known(toks, out) and not _continues(toks, i + 1):
            break
        i += 1
    return out


@cache
def _noun_phrase_stop() -> frozenset[str]:
    """Words that end the noun phrase of the counted thing (frame.toml) and one-word relative days."""
    return lx.words("frame", "noun_phrase", "stop") | lx.calendar().relative_words


def _continues(toks: list[Token], i: int) -> bool:
    """True when the noun phrase goes on past a known noun ("drone strike", "bomber jets")."""
    if i >= len(toks):
        return False
    return lx.counted_class(lemma(toks[i].low)) is not None and toks[i].low[0].isalpha()


def _known(toks: list[Token], idx: list[int]) -> bool:
    return lx.counted_class(lemma(toks[idx[-1]].low)) is not None


def _head(toks: list[Token], idx: list[int], first: int, borrow: bool = True
          ) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Counted class, noun lemma and modifiers of a noun phrase; an empty one borrows the noun before it."""
    words = [toks[i].low for i in idx if toks[i].low not in ("and", "or")]
    if not words:
        return _borrowed_noun(toks, first) if borrow else (None, None, ())
    lemmas = words[:-1] + [lemma(words[-1])]
    for begin in range(len(lemmas)):
        phrase = " ".join(lemmas[begin:])
        cls = lx.counted_class(phrase)
        if cls:
            return cls, " ".join(words[:-1] + [lemma(words[-1])]), tuple(lemmas[:begin])
    return lemmas[-1], " ".join(lemmas), tuple(lemmas[:-1])


def _borrowed_noun(toks: list[Token], first: int) -> tuple[str | None, str | None, tuple[str, ...]]:
    """'eight people were hurt, with three in Kyiv': 'three' counts the nearest known noun before it."""
    for i in range(first - 1, -1, -1):
        base = lemma(toks[i].low)
        cls = lx.counted_class(base)
        if cls and is_plural(toks[i].low):  # a plural noun: "people", "drones"
            mods = tuple(t.low for t in toks[max(0, i - 1) : i] if _is_demonym(t.low))
            return cls, base, mods
    return None, None, ()


def _is_demonym(word: str) -> bool:
    return (word,) in lx.actor_aliases() and word not in lx.capitals()


# --- the action ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Act:
    cls: str
    text: str
    start: int  # token index
    end: int


def _in_name(toks: list[Token], i: int) -> bool:
    """True when token i is a capitalised word inside the sentence: part of a proper name ("the Bear Hollow
    Fire burned"), never a verb. The sentence's first word (or one after an opening quote) may be a verb."""
    if i == 0 or not toks[i].text[:1].isupper():
        return False
    return toks[i - 1].low not in (".", "“", '"', "‘", "'", "(", ":", "—", "-")


@lru_cache(maxsize=8)
def _sentence_parts(sentence: str) -> tuple[list[Token], list[int], list[_Act]]:
    """What framing reads of a sentence whatever the claim: tokens, clause ids, action phrases.

    A sentence often holds several claims, framed one after another: the last few sentences are kept
    (a small cache, so it saves that repetition only, not work across texts). Callers must not change
    what it returns.
    """
    toks = tokenize(sentence)
    return toks, clause_ids(toks), _actions(toks)


def _actions(toks: list[Token]) -> list[_Act]:
    phrases = lx.action_phrases()
    longest = max(len(p) for p in phrases)
    out, i = [], 0
    while i < len(toks):
        if _in_name(toks, i):
            i += 1
            continue
        for n in range(longest, 0, -1):
            key = tuple(t.low for t in toks[i : i + n])
            if len(key) == n and key in phrases:
                out.append(_Act(phrases[key], " ".join(t.text for t in toks[i : i + n]), i, i + n))
                i += n - 1
                break
        i += 1
    return out


def _action(toks: list[Token], acts: list[_Act], first: int, np_end: int, inside: set[int]) -> _Act | None:
    """The action applying to the count: a verb right before it, a passive verb after it, or the nearest
    verb before it in the sentence (`acts`: the sentence's action phrases)."""
    acts = [a for a in acts if a.start not in inside]
    before = [a for a in acts if a.end <= first and not _other_clause_between(toks, a.end, first)]
    if before and first == before[-1].end:
        return before[-1]
    links = lx.words("frame", "passive", "links")
    gap = lx.table("frame")["passive"]["max_gap"]
    for a in acts:
        if a.start >= np_end and a.start - np_end <= gap:
            if all(toks[k].low in links for k in range(np_end, a.start)):
                return a
            break
    return before[-1] if before else None


def _inherited(toks: list[Token], act: _Act | None, first: int) -> bool:
    """True when the verb found for a count belongs to another count: a number stands between the verb and
    this count, or the verb directly follows another count ("1,150 homes destroyed, including 14 schools")."""
    if act is None or act.start >= first or act.end == first:
        return False
    if any(_is_digits(t) for t in toks[act.end : first]):
        return True
    lead = toks[max(0, act.start - 3) : act.start]
    return any(_is_digits(t) for t in lead) and all(t.low[0].isalnum() for t in lead)


def _is_digits(tok: Token) -> bool:
    return bool(_DIGITS.match(tok.low))


def _other_clause_between(toks: list[Token], i: int, j: int) -> bool:
    """True when another participle clause starts between a verb and the count ("killing two people and
    leaving 30,000 homes without power": "killing" does not apply to the homes)."""
    for k in range(i + 1, j):
        low = toks[k].low
        participle = low.endswith("ing") and len(low) > 5 and toks[k - 1].low in ("and", ",", "while")
        if participle and (low,) not in lx.action_phrases():
            return True
    return False


# --- actor, origin ------------------------------------------------------------------------------------


def _actor_at(toks: list[Token], i: int) -> tuple[str | None, int]:
    """The actor named at token i (one or two tokens), and its length."""
    aliases = lx.actor_aliases()
    for n in (2, 1):
        key = tuple(t.low for t in toks[i : i + n])
        if len(key) == n and key in aliases:
            return aliases[key], n
    return None, 0


def _actor(toks: list[Token], act: _Act | None, first: int, clauses: list[int]) -> str | None:
    """Who did it: the agent of a passive verb ("launched by Russia"), the nearest actor before the verb in
    its clause, or the subject of the main clause a participle clause hangs on ("..., killing three")."""
    if act is None:
        return None
    if act.start > first:  # passive: only an explicit agent counts
        if act.end < len(toks) and toks[act.end].low == "by":
            for k in range(act.end + 1, min(act.end + 4, len(toks))):
                actor, _ = _actor_at(toks, k)
                if actor:
                    return actor
        return None
    mine = clauses[act.start]
    for k in range(act.start - 1, -1, -1):
        if clauses[k] != mine:
            break
        actor = _acting(toks, k)
        if actor:
            return actor
    opener = next(i for i, c in enumerate(clauses) if c == mine)
    if mine > 0 and any(t.low.endswith("ing") for t in toks[opener : opener + 2]):
        for k in range(opener - 1, -1, -1):  # the subject: the first actor of the main clause
            if clauses[k] == mine - 1 and (k == 0 or clauses[k - 1] != mine - 1):
                for j in range(k, opener):
                    actor = _acting(toks, j)
                    if actor:
                        return actor
                break
    for k in range(opener - 1, -1, -1):
        actor = _acting(toks, k)
        if actor:
            return actor
    return None


def _acting(toks: list[Token], k: int) -> str | None:
    """The actor named at token k if it can be a doer there: not a target ("attack on Ukraine"), not the
    owner of a place ("Ukraine's southern Kherson region"), not part of a counted phrase ("four Russian")."""
    actor, _ = _actor_at(toks, k)
    if actor is None:
        return None
    targets = {"on", "at", "against", "into", "in", "over", "across", "to", "toward", "towards", "of", "from"}
    if k > 0 and (toks[k - 1].low in targets or _is_number(toks[k - 1])):
        return None
    kinds = lx.words("frame", "places", "kinds")
    if any(t.low in kinds for t in toks[k + 1 : k + 4]):
        return None
    return actor


def _origin(modifiers: tuple[str, ...], act: _Act | None, actor: str | None) -> str | None:
    """Whose things were counted: "Ukrainian drones", or the actor of a launch."""
    aliases = lx.actor_aliases()
    for m in modifiers:
        if (m,) in aliases:
            return aliases[(m,)]
    if act is not None and act.cls == "launch":
        return actor
    return None


# --- place, time, attribution, negation ---------------------------------------------------------------
