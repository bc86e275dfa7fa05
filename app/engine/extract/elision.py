"""Elided units: a bare number takes the unit or counted noun that its neighbour states for both.

    >>> from app.engine.extract.quantities import scan
    >>> from app.engine.text.tokens import tokenize
    >>> [q.unit_name for q in scan(tokenize("It costs eight or nine euros."), None)]
    ['euro', 'euro']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.engine import lexicon
from app.engine.extract.nouns import NounPhrase, is_stop, participle_noun
from app.engine.extract.units import match_unit
from app.engine.text.lemmas import lemma
from app.engine.text.tokens import Token

if TYPE_CHECKING:
    from app.engine.extract.quantity import Quantity


def fill_elided_units(tokens: list[Token], found: list[Quantity]) -> None:
    """A bare number takes the unit or noun its neighbour states for both.

    "eight or nine euros" (from the next), "435 homes by sale and 187 by tender", "84.75 cents, while the
    lowest is 74.07", "eight people were injured, with three in the region" (from the one before).
    """
    prev: Quantity | None = None
    for idx, q in enumerate(found):
        if q.kind == "number" and q.number is not None and _elidable(q) and not _a_multiple(tokens, q):
            nxt = found[idx + 1] if idx + 1 < len(found) else None
            between = [t.lower for t in tokens[q.end : nxt.start]] if nxt is not None else []
            if nxt is not None and between == ["or"] and nxt.kind in _CARRIERS | {"percent"}:
                _inherit(q, nxt)
            elif prev is not None and q.start - prev.end <= _ELISION_SPAN and not _counts_things(
                tokens, q, prev
            ) and not _own_outcome(tokens, q):  # "12 dead and 230 injured": 230 are the injured
                item = _distributed_item(tokens, prev.start) if prev.kind == "quantity" else None
                if item is not None:
                    q.noun, q.kind = item, "count"  # "Each tablet holds 500mg; take up to eight": tablets
                else:
                    _inherit(q, prev)
        if q.kind in _CARRIERS:
            prev = q


_CARRIERS = frozenset(("count", "money", "quantity", "age"))  # "children aged 5, 7 and 16": ages
_ELISION_SPAN = 10  # tokens between a bare number and the quantity whose unit it shares


def _own_outcome(tokens: list[Token], q: Quantity) -> bool:
    """Is the number followed by an outcome word of its own ("230 injured", "three missing")?"""
    word = participle_noun(tokens, q.end)
    return word is not None and word.head in lexicon.outcomes()


def _a_multiple(tokens: list[Token], q: Quantity) -> bool:
    """'two hundred times', 'sixfold': how often, never an amount of the neighbour's unit ($3,000)."""
    return tokens[q.end - 1].lower in lexicon.words("compounds", "not_counted")


def _counts_things(tokens: list[Token], q: Quantity, prev: Quantity) -> bool:
    """'Tickets cost $40 each, and 3,000 were sold': a bare number before a plural verb counts things; it
    takes no sum or measure from the figure before it (compounds.toml anaphora plural_verbs). A count's noun
    it still shares ('eight people were hurt, and three were taken to hospital')."""
    if prev.kind not in ("money", "quantity") or q.end >= len(tokens):
        return False
    return tokens[q.end].lower in lexicon.words("compounds", "anaphora", "plural_verbs")


def _elidable(q: Quantity) -> bool:
    num = q.number
    plain = num.nominal is not None and not (num.fraction or num.multiple)
    return plain and q.per is None and q.scale is None


def _inherit(q: Quantity, other: Quantity) -> None:
    q.unit, q.noun, q.kind = other.unit, other.noun, other.kind


def _distributed_item(tokens: list[Token], end: int) -> NounPhrase | None:
    """'Each capsule contains 200mg': the item a measure is given per ('each'/'every' + noun, data:
    compounds.toml distributive), which a later bare count counts."""
    words = lexicon.words("compounds", "distributive")
    for k in range(end - 1):
        if tokens[k].lower in words and tokens[k + 1].is_word and not is_stop(tokens[k + 1]):
            unit = match_unit(tokens, k + 1, allow_quantulum=False)
            if unit is not None:
                continue  # "each year", "every kilometre": a rate, not an item
            t = tokens[k + 1]
            return NounPhrase(t.start, t.end, (t.lower,), lemma(t.text))
    return None
