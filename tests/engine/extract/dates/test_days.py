"""Days and months in words (app/engine/extract/dates/days.py)."""

from datetime import date

from tests.engine.extract.dates.datekit import iso, isos

WINTER = date(2025, 12, 20)  # a Saturday
SPRING = date(2025, 5, 12)  # a Monday


def test_on_1st_january_in_a_december_paper_is_the_coming_one():
    text = "The new toll regime will apply from 1st January, the port authority said."
    assert iso(text, WINTER) == "2026-01-01"


def test_1st_january_said_of_the_past_is_the_one_before():
    assert iso("The choir was founded on 1st January by two organists.", date(2025, 3, 4)) == "2025-01-01"


def test_the_9th_of_may_is_a_day_not_the_month():
    assert iso("The treaty was signed on the 9th of May in Valdoria.", SPRING) == "2025-05-09"


def test_may_9th_is_a_day():
    assert iso("Rehearsals ended on May 9th after a fortnight.", SPRING) == "2025-05-09"


def test_9th_may_2026_keeps_its_year():
    assert iso("The comet passes closest on 9th May 2026, astronomers say.", SPRING) == "2026-05-09"


def test_the_first_of_march_in_words():
    assert iso("Ticket sales open on the first of March.", date(2026, 2, 10)) == "2026-03-01"


def test_twenty_first_in_words_after_the_month():
    assert iso("The regatta is held on June twenty-first every year.", SPRING) == "2025-06-21"


def test_3_aug_2027_with_the_abbreviation_dot():
    assert iso("The lander is due to touch down on 3 Aug. 2027.", date(2026, 2, 3)) == "2027-08-03"


def test_sept_5_and_5_sept_are_the_same_day():
    text_a = "The orchard harvest began on Sept. 5 in the valley."
    text_b = "The orchard harvest began on 5 Sept in the valley."
    assert iso(text_a, date(2025, 9, 20)) == iso(text_b, date(2025, 9, 20)) == "2025-09-05"


def test_a_full_stop_after_a_month_is_not_part_of_the_date():
    (c,) = [x for x in isos("The museum reopened on 1 June.", date(2025, 6, 3))]
    assert c == ("1 June", "2025-06-01")


def test_march_last_year_is_march_of_the_year_before():
    assert iso("Wheat prices peaked in March last year.", date(2026, 1, 15)) == "2025-03-01/2025-03-31"


def test_in_march_with_a_future_verb_is_the_coming_march():
    assert iso("The tram line will open in March.", date(2026, 1, 15)) == "2026-03-01/2026-03-31"


def test_in_march_without_a_cue_is_the_last_one():
    assert iso("Rents rose sharply in March.", date(2026, 1, 15)) == "2025-03-01/2025-03-31"


def test_since_may_is_the_month():
    assert iso("Water has been rationed since May.", date(2025, 8, 1)) == "2025-05-01/2025-05-31"


def test_may_the_verb_after_a_number_is_no_date():
    assert isos("Of the 16, May said only four would return.", SPRING) == []


def test_june_the_first_name_is_no_date():
    assert isos("June Okafor chaired the panel.", SPRING) == []


def test_the_march_for_a_cause_is_a_march_not_the_month():
    assert isos("Thousands joined the March for Clean Rivers.", SPRING) == []


def test_the_march_figures_are_the_month():
    assert iso("Analysts revised the March figures downward.", SPRING) == "2025-03-01/2025-03-31"


def test_first_time_buyers_after_a_month_are_no_day():
    text = "In June first-time buyers took half of all loans."
    assert iso(text, date(2025, 8, 1)) == "2025-06-01/2025-06-30"


def test_on_the_21st_alone_is_the_nearest_21st():
    assert iso("The council votes on the 21st.", date(2025, 8, 18)) == "2025-08-21"


def test_the_21st_floor_is_no_date():
    assert isos("The fire started on the 21st floor.", date(2025, 8, 18)) == []


def test_thursday_the_21st_is_the_21st_that_is_a_thursday():
    assert iso("Talks resume on Thursday the 21st in Lisbon.", date(2025, 8, 18)) == "2025-08-21"


def test_friday_the_13th_looks_for_the_month_where_it_falls():
    # published on 2 June 2025: the nearest Friday 13th is 13 June 2025
    assert iso("The premiere is set for Friday the 13th.", date(2025, 6, 2)) == "2025-06-13"


def test_the_5th_of_next_month():
    assert iso("Payments resume on the 5th of next month.", date(2025, 10, 20)) == "2025-11-05"


def test_1_to_5_october_is_a_span_of_days():
    assert iso("The book fair ran from 1 to 5 October.", date(2025, 10, 30)) == "2025-10-01/2025-10-05"


def test_october_1_5_with_a_dash_is_a_span_of_days():
    text = "The book fair ran October 1-5 in the old hall."
    assert iso(text, date(2025, 10, 30)) == "2025-10-01/2025-10-05"


def test_between_24_and_26_may_is_a_span_of_days():
    assert iso("Storms hit the coast between 24 and 26 May.", date(2025, 6, 2)) == "2025-05-24/2025-05-26"


def test_the_july_september_quarter_is_three_months():
    text = "The economy grew 0.4% in the July-September quarter."
    assert iso(text, date(2025, 11, 15)) == "2025-07-01/2025-09-30"


def test_a_range_of_numbers_before_a_noun_is_no_date():
    assert isos("Teams of 5 to 7 players took part.", date(2025, 6, 2)) == []


def test_the_sunday_times_is_a_newspaper_not_a_date():
    assert isos("The Sunday Times reported the merger first.", SPRING) == []


def test_sunday_before_the_sunday_times_is_still_a_date():
    text = "Shares fell on Sunday, the Sunday Times reported."
    assert isos(text, date(2025, 10, 30)) == [("Sunday", "2025-10-26")]


def test_march_the_verb_in_lower_case_is_no_date():
    assert isos("Nurses will march on Sunday.", date(2025, 10, 30)) == [("Sunday", "2025-11-02")]


def test_a_possessive_weekday_is_a_date():
    assert isos("Tickets for Sunday's final sold out.", date(2025, 10, 30)) == [("Sunday's", "2025-11-02")]


def test_a_weekday_beside_a_day_without_a_year_picks_the_year_it_falls_in():
    # 15 June 2025 is a Sunday: a January 2026 paper's "Sunday, June 15" is last June's
    assert iso("The regatta was held on Sunday, June 15.", date(2026, 1, 10)) == "2025-06-15"
    # in a 2026 paper the inferred year would be 2026 (a Monday); the weekday says 2025 either way
    assert iso("Sunday, June 15 saw record crowds.", date(2026, 6, 1)) == "2025-06-15"


def test_a_strike_planned_for_the_25th_is_the_coming_25th():
    assert iso("The dockers' strike is planned for the 25th.", SPRING) == "2025-05-25"


def test_prices_frozen_through_the_15th_end_on_a_day():
    assert iso("Bread prices are frozen through the 15th.", SPRING) == "2025-05-15"


def test_for_the_3rd_time_is_no_date():
    assert isos("The launch was delayed for the 3rd time.", SPRING) == []


def test_slipped_to_the_5th_is_a_rank_not_a_date():
    assert isos("The club slipped to the 5th after the defeat.", SPRING) == []


def test_a_day_and_month_in_an_undated_article_is_a_month_and_a_day():
    assert iso("The final was played on 28 March before a full stadium.", None) == "--03-28"


def test_a_run_of_days_in_an_undated_article_keeps_its_month_and_days():
    assert iso("The summit ran on 5-6 December in Harlow.", None) == "--12-05/--12-06"


def test_a_day_with_its_year_needs_no_publication_date():
    assert iso("Polls close on 3 May 2024 in Norden.", None) == "2024-05-03"
