"""Unit names as the scorers read them: counted noun phrases, temperatures, pence, ages in months."""

from app.engine import extract_claims


def one(text: str, kind: str | None = None):
    found = [c for c in extract_claims(text) if kind is None or c.kind == kind]
    assert len(found) == 1, [(c.kind, c.text) for c in found]
    return found[0]


def test_a_count_is_named_by_its_modifiers_and_its_head_in_the_singular():
    c = one("The clinic hired 14 community health workers last month.", "count")
    assert (c.value.unit, c.frame.counted) == ("community health worker", "person")


def test_a_demonym_modifier_is_lower_cased_and_a_name_keeps_its_capitals():
    assert one("The survey covered nine African countries.").value.unit == "african country"
    assert one("She has won three Grand Slam titles.").value.unit == "Grand Slam title"


def test_a_capitalised_head_keeps_its_capital():
    assert one("About 2,000 Canadians were stranded abroad.").value.unit == "Canadian"


def test_more_and_other_are_left_out_of_the_name():
    assert one("The coach wants six more strikers.").value.unit == "striker"
    assert one("Nine other hospitals reported cases.").value.unit == "hospital"


def test_a_hyphenated_modifier_stays_one_word():
    assert one("The dealer sold 1,200 F-Series pickups.").value.unit == "F-Series pickup"


def test_one_of_the_best_clinics_is_one_good_clinic():
    assert one("It is one of the best clinics in the province.").value.unit == "good clinic"


def test_a_regular_superlative_is_read_back_to_its_base():
    assert one("It is one of the busiest airports on the coast.").value.unit == "busy airport"


def test_a_word_ending_in_est_that_is_no_superlative_stays():
    assert one("Crews fought 40 forest fires overnight.", "count").value.unit == "forest fire"


def test_degrees_in_weather_text_are_celsius():
    assert one("Forecasters expect 41 degrees in the capital on Friday.", "quantity").value.unit == "celsius"


def test_degrees_without_weather_are_an_angle():
    assert one("The ramp climbs at 12 degrees to the deck.").value.unit == "degree"


def test_celsius_and_fahrenheit_are_named_as_the_scorers_name_them():
    assert one("Water boils at 100 °C at sea level.").value.unit == "celsius"
    assert one("The heat index reached 104 °F.").value.unit == "fahrenheit"


def test_a_model_name_ending_in_f_is_not_fahrenheit():
    assert [c.text for c in extract_claims("The airline ordered a Boeing 777F for cargo.")] == []
    assert [c.text for c in extract_claims("The fund's latest 13F filing lists the stake.")] == []


def test_a_bare_f_after_a_number_is_fahrenheit_in_weather_text():
    assert one("Temperatures fell to 28F in the valley.").value.unit == "fahrenheit"


def test_pence_written_p_are_named_point_and_compare_as_sterling():
    v = one("The lender's shares closed at 340p.").value
    assert (v.unit, v.base_unit, v.base_nominal) == ("point", "GBP", 3.4)


def test_pence_written_out_stay_pence():
    assert one("A stamp now costs 85 pence.").value.unit == "penny"


def test_a_six_month_old_baby_is_six_months_of_age():
    c = one("A six-month-old baby was rescued from the rubble.")
    assert (c.kind, c.value.nominal, c.value.unit) == ("age", 6.0, "month of age")


def test_a_17_year_old_is_still_years_of_age():
    assert one("A 17-year-old swimmer broke the record.").value.unit == "year of age"


def test_cubic_feet_are_a_volume_not_a_length():
    v = one("The field holds 0.9 trillion cubic feet of gas.").value
    assert (v.nominal, v.unit, v.dimension) == (0.9e12, "cubic foot", "length ** 3")


def test_barrels_of_oil_are_named_as_written():
    assert one("The well produced 3,000 barrels of oil a day.").value.unit.startswith("barrel of oil")
