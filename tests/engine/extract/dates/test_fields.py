"""Dates as five desks write them: elections, markets, weather, sport, health (sentences written for these
tests). Each one turns on a rule that could break: the direction a tense gives, a day beside its weekday, a
period of a year, a span of days, a holiday, a day counted from publication."""

from datetime import date

from tests.engine.extract.dates.datekit import iso, isos

# elections


def test_a_runoff_that_will_be_held_on_3_may_is_this_years():
    text = "The runoff will be held on 3 May, two weeks after the first round."
    assert iso(text, date(2026, 4, 20)) == "2026-05-03"


def test_the_board_said_on_sunday_in_a_monday_paper_is_the_day_before():
    assert iso("The electoral board said on Sunday that turnout was 58.4%.", date(2026, 5, 4)) == "2026-05-03"


def test_results_certified_by_15_december_in_a_november_paper():
    assert iso("The electoral commission will certify results by 15 December.", date(2025, 11, 3)) == (
        "2025-12-15")


def test_the_2022_election_is_that_year():
    assert iso("The party won 44% of the vote in the 2022 election.", date(2026, 1, 15)) == (
        "2022-01-01/2022-12-31")


def test_a_poll_taken_2_4_october_is_three_days():
    text = "The poll of 1,002 adults was taken 2-4 October."
    assert iso(text, date(2025, 10, 8)) == "2025-10-02/2025-10-04"


# markets


def test_third_quarter_revenue_in_an_october_results_paper():
    text = "Third-quarter revenue rose 4% to $3.1 billion, the company said."
    assert iso(text, date(2025, 10, 30)) == "2025-07-01/2025-09-30"


def test_held_rates_on_thursday_in_a_tuesday_paper_is_last_thursday():
    assert iso("The central bank held rates at 4.25% on Thursday.", date(2026, 2, 10)) == "2026-02-05"


def test_the_second_quarter_of_2025_is_april_to_june():
    text = "Exports fell 2.3% in the second quarter of 2025."
    assert iso(text, date(2025, 8, 1)) == "2025-04-01/2025-06-30"


def test_a_two_day_meeting_on_29_30_april():
    text = "Analysts expect a cut at the bank's 29-30 April meeting."
    assert iso(text, date(2026, 3, 15)) == "2026-04-29/2026-04-30"


def test_since_january_in_a_december_paper_is_this_january():
    assert iso("The index has gained 18% since January.", date(2025, 12, 1)) == "2025-01-01/2025-01-31"


# weather


def test_a_record_on_monday_for_july():
    found = isos("Temperatures reached 43.1C on Monday, a record for July.", date(2025, 7, 22))
    assert found == [("Monday", "2025-07-21"), ("July", "2025-07-01/2025-07-31")]


def test_landfall_forecast_for_friday_evening_is_the_coming_friday():
    assert iso("The storm is forecast to make landfall on Friday evening.", date(2025, 9, 10)) == "2025-09-12"


def test_snow_since_christmas_eve_in_a_january_paper():
    text = "Snowfall totals since Christmas Eve reached 80cm in the hills."
    assert iso(text, date(2026, 1, 5)) == "2025-12-24"


def test_this_summer_and_a_record_year():
    found = isos("This summer was the driest since 1976.", date(2025, 8, 20))
    assert found == [("This summer", "2025-06-01/2025-08-31"), ("1976", "1976-01-01/1976-12-31")]


# sport


def test_saturday_18_october_keeps_both_the_weekday_and_the_day():
    text = "The final will be played on Saturday 18 October at the national stadium."
    assert iso(text, date(2025, 10, 8)) == "2025-10-18"


def test_a_coach_sacked_on_9_february_in_a_february_paper():
    text = "The club sacked its coach on 9 February after five defeats."
    assert iso(text, date(2026, 2, 20)) == "2026-02-09"


def test_a_marathon_on_easter_sunday_this_year():
    found = isos("The marathon takes place on Easter Sunday this year.", date(2026, 4, 1))
    assert found[0] == ("Easter Sunday", "2026-04-05")


# health


def test_admissions_in_the_week_to_16_november():
    assert iso("Flu admissions doubled in the week to 16 November.", date(2025, 11, 20)) == (
        "2025-11-10/2025-11-16")


def test_cases_peaked_two_weeks_ago():
    assert iso("Cases peaked two weeks ago, the health ministry said.", date(2025, 10, 8)) == "2025-09-24"


def test_the_1st_and_the_6th_are_days_of_the_publication_month():
    found = isos("The ward was closed on the 1st and reopened on the 6th.", date(2025, 10, 8))
    assert found == [("the 1st", "2025-10-01"), ("the 6th", "2025-10-06")]


def test_a_numeric_date_the_article_writes_day_first():
    text = "The first doses arrived on 14/01/2026. The campaign begins on 2/3/2026 in the north."
    assert isos(text, date(2026, 1, 12))[-1] == ("2/3/2026", "2026-03-02")
