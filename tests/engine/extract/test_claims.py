"""Extraction of a whole text (app/engine/extract/claims.py): each claim, its kind, value, unit and trend.

Test texts are written for the project, never copied from news.
"""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import extract_claims, warm_up
from app.engine.compare.intervals import interval

PUBLISHED = date(2025, 3, 10)


def claims(text: str):
    return extract_claims(text, PUBLISHED)


def one(text: str, kind: str | None = None):
    found = [c for c in claims(text) if not c.is_conversion and (kind is None or c.kind == kind)]
    assert len(found) == 1, [(c.text, c.kind) for c in found]
    return found[0]


def test_count_takes_the_counted_noun_phrase_as_unit():
    c = one("The navy seized 212 fishing boats.")
    assert (c.kind, c.value.unit, c.frame.counted, c.text) == (
        "count", "fishing boat", "ship", "212 fishing boats")


def test_counted_noun_is_lemmatised():
    assert one("Rescuers found 12 casualties.").value.unit == "casualty"


def test_irregular_plural_fishermen():
    c = one("about 60 commercial fishermen")
    assert (c.value.unit, c.frame.counted) == ("commercial fisherman", "person")  # fishermen are people


def test_strike_and_decoy_drones_count_drones():
    c = one("The army fired 90 strike and decoy drones overnight.", "count")
    assert (c.value.unit, c.frame.counted) == ("strike decoy drone", "drone")


def test_out_of_shares_the_noun_of_the_total():
    first, second = claims("Crews repaired 14 out of 20 pumps.")
    assert (first.value.nominal, first.value.unit) == (14, "pump")
    assert (second.value.nominal, second.value.unit) == (20, "pump")


def test_more_than_forty_is_open_above():
    c = one("Rebels destroyed more than 40 tanks.")
    assert (c.value.low, c.value.high, c.value.qualifier) == (40, None, "lower_bound")


def test_up_to_one_hundred_is_open_below():
    c = one("a plan to buy up to 100 jets")
    assert (c.value.low, c.value.high) == (None, 100)


def test_nearly_forty_is_open_below():
    c = one("nearly 40 jets were lost")
    assert (c.value.low, c.value.high) == (None, 40)


def test_about_is_an_approximate_interval():
    c = one("about 300 tents")
    assert c.value.qualifier == "approximate" and c.value.low < 300 < c.value.high


def test_x_to_y_with_units_is_a_range():
    c = one("a rebound of 5% to 10% is expected")
    assert (c.value.low, c.value.high, c.value.qualifier, c.value.unit) == (5, 10, "range", "percentage")


def test_between_x_and_y_is_a_range():
    c = one("between 200 and 300 workers")
    assert (c.value.low, c.value.high, c.value.unit) == (200, 300, "worker")


def test_hyphen_range_of_digits():
    c = one("it returns 14-18 mpg")
    assert (c.value.low, c.value.high, c.value.unit) == (14, 18, "mile per gallon")


def test_word_range_four_thousand_to_five_thousand():
    c = one("four thousand to five thousand fans")
    assert (c.value.low, c.value.high) == (4000, 5000)


def test_tens_of_thousands_of_lives():
    c = one("a conflict that has claimed tens of thousands of lives")
    assert (c.value.low, c.value.high, c.value.unit) == (10_000, 100_000, "life")


def test_rose_percent_is_an_upward_trend():
    assert one("Exports rose 2.1% last quarter.", "percent").trend == "up"


def test_fell_by_a_third_is_a_downward_trend():
    c = one("Output fell by a third.")
    assert c.trend == "down" and c.value.nominal == pytest.approx(1 / 3)


def test_plus_sign_is_an_upward_trend():
    assert one("Index +0.8%").trend == "up"


def test_rose_to_is_a_level_not_a_trend():
    c = one("Sales rose to $5 million.")
    assert c.trend is None and c.kind == "money"


def test_third_day_is_not_a_quantity():
    assert claims("They met for a third day of talks.") == []


def test_second_round_is_not_a_quantity():
    assert [c for c in claims("the second round of voting") if c.kind != "date"] == []


def test_section_number_is_an_id():
    assert claims("under Section 427 of the code") == []


def test_aircraft_model_is_an_id():
    assert claims("Two Tu-95 bombers flew past.")[0].value.nominal == 2
    assert len(claims("Two Tu-95 bombers flew past.")) == 1


def test_missile_name_with_letter_suffix_is_not_a_quantity():
    c = one("It fired three Iskander-M missiles.")
    assert c.value.nominal == 3


def test_phone_number_is_not_a_quantity():
    assert claims("Call 555-0199 for tickets.") == []


def test_ordinal_suffix_is_not_a_quantity():
    assert claims("She finished 3rd.") == []


def test_name_then_age_in_commas():
    c = one("Coach Dana Miles, 58, said the team was ready.")
    assert (c.kind, c.value.nominal, c.value.unit) == ("age", 58, "year of age")


def test_caption_claims_are_marked_caption():
    caption = "Rescuers carry 3 stretchers in Odesa, Monday. (AP Photo/Jane Doe)"
    text = "The ferry carried 212 passengers.\n" + caption
    contexts = {c.text: c.context for c in claims(text)}
    assert contexts["212 passengers"] == "body" and contexts["3 stretchers"] == "caption"


def test_offsets_survive_curly_quotes_and_non_breaking_spaces():
    text = "“We lost 40\u00a0tanks,” he said \u2014 and 12\r\nmore trucks."
    for c in claims(text):
        assert text[c.start : c.end] == c.text


def test_money_in_words_and_scale():
    c = one("The deal is worth 9 billion yuan.")
    assert (c.kind, c.value.nominal, c.value.unit) == ("money", 9e9, "chinese yuan")


def test_percent_of_a_whole():
    c = one("Just 1 percent agreed.")
    assert (c.kind, c.value.unit) == ("percent", "percentage")


def test_warm_up_runs():
    warm_up()
    assert one("It weighs 5 kg.").value.base_unit == "kilogram"


def test_eight_or_nine_euros_shares_the_unit():
    eight, nine = claims("a meal costs eight or nine euros")
    assert eight.value.unit == nine.value.unit == "euro"


def test_bare_number_after_a_count_shares_its_noun():
    first, second = claims("Builders sold 435 flats by auction and 187 by tender.")
    assert (second.value.nominal, second.value.unit) == (187, "flat")


def test_eight_injured_with_three_in_the_region_counts_the_same_people():
    c = claims("Eight workers were injured, with three in the northern region.")[1]
    assert (c.value.nominal, c.value.unit) == (3, "worker")


def test_digits_then_a_model_name_are_not_a_count():
    assert [c.kind for c in claims("The airline flew its 787 Dreamliner.")] == []


def test_number_word_inside_a_name_is_not_a_quantity():
    assert claims("He spoke to Radio Four about it.") == []


def test_gave_up_is_not_an_upward_trend():
    assert one("The defence gave up 300 yards.").trend is None


def test_climbed_more_than_is_a_bound_not_a_trend():
    c = one("Shares climbed more than 3%.")
    assert (c.trend, c.value.qualifier) == (None, "lower_bound")


def test_grow_sales_by_is_an_upward_trend():
    assert one("The brand hopes to grow sales by 35 per cent.").trend == "up"


def test_one_of_the_oldest_parks_counts_one_old_park():
    c = one("It is one of the oldest parks in town.")
    assert (c.value.nominal, c.value.unit, c.frame.counted) == (1, "old park", "park")


def test_one_alone_is_a_pronoun():
    assert claims("They wanted to buy one as well.") == []


def test_adjective_before_a_unit_word_keeps_the_unit():
    c = one("The team ran for 517 rushing yards.")
    assert (c.kind, c.value.unit) == ("quantity", "yard")


def test_times_a_minute_is_a_rate():
    assert one("The stars spin 700 times a minute.").value.unit == "count per minute"


def test_tests_per_day_is_a_rate_of_a_count():
    assert one("labs ran three thousand tests per day").value.unit == "test per day"


def test_fraction_of_a_unit():
    c = one("a cup is 1/16 of a gallon")
    assert (c.value.nominal, c.value.unit) == (0.0625, "gallon")


_PIECES = [
    "more than",
    "about",
    "between",
    "and",
    "to",
    "-",
    "—",
    "(",
    ")",
    "$",
    "£",
    "%",
    "per cent",
    "7bn",
    "1,000",
    "4.5",
    "twenty-five",
    "a dozen",
    "half a million",
    "tens of thousands of",
    "hundreds",
    "drones",
    "kilometers",
    "miles",
    "a year and a half",
    "May 16",
    "Sunday",
    "overnight into",
    "2016",
    "17-year-old",
    "Tu-95",
    "06/01",
    "555-0199",
    "rose",
    "fell by",
    "a third",
    "\u00a0",
    "\r\n",
    "“",
    "”",
    "U.S.",
    ".",
    ",",
    "one",
    "of the",
    "out of",
    "Section",
    "nearly",
    "up to",
    "'",
    "+3%",
    "1¹",  # digits to str.isdigit that int() cannot read: superscripts, circled numbers
    "²³",
    "①",
    "٣",  # an Arabic-Indic digit, which int() reads
]


@settings(deadline=None)  # the first example may load the unit tables
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from([" ", "", "  "]))
def test_any_text_yields_claims_whose_offsets_slice_it(pieces, sep):
    text = sep.join(pieces)
    for c in extract_claims(text, PUBLISHED):
        assert text[c.start : c.end] == c.text and c.start < c.end
        assert c.sentence_start <= c.start and c.end <= c.sentence_end


def test_the_number_after_a_dash_counts_the_noun_before_it():
    c = one("Russia fired its largest number of drones — 472 — at the city.")
    assert (c.value.nominal, c.value.unit) == (472, "drone")


def test_participle_after_the_noun_ends_the_phrase():
    assert one("One video posted online showed smoke.").value.unit == "video"


def test_verb_after_a_plural_noun_ends_the_phrase():
    assert one("The two sides initiate talks.").value.unit == "side"


def test_from_x_to_y_keeps_the_stated_order_of_a_change():
    c = one("The rate slowed from 4.8 to 4.7 percent.")
    assert (c.value.low, c.value.high, c.value.unit) == (4.8, 4.7, "percentage")


def test_conversion_takes_the_qualifier_of_its_main_claim():
    main, conv = claims("an engine of just under 296 hp (224 kW)")
    assert conv.value.qualifier == main.value.qualifier == "upper_bound"


def test_several_conversions_separated_by_a_slash():
    found = claims("it makes 296 hp (224 kW / 300 PS) of power")
    assert [c.text for c in found] == ["296 hp", "224 kW", "300 PS"]
    assert [c.is_conversion for c in found] == [False, True, True]


def test_closed_down_is_a_downward_trend():
    assert one("Shares closed down 3.4% on Friday.", "percent").trend == "down"


def test_half_a_percentage_point():
    c = one("The rate rose half a percentage point.")
    assert (c.value.nominal, c.value.unit, c.trend) == (0.5, "percentage point", "up")


def test_number_hyphen_noun_counts_that_noun():
    c = one("a 1,200-page report")
    assert (c.kind, c.value.nominal, c.value.unit) == ("count", 1200, "page")


def test_no_dot_number_is_a_rank_not_a_count():
    assert claims("The team sits No. 3 in the league.") == []


def test_product_name_then_number_is_not_an_age():
    assert claims("Users of Windows 11 and macOS were affected.") == []


def test_cut_jobs_is_an_action_not_a_trend():
    assert one("The carmaker will cut 1,500 jobs.").trend is None


def test_grew_by_x_to_y_is_a_change_and_a_level_not_a_range():
    change, level = claims("The fleet grew by 15 ships to 300 ships.")
    assert (change.value.nominal, change.trend, level.value.nominal) == (15, "up", 300)


def test_last_year_after_a_number_is_not_its_unit():
    c = claims("Output reached 67.5 million last year.")[0]
    assert c.value.unit is None and c.value.nominal == 67.5e6


def test_leading_zero_number_is_a_code():
    assert claims("Flight 0451 landed with agent 007.") == []


@settings(deadline=None)  # the first example may load the unit tables
@given(st.lists(st.sampled_from(_PIECES + ["the", "cat", "sat", "over", "weekend", "a"]), max_size=20))
def test_text_without_a_cue_holds_no_quantity(pieces):
    from app.engine.extract.cues import has_cue
    from app.engine.extract.quantities import scan
    from app.engine.text.tokens import tokenize

    text = " ".join(pieces)
    if not has_cue(text):
        assert scan(tokenize(text), PUBLISHED) == []


def test_topping_and_past_are_lower_bounds():
    gust = one("Gusts topping 60 mph felled trees.")
    assert (gust.value.qualifier, gust.value.low, gust.value.high) == ("lower_bound", 60.0, None)
    assert one("The rand slid past 19 per dollar.").value.qualifier == "lower_bound"


def test_the_past_ten_years_is_a_period_not_a_bound():
    assert one("Rents doubled over the past 12 years.").value.qualifier == "exact"


def test_about_half_is_a_share():
    c = one("About half of the members voted.")
    assert (c.value.nominal, c.value.qualifier, c.value.unit) == (0.5, "approximate", "member")
    assert one("Nearly half said they would move.").value.high == 0.5


def test_the_second_half_of_the_game_is_not_a_share():
    assert claims("She scored twice in the second half of the match.") == []


def test_3_4_of_a_mile_takes_the_unit():
    c = one("The tunnel is 3/4 of a mile long.")
    assert (c.value.nominal, c.value.unit) == (0.75, "mile")


def test_lengthened_by_is_a_rise():
    assert one("The pier was lengthened by 80 meters.").trend == "up"
    assert one("The runway was shortened by 300 meters.").trend == "down"


def test_a_rise_of_is_a_change():
    assert one("Tickets cost more, a rise of $40 on last season.", "money").trend == "up"
    assert one("Exports saw a drop of 6% in March.", "percent").trend == "down"


def test_minus_sign_before_a_percent_after_a_name_is_a_downward_trend():
    c, _noon = claims("Nasdaq -0.8% at noon")
    assert (c.value.nominal, c.trend) == (0.8, "down")


def test_n_of_the_x_counts_x():
    part, whole = claims("The party won 41 of the 90 seats.")
    assert (part.value.unit, whole.value.unit) == ("seat", "seat")
    assert one("Seven of the wounded were children.").value.unit == "wounded"


def test_of_the_x_n_counts_x():
    total, part = claims("Of the 40 evacuated, six were treated in hospital.")
    assert (total.value.unit, part.value.unit, part.value.nominal) == ("evacuated", "evacuated", 6.0)


def test_magnitude_names_a_scale():
    count, reading = claims("Some 12 aftershocks were felt, the largest of magnitude 4.4.")
    found = (reading.value.nominal, reading.value.unit, reading.frame.counted)
    assert found == (4.4, "magnitude", "magnitude")
    assert one("Seismologists put the magnitude at 6.3.").frame.counted == "magnitude"


def test_65c_is_a_cent_in_the_story_currency():
    c = claims("Bus fares in Cork rise from €2 to €2.40; a child ticket stays at 80c.")[-1]
    assert (c.text, c.value.unit, c.value.base_unit, c.value.base_nominal) == ("80c", "cent", "EUR", 0.8)
    assert one("A stamp costs 45 cents.").value.base_unit == "USD"


def test_take_up_to_eight_counts_the_item_not_the_dose():
    dose, count = claims("Every sachet holds 250mg of zinc, and children may take up to four.")
    assert (dose.value.unit, count.value.unit, count.value.high) == ("milligram", "sachet", 4.0)


def test_past_before_a_duration_is_a_period():
    assert one("Sales doubled over past 18 months.").value.qualifier == "exact"


def test_a_reading_on_the_richter_scale_is_a_magnitude():
    (c,) = claims("The tremor registered 5.3 on the Richter scale near the dam.")
    assert (c.value.nominal, c.value.unit, c.value.dimension) == (5.3, "magnitude", "magnitude")


def test_a_hyphenated_magnitude_names_its_unit():
    c = claims("A 6.1-magnitude quake shook the coast at a depth of 12 km.")[0]
    assert (c.value.nominal, c.value.unit) == (6.1, "magnitude")


def test_a_number_on_the_list_is_no_reading_on_a_scale():
    (c,) = claims("The town came 14 on the list of safest places.")
    assert c.value.unit is None


def test_a_runner_19_between_commas_is_an_age():
    c = claims("The runner, 19, set a junior record in Orvale.")[0]
    assert (c.kind, c.value.unit) == ("age", "year of age")


def test_a_driver_71_between_commas_is_an_age():
    assert claims("The driver, 71, was unhurt.")[0].value.unit == "year of age"


def test_a_quarter_19_between_commas_is_no_age():
    assert claims("In the quarter, 19, of the stores closed.")[0].value.unit != "year of age"


def _stated(text: str):
    return [(c.value.nominal, c.value.qualifier) for c in extract_claims(text)]


def test_a_sum_plus_a_bonus_is_two_sums_not_a_floor():
    assert _stated("She won €50,000 plus a €25,000 bonus.") == [(50000.0, "exact"), (25000.0, "exact")]


def test_a_fee_plus_a_second_sum_is_two_sums():
    assert _stated("The fee is $300 plus $40 for delivery.") == [(300.0, "exact"), (40.0, "exact")]


def test_a_hyphenated_40000_plus_is_still_a_floor():
    assert _stated("Organisers expect 40,000-plus fans.") == [(40000.0, "lower_bound")]


def _ages_of(text: str) -> list[tuple[str, float | None, float | None]]:
    return [(c.text, c.value.low, c.value.high) for c in claims(text) if c.value.unit == "year of age"]


def test_an_age_range_after_aged_between_is_one_age_range():
    assert _ages_of("Voters aged between 18 and 24 backed the measure.") == [("18 and 24", 18, 24)]


def test_between_the_ages_of_opens_one_age_range():
    assert _ages_of("Runners between the ages of 16 and 19 start first.") == [("16 and 19", 16, 19)]


def test_under_the_age_of_is_an_age_and_counts_nothing_after_it():
    found = _ages_of("Children under the age of 12 travel free on the ferry.")
    assert [text for text, _, _ in found] == ["12"]


def test_a_noun_phrase_after_the_age_of_the_is_counted_not_an_age():
    found = claims("The age of the 12 turbines is unknown.")
    assert [(c.kind, c.value.unit) for c in found] == [("count", "turbine")]


def test_a_figure_after_aged_too_large_for_an_age_is_no_age():
    assert _ages_of("The council aged 300 of its records before the audit.") == []


def test_an_age_range_in_months_keeps_its_unit():
    c = claims("A baby aged 4 to 5 months was among the injured.")[0]
    assert (c.text, c.kind, c.value.unit) == ("4 to 5 months", "duration", "month")


def test_between_a_bare_figure_and_a_sum_in_cents_is_one_range():
    c = claims("Analysts had expected earnings of between 80 and 85 cents a share.")[0]
    assert (c.text, c.value.low, c.value.high) == ("80 and 85 cents a share", 80, 85)


def test_revised_up_to_is_a_revision_to_a_level_and_up_to_alone_a_ceiling():
    revised = claims("The March figure was revised up to 88,000 jobs.")[-1]
    assert (revised.value.qualifier, revised.value.low) == ("exact", 88_000)
    ceiling = claims("Forecasters expect up to 40 cm of snow in Orvale.")[0]
    assert (ceiling.value.qualifier, ceiling.value.high) == ("upper_bound", 40)


@pytest.mark.parametrize(("sentence", "surface", "counted"), [
    # "more" after a number is no noun: "three more bodies" counts bodies, "three more than before" counts
    # what the sentence counted before
    ("Rescuers found three more bodies on Sunday.", "three more bodies", "body"),
    ("Liberals now hold 12 seats, three more than before.", "three", "seat"),
])
def test_more_after_a_number_is_no_noun(sentence, surface, counted):
    (claim,) = [c for c in extract_claims(sentence) if c.start == sentence.index(surface)]
    assert claim.frame.counted == counted


@pytest.mark.parametrize(("sentence", "surface", "low", "high", "action"), [
    # "and more than" / "or more than" opens the next figure: no floor on the one before
    ("The agency put the toll at 12 dead and more than 200 injured.", "12 dead", 12, 12, "kill"),
    ("The agency put the toll at 12 dead and more than 200 injured.", "more than 200", 200, None, "wound"),
    ("Police arrested 40 or more people.", "40 or more", 40, None, "capture"),
    # a bare number with an outcome word of its own takes no noun from the figure before
    ("The toll stood at 12 dead and 230 injured.", "230", 230, 230, "wound"),
    ("Seven workers died and three remain missing.", "three", 3, 3, "missing"),
])
def test_coordinated_tolls_keep_their_own_outcomes(sentence, surface, low, high, action):
    (claim,) = [c for c in extract_claims(sentence) if c.start == sentence.index(surface)]
    assert (claim.value.low, claim.value.high, claim.frame.action) == (low, high, action)


@pytest.mark.parametrize(("sentence", "consistent"), [
    # a temperature's restatement is checked to the degree, not as a share of kelvins
    ("Temperatures reached 36C (87F).", False),
    ("Temperatures reached 41C (106F).", True),
    ("The road runs 120 kilometres (75 miles).", True),
    ("The road runs 120 kilometres (40 miles).", False),
])
def test_a_restatement_in_other_units_is_checked(sentence, consistent):
    (main,) = [c for c in extract_claims(sentence) if c.converted]
    assert main.conversion_ok is consistent


@pytest.mark.parametrize(("sentence", "surface", "seconds"), [
    # a race time written with unit letters is one elapsed time
    ("Kjaerholm won the stage in 4h 52m 18s.", "4h 52m 18s", 17538),
    ("She ran 2h 19m on a hilly course.", "2h 19m", 8340),
    ("The gap was 52m 08s at the summit.", "52m 08s", 3128),
])
def test_a_race_time_written_with_unit_letters(sentence, surface, seconds):
    (claim,) = [c for c in extract_claims(sentence) if c.text == surface]
    assert (claim.kind, claim.value.nominal) == ("duration", seconds)


def test_a_length_in_metres_stays_a_length():
    (claim,) = extract_claims("A 52m yacht sank off the cape.")
    assert claim.value.unit == "metre"


@pytest.mark.parametrize(("sentence", "low", "high"), [
    # a close bound reaches as far as its figure is precise
    ("Nearly 40 people were hurt.", 36, 40),
    ("Nearly 1.4 million households lost power.", 1.316e6, 1.4e6),
    ("Almost 1,690 runners finished.", 1639.3, 1690),
])
def test_a_close_bound_reaches_as_far_as_its_figure_is_precise(sentence, low, high):
    (claim,) = extract_claims(sentence)[:1]
    span = interval(claim, use_base=False)
    assert (round(span.lo, 1), span.hi) == (round(low, 1), high)


@pytest.mark.parametrize(("sentence", "surface", "low", "high"), [
    # "N in M" of a set is a share, in percent, qualified as any figure is
    ("One in five children in the district was vaccinated.", "One in five", 20, 20),
    ("Nine in 10 voters backed the charter.", "Nine in 10", 90, 90),
    ("The operator said nearly seven in ten of its customers lost power.", "nearly seven in ten", None, 70),
])
def test_n_in_m_is_a_share(sentence, surface, low, high):
    (claim,) = [c for c in extract_claims(sentence) if c.text == surface]
    assert (claim.kind, claim.value.low, claim.value.high) == ("percent", low, high)


def test_n_in_a_span_is_no_share():
    assert [c.kind for c in extract_claims("Police made 3 arrests in 10 minutes.")] == ["count", "duration"]


def test_a_bare_number_with_a_verb_of_its_own_still_shares_the_noun_before():
    sentence = "Sunday's marathon drew 21,050 starters, of whom 18,412 reached the finish."
    (claim,) = [c for c in extract_claims(sentence) if c.text == "18,412"]
    assert claim.value.unit == "starter"


@pytest.mark.parametrize(("sentence", "value", "action"), [
    # a running toll told by an ordinal: the count so far
    ("A third patient has died in the outbreak, health officials said.", 3, "kill"),
    ("The fourth victim died in hospital on Sunday.", 4, "kill"),
    ("A second man was arrested on Sunday.", 2, "capture"),
])
def test_an_ordinal_toll_is_a_count(sentence, value, action):
    (claim,) = [c for c in extract_claims(sentence) if c.kind == "count"]
    assert (claim.value.nominal, claim.frame.action, claim.frame.counted) == (value, action, "person")


@pytest.mark.parametrize("sentence", [
    "It was the second time the river had flooded.",
    "A third patient was moved to a ward.",  # no outcome
    "The first patient died on Monday.",  # the first counts nobody
])
def test_an_ordinal_without_a_toll_is_no_count(sentence):
    assert not [c for c in extract_claims(sentence) if c.kind == "count"]


@pytest.mark.parametrize(("text", "place", "rounding"), [
    ("Organisers expected about 48,000 runners at the start.", 1000, None),
    ("Roughly 1.5 million voters stayed at home.", 100_000, None),
    ("The club paid about $70bn for the league's rights.", 1e10, None),
    ("The insurer set aside $7bn for the claims.", 1e9, 5e8),
    ("Some 38,000 homes lost power in the storm.", 1000, None),
    ("Officials counted 38,000 homes without power.", 1000, 500),
    ("Officials counted 40,000 homes without power.", 10_000, None),
    ("Forecasters expect 40-50 mm of rain.", 1, None),
    ("Forecasters expect 2.5-4 cm of rain.", 0.1, None),
    ("Forty homes lost power.", None, None),
])
def test_a_figure_records_the_last_digit_it_is_written_to(text, place, rounding):
    """Value.place: what an approximation or a range is written to; Value.rounding: how far a round exact
    figure reaches ("38,000" to the nearest thousand, "$7bn" to the nearest billion; not "40,000")."""
    c = next(c for c in claims(text) if c.kind not in ("date", "time"))
    assert (c.value.place, c.value.rounding) == (place, rounding)
