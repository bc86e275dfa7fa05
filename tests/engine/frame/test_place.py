"""Where a claim is about (texts written for these tests)."""

from app.engine.frame.place import place_of, places
from app.engine.text import read_sentences


def place(sentence: str, word: str):
    s = read_sentences(sentence)[0]
    first = next(i for i, t in enumerate(s.words) if t.text == word)
    return place_of(s.words, s.clauses, places(s.words), first)


def test_in_the_odesa_region_is_the_place():
    assert place("Two people were hurt in the Odesa region.", "Two") == ("odesa", False)


def test_the_city_of_names_the_place():
    assert place("Shelling around the city of Melitor wounded 4 people.", "4") == ("melitor", False)


def test_opening_in_x_applies_to_the_whole_sentence():
    assert place("In Varna, a boy was hurt and 7 others were injured.", "7") == ("varna", False)


def test_a_country_is_not_a_place():
    assert place("Drones hit 9 buildings in Ukraine.", "9") == (None, False)


def test_worldwide_is_a_place_wider_than_any_other():
    assert place("The insurer employs 42,000 people worldwide.", "42,000") == ("world", False)
    assert place("Sales rose 4 percent globally.", "4") == ("world", False)


def test_a_possessive_name_after_over_says_whose_not_where():
    assert place("The premium is 34 percent over Halvorsen's Friday close.", "34") == (None, False)
    assert place("Shelling in Varna's Obolon district wounded 4 people.", "4") == ("varna obolon", False)


def test_a_participle_clause_inherits_the_place_of_its_main_clause():
    assert place("Floods swept the Tarn valley near Albec, killing 3 people.", "3") == ("albec", True)


def test_a_month_is_never_a_place():
    assert place("In March, 12 homes in the Delta region flooded.", "12") == ("delta", False)


def test_each_part_of_a_sentence_after_a_semicolon_opens_with_its_own_place():
    sentence = "In Osk County four people died; in Varn County, two; in Lede County, seven."
    assert place(sentence, "four") == ("osk", False)
    assert place(sentence, "two") == ("varn", False)
    assert place(sentence, "seven") == ("lede", False)


def test_the_place_of_a_sources_office_is_the_place_of_its_figure_and_a_title_is_not():
    from app.engine import extract_claims

    [office] = extract_claims("Officials in Varn County reported one flood death on Sunday.")[:1]
    assert office.frame.place == "varn"
    [titled] = extract_claims("Varn County Sheriff Ada Holm said 43 people died.")[:1]
    assert titled.frame.place is None
