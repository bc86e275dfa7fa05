"""Who acted (lexicon/actors.toml), and whose things were counted.

    >>> from app.engine.frame.action import actions
    >>> from app.engine.text import read_sentences
    >>> s = read_sentences("Kyiv said Russia fired 472 drones.")[0]
    >>> act = actions(s.words)[0]
    >>> actor_of(s.words, s.clauses, actor_spots(s.words), act, 4)
    'russia'
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from app.engine import lexicon as lx
from app.engine.frame.action import Act
from app.engine.frame.counted import is_number
from app.engine.text import Token

_TARGETS = frozenset(("on", "at", "against", "into", "in", "over", "across", "to", "toward", "towards", "of",
                      "from"))


@cache
def _first_words() -> frozenset[str]:
    return frozenset(alias[0] for alias in lx.actor_aliases())


def actor_at(words: list[Token], i: int) -> tuple[str | None, int]:
    """The actor named at word i (one or two words), and its length."""
    if words[i].norm not in _first_words():
        return None, 0
    aliases = lx.actor_aliases()
    for n in (2, 1):
        key = tuple(t.norm for t in words[i : i + n])
        if len(key) == n and key in aliases:
            return aliases[key], n
    return None, 0


def actor_spots(words: list[Token]) -> list[tuple[int, str]]:
    """(word index, actor) for every word of the sentence that names an actor able to act there: not a
    target ("attack on Ukraine"), not the owner of a place ("Ukraine's southern Kherson region"), not part
    of a counted phrase ("four Russian"). Read once per sentence."""
    kinds = lx.words("frame", "places", "kinds")
    out = []
    for k in range(len(words)):
        actor, _ = actor_at(words, k)
        if actor is None:
            continue
        if k > 0 and (words[k - 1].norm in _TARGETS or is_number(words[k - 1])):
            continue
        if any(t.norm in kinds for t in words[k + 1 : k + 4]):
            continue
        out.append((k, actor))
    return out


def _last_before(spots: list[tuple[int, str]], end: int, begin: int = 0) -> tuple[int, str] | None:
    """The last spot with begin <= index < end."""
    i = bisect_left(spots, (end, "")) - 1
    return spots[i] if i >= 0 and spots[i][0] >= begin else None


def actor_of(words: list[Token], clauses: list[int], spots: list[tuple[int, str]], act: Act | None,
             first: int, reach: int | None = None) -> str | None:
    """Who did it: the agent of a passive verb ("launched by Russia"), the nearest actor before the verb in
    its clause, or the subject of the main clause a participle clause hangs on ("..., killing three");
    nothing further back than `reach` words before the verb."""
    if act is None:
        return None
    if act.start > first:  # passive: only an explicit agent counts
        if act.end < len(words) and words[act.end].norm == "by":
            for k in range(act.end + 1, min(act.end + 4, len(words))):
                actor, _ = actor_at(words, k)
                if actor:
                    return actor
        return None
    floor = max(0, act.start - reach) if reach is not None else 0
    mine = clauses[act.start]
    opener = _clause_start(clauses, act.start)
    spot = _last_before(spots, act.start, max(opener, floor))
    if spot:
        return spot[1]
    if mine > 0 and any(t.norm.endswith("ing") for t in words[opener : opener + 2]):
        main = _clause_start(clauses, opener - 1)  # the subject: the first actor of the main clause
        i = bisect_left(spots, (max(main, floor), ""))
        if i < len(spots) and spots[i][0] < opener:
            return spots[i][1]
    spot = _last_before(spots, opener, floor)
    return spot[1] if spot else None


def _clause_start(clauses: list[int], i: int) -> int:
    """The first word of the clause word i is in."""
    c = clauses[i]
    while i > 0 and clauses[i - 1] == c:
        i -= 1
    return i


def origin_of(modifiers: tuple[str, ...], act: Act | None, actor: str | None) -> str | None:
    """Whose things were counted: "Ukrainian drones", or the actor of a launch."""
    aliases = lx.actor_aliases()
    for m in modifiers:
        if (m,) in aliases:
            return aliases[(m,)]
    if act is not None and act.cls == "launch":
        return actor
    return None
