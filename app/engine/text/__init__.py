"""Text stage: the one sentence splitter, the one tokenizer, the one lemmatizer, and page furniture.

    >>> [s.text for s in read_sentences("Rain totals reached 3.5 inches. Roads closed.")]
    ['Rain totals reached 3.5 inches.', 'Roads closed.']
"""

from app.engine.text.lemmas import is_plural, lemma, looks_plural, plural
from app.engine.text.sentences import Sentence, clause_ids, read_sentences, segment
from app.engine.text.tokens import Token, compounds, joined, tokenize

__all__ = [
    "Sentence",
    "Token",
    "clause_ids",
    "compounds",
    "is_plural",
    "joined",
    "lemma",
    "looks_plural",
    "plural",
    "read_sentences",
    "segment",
    "tokenize",
]
