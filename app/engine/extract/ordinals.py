"""Running tolls told by an ordinal: "A third patient has died" says the deaths now number three.

    >>> from app.engine.text.tokens import tokenize
    >>> q = read_ordinal_toll(tokenize("A third patient has died in the outbreak."), 0)
    >>> (q.number.nominal, q.noun.head)
    (3.0, 'patient')

Only a person counted by what happened to them: "a second man was arrested" (two arrests), "the fourth victim
died"; never "a second day", "the third time", "a second patient was admitted to the ward" (no outcome).
"""

from __future__ import annotations

from app.engine import lexicon as lx
from app.engine.extract.nouns import NounPhrase
from app.engine.extract.numbers import NumberMatch
from app.engine.extract.quantity import Quantity
from app.engine.lexicon import calendar
from app.engine.text.lemmas import lemma
from app.engine.text.tokens import Token

_OUTCOMES = frozenset(("kill", "wound", "missing", "capture", "hospitalise"))  # action classes a toll counts
REACH = 4  # words after the noun its outcome verb may be ("has now died", "was later confirmed dead")


def read_ordinal_toll(tokens: list[Token], i: int) -> Quantity | None:
    """'A third patient has died' at tokens[i]: a count of the ordinal's value, of the person, or None."""
    if i + 2 >= len(tokens) or tokens[i].lower not in ("a", "the"):
        return None
    value = calendar().day_ordinals.get(tokens[i + 1].lower)
    if value is None or value < 2:
        return None  # "the first patient" counts nobody
    noun = tokens[i + 2]
    head = lemma(noun.text) if noun.is_word else ""
    if lx.counted_class(head) not in lx.people_classes():
        return None
    phrases = lx.action_phrases()
    after = tokens[i + 3 : i + 3 + REACH]
    if not any(phrases.get((t.lower,)) in _OUTCOMES for t in after):
        return None
    number = NumberMatch(i + 1, i + 2, float(value), float(value), float(value), words=True)
    phrase = NounPhrase(noun.start, noun.end, (noun.lower,), head)
    return Quantity(i, i + 3, "count", number=number, noun=phrase)
