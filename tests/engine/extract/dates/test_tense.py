"""Which occurrence of a weekday, month or holiday a sentence means (app/engine/extract/dates/tense.py)."""

from datetime import date

from tests.engine.extract.dates.datekit import iso, isos

MONDAY = date(2026, 6, 8)
THURSDAY = date(2025, 6, 5)


def test_will_take_place_on_sunday_in_a_monday_paper_is_the_coming_sunday():
    assert iso("The runoff will take place on Sunday, the electoral board confirmed.", MONDAY) == "2026-06-14"


def test_is_scheduled_for_sunday_points_forward():
    assert iso("The final is scheduled for Sunday at the new stadium.", MONDAY) == "2026-06-14"


def test_said_on_sunday_points_back():
    assert iso("The league said on Sunday it had fined the club.", THURSDAY) == "2025-06-01"


def test_sunday_without_a_cue_is_the_nearest_sunday():
    assert iso("Tickets for Sunday's concert are on sale.", THURSDAY) == "2025-06-08"


def test_a_verb_after_a_date_that_opens_the_sentence_gives_the_tense():
    assert iso("Sunday's storm flooded the harbour road.", THURSDAY) == "2025-06-01"


def test_happened_on_friday_is_the_friday_before():
    assert iso("The landslide happened on Friday near the pass.", date(2025, 6, 10)) == "2025-06-06"


def test_a_past_participle_after_will_be_is_no_past_tense():
    assert iso("The bridge will be closed on Friday for inspection.", date(2025, 6, 10)) == "2025-06-13"


def test_would_after_said_points_forward():
    text = "The mayor said that she would visit the depot on Wednesday."
    assert iso(text, date(2025, 11, 18)) == "2025-11-19"


def test_a_date_that_opens_its_clause_takes_the_verb_after_it():
    assert iso("On Saturday, the orchestra will play in the park.", date(2025, 6, 10)) == "2025-06-14"


def test_said_after_a_comma_is_not_the_tense_of_the_date_before_it():
    # "resume" has no cue of its own; the saying comes after the comma: the nearest Thursday
    assert iso("Talks resume on Thursday, the ministry said.", date(2025, 6, 9)) == "2025-06-12"


def test_and_starts_the_clause_of_the_second_date():
    text = "The campaign began on March 14 and ends on March 23."
    assert iso(text, date(2026, 3, 16), "March 23") == "2026-03-23"


def test_a_capitalised_word_is_a_name_not_a_cue():
    assert iso("Will Baxter spoke on Sunday.", THURSDAY) == "2025-06-01"


def test_next_tuesday_is_the_coming_one():
    assert iso("The museum will be closed next Tuesday for repairs.", date(2026, 4, 9)) == "2026-04-14"


def test_this_friday_is_the_friday_of_the_publication_week():
    assert iso("The shelter opens this Friday.", date(2025, 6, 2)) == "2025-06-06"


def test_a_date_after_for_takes_no_direction_from_a_past_verb():
    # "called" is past, but 24 February is the strike's day, not the calling's: the nearest, 11 days ahead
    assert iso("Unions called a general strike for 24 February.", date(2026, 2, 13)) == "2026-02-24"


def test_a_date_after_for_still_follows_a_future_cue():
    # in a Wednesday paper the nearest Sunday is the one before; "will" points to the coming one
    assert iso("The league will reschedule the final for Sunday.", date(2026, 3, 18)) == "2026-03-22"


def test_a_past_verb_right_before_a_date_still_points_back():
    # the nearest 24 February is eleven days ahead; "began on" says it is last year's
    assert iso("The strike began on 24 February.", date(2026, 2, 13)) == "2025-02-24"


def test_beat_is_the_past_of_a_result():
    # in a Wednesday paper the nearest Saturday is the coming one; "beat" says the match was played
    assert iso("Harbour City beat Rovers 3-1 on Saturday.", date(2025, 10, 8)) == "2025-10-04"


def test_a_past_form_after_will_is_a_base_form_and_will_points_forward():
    assert iso("The storm will hit the coast on Saturday.", date(2025, 10, 8)) == "2025-10-11"
    assert iso("The central bank will cut rates on Tuesday.", date(2025, 10, 8)) == "2025-10-14"


def test_a_past_form_after_to_is_a_base_form():
    assert iso("The club plans to beat its attendance record on Saturday.", date(2025, 10, 8)) == "2025-10-11"


def test_a_vote_that_is_on_14_june_is_the_coming_one():
    assert iso("The referendum is on 14 June, the commission said.", date(2026, 3, 2)) == "2026-06-14"


def test_a_final_that_is_on_sunday_in_a_monday_paper_is_the_coming_sunday():
    assert iso("The cup final is on Sunday in Orvale.", date(2026, 3, 2)) == "2026-03-08"


def test_a_final_that_was_on_sunday_is_the_one_before():
    assert iso("The cup final was on Sunday in Orvale.", date(2026, 3, 2)) == "2026-03-01"


def test_figures_that_are_on_a_page_hold_no_date():
    assert isos("The figures are on page 4 of the report.", date(2026, 3, 2)) == []


TUESDAY = date(2026, 3, 10)


def test_a_hyphenated_participle_is_an_adjective_not_the_tense():
    # "storm-battered" is no past tense: the coming Saturday is the nearest one, not last Saturday
    assert iso("Voting opens in the storm-battered north on Saturday.", THURSDAY) == "2025-06-07"


def test_a_verb_after_a_prefix_hyphen_is_still_the_tense():
    assert iso("The mayor, re-elected on Sunday, thanked voters.", THURSDAY) == "2025-06-01"


def test_will_reaches_across_a_long_object_to_the_date():
    text = "The league will open a new youth training centre in the rain-soaked Harlow valley on Saturday."
    assert iso(text, TUESDAY) == "2026-03-14"


def test_a_past_verb_far_before_the_date_says_nothing():
    # "geared" is eleven words back: the date is the nearest Monday, not the one before
    text = "The recount came as both parties geared up for a second round of the count in Norden on Monday."
    assert iso(text, date(2025, 6, 1)) == "2025-06-02"


def test_a_schedule_told_in_the_present_points_forward_and_its_past_back():
    assert iso("The tour finishes in the capital on Sunday.", MONDAY) == "2026-06-14"
    assert iso("The tour finished in the capital on Sunday.", MONDAY) == "2026-06-07"
