"""Dates, times and durations (app/engine/extract/dates.py), resolved against the publication date."""

from datetime import date

import pytest

from app.engine import extract_claims
from app.engine.extract.dates import match_date
from app.engine.text.tokens import tokenize

MONDAY = date(2025, 6, 2)


def resolved(text: str, published: date = MONDAY):
    tokens = tokenize(text)
    for i in range(len(tokens)):
        m = match_date(tokens, i, published)
        if m is not None:
            return m
    raise AssertionError(f"no date in {text!r}")


def test_may_16_takes_the_publication_year():
    assert resolved("held on May 16").iso == "2025-05-16"


def test_june_2_2025_with_year():
    assert resolved("on June 2, 2025, officials").iso == "2025-06-02"


def test_abbreviated_month_with_dot():
    assert resolved("Tuesday, Nov. 18, 2025").iso == "2025-11-18"


def test_sunday_is_the_day_before_a_monday_paper():
    assert resolved("Ukraine said Sunday").iso == "2025-06-01"


def test_weekday_after_publication_is_the_coming_one():
    assert resolved("due to take effect on Friday", date(2025, 11, 18)).iso == "2025-11-21"


def test_last_night_is_the_day_before():
    assert resolved("drones hit the city last night").iso == "2025-06-01"


def test_overnight_into_saturday_spans_two_days():
    assert resolved("a barrage overnight into Saturday", date(2025, 12, 6)).iso == "2025-12-05/2025-12-06"


def test_earlier_this_year_ends_the_day_before_publication():
    assert resolved("talks earlier this year").iso == "2025-01-01/2025-06-01"


def test_date_low_and_high_are_ordinals():
    m = resolved("held on May 16")
    assert m.low == m.high == date(2025, 5, 16).toordinal()


def test_eleven_am_is_a_time():
    (c,) = extract_claims("at 11 a.m. local time")
    assert (c.kind, c.value.nominal, c.value.zone) == ("time", 660, "local")


def test_clock_time_with_colon_is_a_time():
    (c,) = extract_claims("at 9:35 PM on")
    assert (c.kind, c.value.nominal) == ("time", 21 * 60 + 35)


def test_slash_digits_are_a_date_not_a_quantity():
    claims = extract_claims("the decree of 06/01 was signed")
    assert [c.kind for c in claims] == ["date"]


def test_year_is_a_date_not_a_count():
    (claim,) = extract_claims("The plant opened in 2016.")
    assert claim.kind == "date" and claim.value.iso == "2016-01-01/2016-12-31"


def test_may_the_verb_is_not_a_date():
    assert extract_claims("Prices may rise.") == []


def durations(text: str):
    return [c for c in extract_claims(text) if c.kind == "duration"]


def test_eighteen_months_equals_a_year_and_a_half():
    (a,) = durations("It took 18 months.")
    (b,) = durations("It took a year and a half.")
    assert a.value.base_nominal == pytest.approx(b.value.base_nominal)


def test_one_point_five_years_equals_a_year_and_a_half():
    (a,) = durations("It took 1.5 years.")
    (b,) = durations("It took a year and a half.")
    assert a.value.base_nominal == pytest.approx(b.value.base_nominal)


def test_nearly_four_years_is_a_bounded_duration():
    (c,) = durations("the invasion began nearly four years ago")
    assert (c.value.high, c.value.low, c.value.unit) == (4, None, "year")


def test_three_year_war_is_a_duration():
    (c,) = durations("ending the three-year war")
    assert c.value.nominal == 3 and c.text == "three-year"


def test_nearly_four_year_old_war_is_a_duration_not_an_age():
    (c,) = durations("the nearly 4-year-old war")
    assert c.value.high == 4 and c.value.unit == "year"


def test_over_the_weekend_is_the_saturday_and_sunday_before():
    assert resolved("attacks over the weekend").iso == "2025-05-31/2025-06-01"


def test_this_weekend_on_a_thursday_is_the_coming_one():
    assert resolved("a storm this weekend", date(2025, 6, 5)).iso == "2025-06-07/2025-06-08"


def test_in_may_is_the_month():
    assert resolved("talks began in May").iso == "2025-05-01/2025-05-31"


def test_nov_18_2025_with_weekday_before():
    assert resolved("in Madrid, Tuesday, Nov. 18, 2025.").iso == "2025-11-18"


def test_day_before_month_is_a_date():
    assert resolved("on 16 May 2025 the talks").iso == "2025-05-16"


def test_decade_is_a_date():
    (claim,) = extract_claims("prices last seen in the 1990s")
    assert claim.kind == "date" and claim.text == "1990s"


def test_weekday_next_to_an_explicit_date_is_part_of_that_date():
    # published on a Monday; the weekday alone would resolve to the day before
    m = resolved("the vote on Sunday June 15 passed")
    assert (m.iso, m.end - m.start) == ("2025-06-15", 3)
    assert resolved("closed Friday, 13 June").iso == "2025-06-13"


def test_until_saturday_points_forward():
    # a Friday paper: the nearest Saturday would be the day after either way; a Wednesday one is not
    assert resolved("shelters stay open until Monday", date(2025, 6, 5)).iso == "2025-06-09"
    assert resolved("the ban runs through Tuesday", date(2025, 6, 6)).iso == "2025-06-10"


def test_last_friday_points_back():
    assert resolved("the storm hit last Saturday", date(2025, 6, 5)).iso == "2025-05-31"


def test_by_the_end_of_the_decade_is_its_last_day():
    assert resolved("net zero by the end of the decade").iso == "2029-12-31"
    assert resolved("open by the end of next month").iso == "2025-07-31"


def test_next_monday_in_a_monday_paper_is_a_week_later():
    assert resolved("talks resume next Monday").iso == "2025-06-09"
    assert resolved("it opened last Monday").iso == "2025-05-26"


@pytest.mark.parametrize(("text", "surface", "low", "high"), [
    # one of a unit, bounded by the qualifier before "a"/"an"
    ("The jury deliberated for more than an hour.", "more than an hour", 1.0, None),
    ("The heatwave lasted nearly a week.", "nearly a week", None, 1.0),
    ("The leader crossed the line less than a minute ahead.", "less than a minute", None, 1.0),
    ("Trial enrolment took more than a year.", "more than a year", 1.0, None),
])
def test_a_bounded_unit_after_a_is_a_figure(text, surface, low, high):
    (d,) = durations(text)
    assert (d.text, d.value.low, d.value.high) == (surface, low, high)


@pytest.mark.parametrize("text", [
    "The polls closed an hour later.",        # no bound: "an hour" is a time, not a figure
    "The market rallied for an hour.",
    "Voters queued for a long time.",
])
def test_a_bare_unit_after_a_is_no_figure(text):
    assert durations(text) == []
