"""Unit names and conversion (app/engine/extract/units.py): quantulum3's names, pint's arithmetic."""

import pytest

from app.engine import extract_claims
from app.engine.extract.units import match_currency_prefix, match_unit, quantulum_surfaces, tables, to_base
from app.engine.text.tokens import tokenize


def unit_after_number(text: str):
    tokens = tokenize(text)
    hit = match_unit(tokens, 1)
    return hit[0] if hit else None


def only(text: str):
    claims = [c for c in extract_claims(text) if not c.is_conversion]
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def test_kilometers_is_named_kilometre():
    assert unit_after_number("500 kilometers").name == "kilometre"


def test_kilometers_and_miles_compare_in_metres():
    km, _ = to_base(unit_after_number("7000 kilometers"), 7000.0)
    mi, base = to_base(unit_after_number("4350 miles"), 4350.0)
    assert base == "meter" and km == pytest.approx(mi, rel=0.01)


def test_percent_sign_is_percentage():
    assert unit_after_number("5 %").name == "percentage"


def test_per_cent_in_two_words_is_percentage():
    assert unit_after_number("5 per cent").name == "percentage"


def test_percentage_points_are_not_percent():
    assert unit_after_number("3 percentage points").name == "percentage point"


def test_mph_is_mile_per_hour():
    assert unit_after_number("87 mph").name == "mile per hour"


def test_dollar_sign_prefix_is_dollar():
    unit, end = match_currency_prefix(tokenize("$7 billion"), 0)
    assert unit.name == "dollar" and end == 1


def test_hong_kong_dollar_prefix():
    assert match_currency_prefix(tokenize("HK$3.7 billion"), 0)[0].name == "hong kong dollar"


def test_currency_word_after_number():
    assert unit_after_number("15 euros").name == "euro"


def test_currency_code_after_number():
    assert unit_after_number("110 JPY").name == "japanese yen"


def test_dollars_per_gram_is_a_compound_unit():
    assert only("priced at $10 per gram").value.unit == "dollar per gram"


def test_a_month_after_money_is_per_month():
    assert only("a $3,500 a month mortgage").value.unit == "dollar per month"


def test_seven_bn_dollars_is_money_in_usd():
    c = only("damage worth $7bn")
    assert c.kind == "money" and c.value.base_nominal == 7e9 and c.value.base_unit == "USD"


def test_celsius_converts_with_offset():
    k, base = to_base(unit_after_number("100 degrees celsius"), 100.0)
    assert base == "kelvin" and k == pytest.approx(373.15)


def test_compound_modifier_kilometer_front_line():
    c = only("along a 1,000-kilometer front line")
    assert (c.kind, c.value.nominal, c.value.unit) == ("quantity", 1000, "kilometre")


def test_seventeen_year_old_girl_is_an_age():
    c = only("a 17-year-old girl was hurt")
    assert (c.kind, c.value.unit) == ("age", "year of age")


def test_parenthetical_conversion_is_attached_and_checked():
    claims = extract_claims("bases more than 7,000 kilometers (4,300 miles) from the border")
    main, conv = claims
    assert main.converted and main.converted[0].text == "4,300 miles"
    assert conv.is_conversion and main.conversion_ok is True


def test_inconsistent_parenthetical_conversion_is_reported():
    main = extract_claims("a 1,000-kilometer (1,000-mile) front line")[0]
    assert main.conversion_ok is False


def test_currency_conversion_is_not_judged_without_a_rate():
    main = extract_claims("sales of HK$3.7 billion (US$473 million) last year")[0]
    assert main.converted and main.conversion_ok is None


def test_every_curated_unit_is_named_as_quantulum3_names_it():
    from quantulum3 import load

    from app.engine import lexicon

    names = set(load.units().names)
    entries = lexicon.table("units")["units"] + lexicon.table("currencies")["currencies"]
    own = {e["name"] for e in entries if e.get("not_in_quantulum3")}
    renamed = {e["name"]: e["quantulum3_name"] for e in entries if "quantulum3_name" in e}
    curated = {u.name for u in tables().by_name.values() if " per " not in u.name}
    assert own and curated - names - own - set(renamed) == set()
    assert set(renamed.values()) <= names  # "celsius" stands for quantulum3's own "degree Celsius"


def test_unit_words_beyond_the_curated_table_come_from_quantulum3():
    assert quantulum_surfaces().get("furlongs") == "furlong"


def test_dimension_is_named_by_pint():
    assert only("a 50 mph wind").value.dimension == "length / time"


def test_money_per_unit_does_not_compare_as_plain_money():
    assert only("priced at $10 per gram").value.base_unit == "USD per gram"


def test_cubic_yards_are_a_volume_named_as_quantulum3_names_it():
    c = only("The contractor hauled 30,000 cubic yards of fill to the levee.")
    assert (c.value.unit, c.value.base_unit) == ("cubic yard", "meter ** 3")
    assert c.value.base_nominal == pytest.approx(22936.6, rel=1e-4)


def test_cubic_kilometres_are_no_kilometres():
    c = only("The reservoir stores 12 cubic kilometres of meltwater.")
    assert (c.value.unit, c.value.base_nominal) == ("cubic kilometre", pytest.approx(1.2e10))


def test_square_inches_are_an_area():
    assert only("Each solar cell covers 4 square inches.").value.unit == "square inch"


def test_a_listed_power_keeps_its_listed_name():
    assert only("The ranch spans 40 square miles.").value.unit == "square mile"


def test_cubic_metres_per_second_are_a_flow():
    assert only("The spillway released 500 cubic metres per second.").value.unit == "cubic metre per second"


def test_square_before_a_word_that_is_no_length_is_no_unit():
    c = only("Relief crews served 3 square meals to the stranded.")
    assert (c.kind, c.value.unit) == ("count", "square meal")


def test_a_price_a_bushel_is_per_bushel():
    assert only("Soybeans settled at $11.20 a bushel.").value.unit == "dollar per bushel"


@pytest.mark.parametrize(
    ("text", "unit", "code"),
    [
        ("The new clinic cost 2.3 billion Kenyan shillings.", "kenyan shilling", "KES"),
        ("Canal receipts reached 9.4 billion Egyptian pounds.", "egyptian pound", "EGP"),
        ("Growers were paid 1,200 cedis a bag.", "ghanaian cedi", "GHS"),
        ("The arena cost 40 billion forints.", "hungarian forint", "HUF"),
    ],
)
def test_a_named_national_currency_is_money_in_its_code(text, unit, code):
    c = [c for c in extract_claims(text) if c.kind == "money"][0]
    assert (c.value.unit, c.value.base_unit.split(" ")[0]) == (unit, code)


def test_crowns_alone_are_no_currency():
    assert only("Divers recovered 300 crowns from the wreck.").kind == "count"


def test_a_summit_number_is_no_colombian_peso():
    assert [c.value.unit for c in extract_claims("Delegates at COP 28 argued over 2 degrees.")] == ["degree"]


def test_30_m_wide_written_apart_is_metres():
    c = [c for c in extract_claims("The span is 1.2 km long and 30 m wide.") if c.text.startswith("30")][0]
    assert (c.text, c.value.unit) == ("30 m", "metre")


def test_a_spaced_m_before_people_is_no_metre():
    assert "metre" not in [c.value.unit for c in extract_claims("Some 10 m people watched the final.")]


def test_a_spaced_m_before_in_reserve_is_no_metre():
    assert "metre" not in [c.value.unit for c in extract_claims("The board keeps 3 m in reserve.")]


def test_a_capital_c_is_celsius_in_a_story_of_temperatures_even_where_its_sentence_names_no_weather():
    text = ("Temperatures hit 45C in Beja on Tuesday. It beats the previous national high of 47.3C, the "
            "Instituto Nacional de Meteorologia e Clima said. A coffee in the square costs 65c.")
    found = {c.text: (c.kind, c.value.unit) for c in extract_claims(text)}
    assert found["47.3C"] == ("quantity", "celsius")
    assert found["65c"] == ("money", "cent")  # a lower-case c stays a cent
    # with no temperature elsewhere in the story, a bare "C" is no temperature
    alone = extract_claims("It beats the previous national high of 47.3C, the institute said.")
    assert all(c.value.unit != "celsius" for c in alone)


def test_bare_degrees_past_any_celsius_weather_are_fahrenheit():
    found = {c.text: c.value.unit for c in extract_claims(
        "Temperatures reached 104 degrees on Sunday, and 41 degrees in Sevilla a week earlier.")}
    assert (found["104 degrees"], found["41 degrees"]) == ("fahrenheit", "celsius")


def test_a_one_letter_symbol_after_a_space_is_a_unit_where_its_line_or_clause_ends():
    assert [(c.text, c.value.unit) for c in extract_claims("- Climbing: 5,150 m")] == [("5,150 m", "metre")]
    # a word after it: the letter may stand for another word ("3 m people")
    assert all(c.value.unit != "metre" for c in extract_claims("Some 3 m people voted."))
