"""According to whom, and negation (texts written for these tests)."""

from datetime import date

import pytest

from app.engine import extract_claims
from app.engine.frame.attribution import attribution_of, negated
from app.engine.text import read_sentences


def words(sentence: str):
    return read_sentences(sentence)[0].words


def test_said_the_governor_after_the_verb_is_the_attribution():
    assert attribution_of(words("Nine people were hurt, said the governor.")) == "the governor"


def test_the_us_military_said_is_read_whole_like_the_british_military_said():
    """One tokenizer: "U.S." is one word, so the whole name is the source, as for "British"."""
    us = attribution_of(words("The militia fired 30 rockets, the U.S. military said."))
    uk = attribution_of(words("The militia fired 30 rockets, the British military said."))
    assert (us, uk) == ("the u.s. military", "the british military")


def test_a_count_attributed_to_the_us_military_is_framed_whole():
    (claim,) = extract_claims("Rebels fired 30 rockets at the port, the U.S. military said.")
    assert claim.frame.attribution == "the u.s. military"


def test_no_before_the_count_negates_it():
    w = words("There were no 5 survivors.")
    assert negated(w, next(i for i, t in enumerate(w) if t.text == "5"))


def test_a_date_that_says_when_it_was_said_is_marked():
    claims = extract_claims("The league said Friday that 14 clubs had paid.", date(2025, 6, 2))
    assert [c.frame.when_said for c in claims if c.kind == "date"] == [True]


def test_officials_said_wednesday_names_no_source_wednesday():
    from app.engine.frame.attribution import claimant_spots
    assert claimant_spots(words("The quake destroyed 140 homes, officials said Wednesday.")) == []
    spots = claimant_spots(words("Turnout reached 61%, election officials said yesterday."))
    assert [s[1] for s in spots] == ["election officials"]
    assert [s[1] for s in claimant_spots(words("Prices rose 3.1% in May, the bureau said."))] == ["bureau"]


def _claimants(text: str) -> list[str | None]:
    return [c.frame.claimant for c in extract_claims(text) if c.kind in ("count", "number")]


def test_a_source_that_says_in_the_present_names_the_figure():
    assert _claimants("The police say 18,500 people joined the vigil in Orvane.") == ["police"]
    assert _claimants("Election monitors estimate 4,200 ballots were spoiled.") == ["election monitors"]


def test_a_source_in_apposition_before_said_is_the_source_not_the_clause_before():
    text = "Police put the crowd at 20,000; organisers, the Orvane Tenants Union, said 60,000 people came."
    assert _claimants(text)[-1] == "orvane tenants union"


def test_a_figure_before_a_comma_and_said_still_takes_the_name_after_said():
    assert _claimants("The toll rose to 12, said Mayor Ilse Varn.") == ["mayor ilse varn"]


@pytest.mark.parametrize(("sentence", "surface"), [
    # a verb of saying used as a participle names no source
    ("Officials updated the toll: 12 people are now confirmed dead and 83 injured.", "83"),
    ("The number of confirmed cases has risen to 14.", "14"),
    ("Mandalay bore the heaviest toll, with 694 confirmed deaths.", "694 confirmed deaths"),
])
def test_a_participle_of_saying_names_no_source(sentence, surface):
    (claim,) = [c for c in extract_claims(sentence) if c.text == surface]
    assert claim.frame.claimant is None


def test_a_source_known_by_a_short_name_in_brackets_is_that_name_and_a_qualifier_is_no_source():
    from app.engine import extract_claims
    found = extract_claims("The National Workers' Front (FNT) said nearly 1.5 million workers had joined.")
    assert [c.frame.claimant for c in found] == ["fnt"]
    assert [c.frame.claimant for c in extract_claims("The FNT said 1.5 million workers joined.")] == ["fnt"]
