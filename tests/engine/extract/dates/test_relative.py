"""Dates counted from publication (app/engine/extract/dates/relative.py)."""

from datetime import date

from tests.engine.extract.dates.datekit import iso, isos

WEDNESDAY = date(2026, 3, 18)


def test_earlier_this_month_ends_the_day_before_publication():
    assert iso("Earlier this month, the regulator fined the lender 4 million euros.", WEDNESDAY) == (
        "2026-03-01/2026-03-17")


def test_later_this_week_starts_the_day_after_publication():
    assert iso("The verdict is expected later this week.", WEDNESDAY) == "2026-03-19/2026-03-22"


def test_last_week_is_the_monday_to_sunday_before():
    assert iso("The minister resigned last week.", date(2026, 3, 11)) == "2026-03-02/2026-03-08"


def test_the_week_before_is_the_week_before_publication():
    assert iso("Ticket sales had doubled the week before.", date(2026, 3, 11)) == "2026-03-02/2026-03-08"


def test_two_days_ago_is_a_day():
    assert iso("Two days ago, the river was still within its banks.", date(2025, 10, 21)) == "2025-10-19"


def test_a_week_ago_is_the_day_a_week_before_as_one_week_ago_is():
    one = iso("One week ago the pass was open.", WEDNESDAY)
    assert iso("A week ago the pass was open.", WEDNESDAY) == one
    assert iso("A week ago the pass was open.", WEDNESDAY) == "2026-03-11"


def test_three_weeks_from_now_counts_forward():
    assert iso("The ferry returns three weeks from now.", WEDNESDAY) == "2026-04-08"


def test_the_day_before_yesterday():
    assert iso("The pumps failed the day before yesterday.", WEDNESDAY) == "2026-03-16"


def test_last_quarter_is_the_quarter_before_publication():
    assert iso("Orders slowed last quarter.", date(2026, 5, 10)) == "2026-01-01/2026-03-31"


def test_this_century():
    assert iso("It is the hottest summer recorded this century.", WEDNESDAY) == "2000-01-01/2099-12-31"


def test_a_fortnight_ago_in_a_sentence_without_digits():
    assert iso("A fortnight ago the dam burst.", WEDNESDAY) == "2026-03-04"


def test_a_decade_ago_is_that_year():
    assert iso("The line closed a decade ago.", WEDNESDAY) == "2016-01-01/2016-12-31"


def test_the_end_of_last_month_is_its_last_day():
    assert iso("The depot shut at the end of last month.", WEDNESDAY) == "2026-02-28"


def test_the_next_day_counts_from_the_day_the_sentence_named():
    text = "The candidate was detained on Monday and released the next day without charge."
    assert isos(text, WEDNESDAY) == [("Monday", "2026-03-16"), ("the next day", "2026-03-17")]


def test_the_day_before_counts_back_from_the_date_before_it():
    text = "Turnout on 8 March beat the figure reported the day before by 4 points."
    assert iso(text, WEDNESDAY, "the day before") == "2026-03-07"


def test_the_following_day_without_a_date_before_it_counts_from_publication():
    assert iso("Results are due the following day.", WEDNESDAY) == "2026-03-19"


def test_yesterday_never_counts_from_another_date_of_the_sentence():
    text = "The river crested on 10 March and fell again yesterday."
    assert iso(text, WEDNESDAY, "yesterday") == "2026-03-17"


def test_the_next_day_of_action_is_a_noun_phrase_not_a_date():
    assert isos("Nurses have called the next day of action.", WEDNESDAY) == []


def test_the_last_week_of_june_is_no_week_before_publication():
    found = isos("Heat alerts ran through the last week of June.", date(2026, 8, 3))
    assert ("the last week", "2026-07-20/2026-07-26") not in found and [t for t, _ in found] == ["June"]
