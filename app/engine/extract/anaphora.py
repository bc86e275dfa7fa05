"""Bare numbers that refer back to the sentence before: "Three of them were nurses", "23 were in serious
condition", "the survey measured it at 6.1". They count (or read) what the previous sentence counted.

    >>> from app.engine.text.tokens import tokenize
    >>> from app.engine.extract.quantities import scan
    >>> a, b = tokenize("Forty workers were hurt."), tokenize("Six were nurses.")
    >>> found = [scan(a, None), scan(b, None)]
    >>> resolve_references([(a, found[0]), (b, found[1])])
    >>> found[1][0].unit_name
    'worker'

The pronouns and the verbs that make a bare number a subject are in lexicon/compounds.toml ("anaphora").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from app.engine import lexicon
from app.engine.text.tokens import Token

if TYPE_CHECKING:
    from app.engine.extract.nouns import NounPhrase
    from app.engine.extract.quantity import Quantity


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    a = lexicon.table("compounds")["anaphora"]
    return frozenset(a["pronouns"]), frozenset(a["subject_verbs"]), frozenset(a["clause_openers"])


def resolve_references(sentences: list[tuple[list[Token], list[Quantity]]]) -> None:
    """Give a bare subject number the counted noun, and 'it at N' the scale, of the sentence before."""
    noun: NounPhrase | None = None
    scale: str | None = None
    for tokens, found in sentences:
        for q in found:
            if _bare(q) and noun is not None and _subject(tokens, q):
                q.noun, q.kind = noun, "count"
            elif _bare(q) and scale is not None and _pronoun_object(tokens, q.start):
                q.scale = scale
        counted = [q for q in found if q.kind == "count" and q.noun is not None]
        scales = [q.scale for q in found if q.scale is not None]
        noun = counted[-1].noun if counted else None
        scale = scales[-1] if scales else None


def _bare(q: Quantity) -> bool:
    num = q.number
    return (
        q.kind == "number"
        and num is not None
        and num.nominal is not None
        and not (num.fraction or num.multiple or num.vague)
        and q.unit is None
        and q.noun is None
        and q.scale is None
    )


def _subject(tokens: list[Token], q: Quantity) -> bool:
    """'Six were nurses', 'Three of them died': the number opens a clause and a verb or 'of them' follows."""
    pronouns, verbs, openers = _words()
    opens = q.start == 0 or tokens[q.start - 1].lower in openers
    if not opens or q.end >= len(tokens):
        return False
    nxt = tokens[q.end].lower
    if nxt == "of" and q.end + 1 < len(tokens):
        return tokens[q.end + 1].lower in pronouns
    return nxt in verbs


def _pronoun_object(tokens: list[Token], i: int) -> bool:
    """'measured it at 6.1', 'put it at 7': a pronoun, then 'at', then the number."""
    pronouns, _, _ = _words()
    return i >= 2 and tokens[i - 1].lower == "at" and tokens[i - 2].lower in pronouns
