"""Changes and levels, currencies and scales, and units lent where they do not belong
(app/engine/extract/quantities.py, units.py, numbers.py, elision.py)."""

from app.engine import extract_claims


def figures(text: str):
    return [
        (c.text, c.value.nominal, c.value.low, c.value.high, c.value.unit, c.trend)
        for c in extract_claims(text)
        if c.kind not in ("date", "time")
    ]


def one(text: str):
    (c,) = [c for c in extract_claims(text) if c.kind not in ("date", "time")]
    return c


def test_oil_rose_a_change_to_a_level_a_barrel_is_two_claims():
    assert figures("Brent rose $1.20 to $85.40 a barrel on supply fears.") == [
        ("$1.20", 1.2, 1.2, 1.2, "dollar", "up"),
        ("$85.40 a barrel", 85.4, 85.4, 85.4, "dollar per barrel", None),
    ]


def test_shares_fell_pence_to_a_price_is_a_change_and_a_level():
    found = figures("Shares in the brewer fell 12p to 340p after the warning.")
    assert [(f[1], f[5]) for f in found] == [(12.0, "down"), (340.0, None)]


def test_a_fall_in_points_to_a_percent_is_a_change_and_a_level():
    found = figures("Inflation fell 0.3 points to 2.1% in August.")
    assert [(f[1], f[4], f[5]) for f in found] == [(0.3, "point", "down"), (2.1, "percentage", None)]


def test_grew_by_a_million_to_a_population_is_a_change_and_a_level():
    found = figures("The city grew by 40,000 to 1.2 million people.")
    assert [(f[1], f[5]) for f in found] == [(40000.0, "up"), (1200000.0, None)]


def test_a_rise_between_two_close_figures_stays_a_range():
    (f,) = figures("Sales of heat pumps rose 5% to 7% in the spring.")
    assert (f[2], f[3], f[5]) == (5.0, 7.0, "up")


def test_growth_by_a_range_a_year_keeps_the_rate_on_both_ends():
    (f,) = figures("Output grew by 4% to 6% a year over the decade.")
    assert (f[2], f[3], f[4]) == (4.0, 6.0, "percentage per year")


def test_a_vote_split_is_two_figures_not_a_range():
    found = figures("The motion passed by 66.4% to 33.6% after the debate.")
    assert [(f[1], f[4]) for f in found] == [(66.4, "percentage"), (33.6, "percentage")]


def test_fell_from_one_price_to_another_is_a_downward_range():
    (f,) = figures("Wheat fell from $310 to $290 a tonne.")
    assert (f[2], f[3], f[5]) == (310.0, 290.0, "down")


def test_a_negative_range_keeps_both_signs():
    (f,) = figures("Overnight lows ranged from -18 °C to -34 °C in the hills.")
    assert sorted((f[2], f[3])) == [-34.0, -18.0]


def test_three_million_a_year_earlier_is_dollars_not_dollars_per_year():
    found = figures("Profit rose to $4 million from $3 million a year earlier.")
    assert [f[4] for f in found] == ["dollar", "dollar"]


def test_three_thousand_dollars_a_month_is_still_a_rate():
    assert one("The flat rents for $3,000 a month.").value.unit == "dollar per month"


def test_a_price_a_dozen_is_per_dozen_not_twelve_cents():
    assert figures("Eggs sold at 64.2 cents a dozen.") == [
        ("64.2 cents a dozen", 64.2, 64.2, 64.2, "cent per dozen", None)]


def test_two_hundred_times_does_not_borrow_the_dollars_before_it():
    found = figures("He bet $3,000 two hundred times.")
    assert [f[4] for f in found] == ["dollar", None]


def test_around_one_dam_is_no_quantity():
    assert figures("The valley was flooded around one dam.") == []


def test_about_one_hour_is_still_an_approximate_duration():
    assert one("The crossing takes about one hour.").value.qualifier == "approximate"


def test_world_champion_over_5000m_names_the_race_not_a_bound():
    c = one("She became world champion over 5,000m in Oslo.")
    assert (c.value.nominal, c.value.unit, c.value.qualifier) == (5000.0, "metre", "exact")


def test_over_100_mm_of_rain_is_still_a_lower_bound():
    assert one("Over 100 mm of rain fell on the town.").value.qualifier == "lower_bound"


def test_twenty_million_pounds_in_a_transfer_fee_is_sterling():
    assert one("The club paid a fee of 20 million pounds for the keeper.").value.unit == "pound sterling"


def test_twenty_pounds_of_flour_is_a_weight():
    assert one("The bakery used 20 pounds of flour.").value.unit == "pound-mass"


def test_crore_and_lakh_scale_the_number():
    found = figures("The ministry approved Rs 1,200 crore to vaccinate 12 lakh people.")
    assert [(f[1], f[4]) for f in found] == [(12_000_000_000.0, "indian rupee"), (1_200_000.0, "people")]


def test_nepali_rupees_are_nepalese_not_indian():
    assert one("The fine was 5 million Nepali rupees.").value.unit == "nepalese rupee"


def test_taka_written_tk_is_bangladeshi():
    v = one("Garment exports reached Tk 4,500 crore.").value
    assert (v.nominal, v.unit, v.base_unit) == (45_000_000_000.0, "bangladeshi taka", "BDT")


def test_a_hyphenated_million_strong_keeps_the_million():
    c = one("The 1.5-million strong diaspora votes abroad.")
    assert c.value.nominal == 1_500_000.0


def test_a_mixed_fraction_percent_is_no_date():
    assert [f[1] for f in figures("The bank raised its rate to 7 3/4 % from 7 1/2 %.")] == [7.75, 7.5]


def test_a_quarter_mile_is_a_length_not_a_date():
    assert one("The horse covered the final 1/4 mile fastest.").value.nominal == 0.25


def test_a_slash_date_stays_a_date():
    assert [c.kind for c in extract_claims("The decree of 06/01 was signed.")] == ["date"]


def test_times_ten_to_a_power_is_one_number():
    assert one("The dust weighs about 2.5×10−9 grams.").value.nominal == 2.5e-9


def test_half_the_homes_is_a_share():
    assert [c.value.nominal for c in extract_claims("Half the homes in the village lost power.")] == [0.5]


def test_the_second_half_is_still_no_share():
    assert extract_claims("They scored in the second half the coach praised.") == []


def test_up_from_a_figure_names_the_level_before_not_a_change():
    found = figures("Ticket revenue reached $48 million, up from $31 million a season earlier.")
    assert [(f[1], f[5]) for f in found] == [(48e6, None), (31e6, None)]


def test_down_from_a_share_names_the_level_before():
    found = figures("Turnout was 58%, down from 64% at the last election.")
    assert [(f[1], f[5]) for f in found] == [(58.0, None), (64.0, None)]


def test_fell_from_a_price_with_no_level_after_is_no_change():
    (f,) = figures("Gas prices fell from $4.10 during the week.")
    assert (f[1], f[5]) == (4.1, None)


def test_went_up_from_one_fare_to_another_is_still_a_rising_range():
    (f,) = figures("The tram fare went up from 1.80 euros to 2.10 euros.")
    assert (f[2], f[3], f[5]) == (1.8, 2.1, "up")


def test_a_startup_that_raised_a_sum_gathered_it():
    found = figures("The battery startup raised $40m from two pension funds.")
    assert [(f[1], f[4], f[5]) for f in found] == [(40e6, "dollar", None), (2.0, "pension fund", None)]


def test_raised_by_a_sum_is_still_a_rise():
    (f,) = figures("The water board raised the annual charge by $35.")
    assert (f[1], f[5]) == (35.0, "up")


def test_raised_a_rate_by_points_is_still_a_rise():
    (f,) = figures("The reserve bank raised its policy rate by 0.25 points.")
    assert (f[1], f[5]) == (0.25, "up")


def test_a_number_before_were_sold_counts_things_not_dollars():
    found = figures("Seats cost $40 each, and 3,000 were sold by noon.")
    assert [(f[1], f[4]) for f in found] == [(40.0, "dollar"), (3000.0, None)]


def test_a_number_before_are_planned_takes_no_metres():
    found = figures("The first dyke is 12 metres high, and 3 are planned.")
    assert [(f[1], f[4]) for f in found] == [(12.0, "metre"), (3.0, None)]


def test_a_count_still_lends_its_noun_to_a_number_before_were():
    found = figures("Eight climbers were hurt, and three were flown out.")
    assert [(f[1], f[4]) for f in found] == [(8.0, "climber"), (3.0, "climber")]


def test_a_sum_still_lends_its_currency_to_a_bare_level_after_is():
    found = figures("Milk costs 84.75 cents, while the lowest is 74.07.")
    assert [(f[1], f[4]) for f in found] == [(84.75, "cent"), (74.07, "cent")]


def test_anywhere_from_one_figure_to_another_is_a_range_not_a_change():
    """After a range opener (qualifiers.toml [range_openers]) 'from ... to' states values, not a move: the
    interval is ordered and no figure is the base of a change."""
    c = one("Sales could be anywhere from 40,000 to 25,000 units this year, the trade body said.")
    assert (c.value.low, c.value.high, c.frame.modality) == (25_000, 40_000, "forecast")
    c = one("Estimates of the storm damage ranged from $2bn to $3.5bn.")
    assert (c.value.low, c.value.high) == (2e9, 3.5e9) and c.frame.modality != "previous"
    c = one("Fares rose from £3 to £4 in January.")
    assert c.frame.modality == "previous"  # a change: the figure it rose from
