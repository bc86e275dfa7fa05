"""Place, time, attribution and negation of a claim (texts written for these tests)."""

from datetime import date

from app.engine.frame.circumstances import attribution_of, negated, place_of, time_of
from app.engine.text.words import clause_ids, tokenize


def at(sentence: str, word: str):
    toks = tokenize(sentence)
    first = next(i for i, t in enumerate(toks) if t.text == word)
    return toks, first, clause_ids(toks)


def test_in_the_odesa_region_is_the_place():
    toks, first, clauses = at("Two people were hurt in the Odesa region.", "Two")
    assert place_of(toks, first, clauses) == ("odesa", False)


def test_the_city_of_names_the_place():
    toks, first, clauses = at("Shelling around the city of Melitor wounded 4 people.", "4")
    assert place_of(toks, first, clauses) == ("melitor", False)


def test_opening_in_x_applies_to_the_whole_sentence():
    toks, first, clauses = at("In Varna, a boy was hurt and 7 others were injured.", "7")
    assert place_of(toks, first, clauses) == ("varna", False)


def test_a_country_is_not_a_place():
    toks, first, clauses = at("Drones hit 9 buildings in Ukraine.", "9")
    assert place_of(toks, first, clauses) == (None, False)


def test_last_night_is_the_day_before_publication():
    toks, first, clauses = at("Drones hit 9 buildings last night.", "9")
    assert time_of(toks, first, clauses, date(2025, 6, 2)) == "2025-06-01"


def test_said_the_governor_after_the_verb_is_the_attribution():
    toks, first, clauses = at("Nine people were hurt, said the governor.", "Nine")
    assert attribution_of(toks, clauses, first) == "the governor"


def test_no_before_the_count_negates_it():
    toks, first, _ = at("There were no 5 survivors.", "5")
    assert negated(toks, first)
