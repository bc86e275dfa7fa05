"""Clock times, race times and compound durations (app/engine/extract/clock.py, compound.py)."""

from datetime import date

from app.engine import extract_claims

PAPER = date(2025, 9, 24)


def claims(text: str):
    return extract_claims(text, PAPER)


def only(text: str, kind: str):
    found = [c for c in claims(text) if c.kind == kind]
    assert len(found) == 1, [(c.kind, c.text) for c in claims(text)]
    return found[0]


def test_a_dotted_time_is_a_clock_time_before_a_part_of_the_day_or_a_zone():
    assert only("The roof fell in at 11.52 this morning, police said.", "time").value.nominal == 712
    assert only("Polls close at 9.30 local time.", "time").value.nominal == 570
    # a dotted figure with neither could be a price or an index
    assert [c.kind for c in claims("Shares closed at 11.52 on Friday.")] == ["number", "date"]


def test_23_47_gmt_is_minutes_after_midnight_in_utc():
    c = only("The ferry docked at 23:47 GMT after a rough crossing.", "time")
    v = c.value
    assert (c.text, v.nominal, v.low, v.high, v.zone, v.base_unit, v.base_nominal) == (
        "23:47 GMT", 1427, 1427, 1427, "GMT", "minute UTC", 1427.0)


def test_11_47_pm_without_a_zone_has_no_utc_value():
    v = only("Polling stations shut at 11:47 p.m. after a power cut.", "time").value
    assert (v.nominal, v.zone, v.base_unit, v.base_nominal) == (1427, None, None, None)


def test_local_time_then_gmt_in_brackets_are_two_times():
    text = "The quake hit at 7:47 p.m. local time (2347 GMT) near the coast."
    times = [c for c in claims(text) if c.kind == "time"]
    assert [(c.text, c.value.nominal, c.value.zone) for c in times] == [
        ("7:47 p.m. local time", 1187, "local"), ("2347 GMT", 1427, "GMT")]
    assert times[0].value.base_unit is None and times[1].value.base_nominal == 1427.0


def test_four_digits_before_gmt_are_a_time_not_the_year_1802():
    found = [(c.kind, c.value.nominal) for c in claims("Trading resumed (1802 GMT) after the halt.")]
    assert found == [("time", 18 * 60 + 2)]


def test_a_four_digit_year_without_a_zone_stays_a_year():
    (c,) = claims("The bridge was built in 1802 by local masons.")
    assert (c.kind, c.value.iso) == ("date", "1802-01-01/1802-12-31")


def test_a_zone_east_of_utc_gives_utc_minutes_modulo_a_day():
    v = only("Voting closed at 01:30 CEST on Monday.", "time").value
    assert (v.nominal, v.zone, v.base_nominal) == (90, "CEST", 1410.0)


def test_utc_plus_three_carries_its_offset():
    v = only("The summit opens at 14:30 UTC+3 in the capital.", "time").value
    assert (v.zone, v.base_nominal) == ("UTC+3", 690.0)


def test_eastern_time_has_no_fixed_offset():
    v = only("Polls close at 9 p.m. ET across the state.", "time").value
    assert (v.nominal, v.zone, v.base_unit) == (1260, "ET", None)


def test_shortly_before_8_pm_is_an_upper_bound():
    c = only("The flood wall gave way shortly before 8 p.m., witnesses said.", "time")
    assert (c.text, c.value.low, c.value.high, c.value.qualifier) == (
        "shortly before 8 p.m.", None, 1200, "upper_bound")


def test_just_after_midnight_is_a_lower_bound():
    v = only("The first results came just after midnight.", "time").value
    assert (v.nominal, v.low, v.high) == (0, 0, None)


def test_around_three_pm_admits_a_quarter_hour_either_side():
    v = only("The match should end around 3 p.m. on Sunday.", "time").value
    assert (v.nominal, v.low, v.high, v.qualifier) == (900, 885, 915, "approximate")


def test_noon_is_a_time():
    v = only("The clinic reopens at noon for vaccinations.", "time").value
    assert v.nominal == 720


def test_a_dotted_morning_time_touching_am_is_a_time():
    v = only("The train left at 7.42am with 300 passengers.", "time").value
    assert v.nominal == 7 * 60 + 42


def test_pence_at_the_end_of_a_sentence_are_not_pm():
    assert [c.kind for c in claims("Shares in the grocer fell 5p.")] == ["money"]


def test_a_race_time_with_hours_is_one_duration_in_seconds():
    c = only("She won the marathon in 2:06:23 despite the heat.", "duration")
    assert (c.text, c.value.nominal, c.value.unit, c.value.base_unit, c.value.base_nominal) == (
        "2:06:23", 7583.0, "second", "second", 7583.0)


def test_minutes_and_decimal_seconds_are_a_race_time():
    c = only("He ran the mile in 3:48.2 to break the club record.", "duration")
    assert c.value.base_nominal == 228.2


def test_two_hours_one_minute_and_39_seconds_is_one_claim():
    (c,) = claims("The rescue took 2 hours, 1 minute and 39 seconds.")
    assert (c.kind, c.text, c.value.base_nominal, c.value.unit) == (
        "duration", "2 hours, 1 minute and 39 seconds", 7299.0, "second")


def test_minutes_then_decimal_seconds_without_and_are_one_time():
    (c,) = claims("The relay team finished in 14 minutes 28.3 seconds.")
    assert c.value.base_nominal == 868.3


def test_two_durations_largest_last_stay_two():
    found = claims("Boil the eggs for 5 minutes and the rice for 2 hours.")
    assert [c.value.base_nominal for c in found] == [300.0, 7200.0]


def test_years_and_months_are_one_period():
    (c,) = claims("The repairs lasted two years and three months.")
    assert (c.value.nominal, c.value.unit) == (27.0, "month")


def test_12_ft_2_in_is_one_length_not_square_feet():
    (c,) = claims("The storm surge reached 12 ft 2 in at the pier.")
    assert (c.text, c.value.nominal, c.value.unit, round(c.value.base_nominal, 4)) == (
        "12 ft 2 in", 146.0, "inch", 3.7084)


def test_ft2_written_together_is_still_square_feet():
    (c,) = claims("The studio measures 400 ft2 in all.")
    assert c.value.unit == "square foot"


def test_in_the_108th_minute_is_the_minute_of_play():
    c = only("The striker scored in the 108th minute to settle the final.", "duration")
    assert (c.text, c.value.nominal, c.value.unit, c.value.base_nominal) == (
        "108th minute", 108.0, "minute", 6480.0)


def test_another_ordinal_stays_no_quantity():
    assert claims("The town marked the 108th anniversary of the flood.") == []


def test_two_days_ago_is_a_date():
    (c,) = claims("Two days ago the river was still within its banks.")
    assert (c.kind, c.value.iso) == ("date", "2025-09-22")


def test_three_weeks_ago_is_the_day_21_days_before():
    (c,) = claims("The first cholera case was confirmed three weeks ago.")
    assert c.value.iso == "2025-09-03"


def test_two_days_later_is_not_resolved_against_publication():
    (c,) = claims("The dam failed two days later.")
    assert c.kind == "duration"


def test_0630_local_time_is_a_time_in_the_local_zone():
    v = only("The first ferry leaves at 0630 local time.", "time").value
    assert (v.nominal, v.zone) == (390, "local")


def test_2215_kyiv_time_is_a_time_on_the_place_clock():
    v = only("The convoy crossed the border at 2215 Kyiv time.", "time").value
    assert (v.nominal, v.zone) == (1335, "Kyiv time")


def test_a_year_after_in_before_local_time_stays_a_year():
    found = [(c.kind, c.text) for c in claims("In 2015 local time zones across the region were merged.")]
    assert found == [("date", "2015")]


def test_a_year_before_a_race_named_after_a_town_stays_a_year():
    assert [c.kind for c in claims("The 2019 Lisbon time trial was won by Ruiz.")] == ["date"]


def test_a_year_shaped_time_after_at_is_a_time():
    v = only("The strike came at 2015 local time.", "time").value
    assert v.nominal == 1215
