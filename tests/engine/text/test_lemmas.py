"""The one lemmatizer, used by extraction and framing alike (texts written for these tests)."""

import pytest

from app.engine import extract_claims
from app.engine.frame.frame import frame_span
from app.engine.text.lemmas import is_plural, lemma


@pytest.mark.parametrize(("word", "base"), [("lives", "life"), ("crises", "crisis"), ("buses", "bus"),
                                            ("feet", "foot"), ("fishermen", "fisherman"), ("prizes", "prize"),
                                            ("casualties", "casualty"), ("specimens", "specimen")])
def test_plural_nouns_lose_their_plural(word, base):
    assert lemma(word) == base


@pytest.mark.parametrize("word", ["lives", "crises", "buses", "halves", "fishermen", "prizes"])
def test_extraction_and_framing_read_one_lemma(word):
    """The unit the extractor names and the noun the framer reads are the same lemma ("lives" -> life)."""
    text = f"The storm cost 12 {word} on the coast."
    (claim,) = extract_claims(text)
    start = text.index("12")
    assert frame_span(text, start, start + 2, kind="count").noun == claim.value.unit == lemma(word)


def test_people_is_a_plural_and_stays_people():
    assert (lemma("people"), is_plural("people"), is_plural("bus")) == ("people", True, False)
