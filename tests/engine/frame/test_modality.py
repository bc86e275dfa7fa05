"""How a figure is put (forecast, target, estimate, reported): a cue's reach, and lists that share it,
on sentences written for these tests in several fields."""

from datetime import date

import pytest

from app.engine import extract_claims


def modalities(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.frame.modality) for c in extract_claims(text) if c.kind not in ("date", "time")]


@pytest.mark.parametrize(("text", "expected"), [
    # an exit poll's figures, listed after it, are all the poll's
    ("The Sondex exit poll gives Varga 44.1% and Brannik 31.5%, with Oancea third on 10.2%.",
     [("44.1%", "forecast"), ("31.5%", "forecast"), ("10.2%", "forecast")]),
    # a forecast of two years: the year between the figures does not end the list
    ("Analysts forecast growth of 2.1% this year and 1.8% next year.",
     [("2.1%", "forecast"), ("1.8%", "forecast")]),
    ("Forecasters expect 30 cm of snow in the hills and 5 cm in the valley.",
     [("30 cm", "forecast"), ("5 cm", "forecast")]),
    ("The club aims to sell 40,000 season tickets and 2,000 hospitality seats.",
     [("40,000 season tickets", "target"), ("2,000 hospitality seats", "target")]),
])
def test_figures_listed_after_a_cue_are_put_the_way_it_puts_the_first(text, expected):
    assert modalities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # what was expected and what happened, in one sentence: the cue is the first figure's only
    ("Economists expected 170,000 jobs and the economy added 143,000.",
     [("170,000 jobs", "forecast"), ("143,000", "reported")]),
    ("Economists had expected 170,000 jobs, but the economy added 143,000.",
     [("170,000 jobs", "forecast"), ("143,000", "reported")]),
    ("Pollsters predicted 38% for Orlov; he won 45%.", [("38%", "forecast"), ("45%", "reported")]),
    ("Doctors expected about 300 cases, while the clinic said it treated 512 patients.",
     [("about 300 cases", "forecast"), ("512 patients", "reported")]),
])
def test_a_cue_does_not_reach_past_the_figure_it_puts(text, expected):
    assert modalities(text) == expected


def test_a_year_before_the_figure_does_not_cut_the_cue_off():
    assert modalities("The forecast for 2027 of 3% growth was cut.") == [("3%", "forecast")]


@pytest.mark.parametrize(("text", "expected"), [
    # the record a figure broke, named right before it, is an earlier figure
    ("Tarus won in 2:05:41, lowering the 2:06:23 course record.",
     [("2:05:41", "reported"), ("2:06:23", "previous")]),
    ("The mercury reached 41.3C, breaking the 40.9C mark set in 1998.",
     [("41.3C", "reported"), ("40.9C", "previous")]),
    # ... not the new record that follows it
    ("Voters broke the turnout record with 71%.", [("71%", "reported")]),
    ("She set a course record of 2:14:04.", [("2:14:04", "reported")]),
])
def test_a_record_a_figure_broke_is_an_earlier_figure(text, expected):
    assert modalities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a forecast, an estimate or a target that was replaced is an earlier figure
    ("It now expects a margin of 4.5%, down from a previous forecast of 6%.",
     [("4.5%", "forecast"), ("6%", "previous")]),
    ("The agency raised the toll from its initial estimate of 300 people.", [("300 people", "previous")]),
    ("The city has dropped its original target of 2 million visitors.", [("2 million visitors", "previous")]),
    # ... not a cue of its own after a word of time ("previous year's" names a year)
    ("Economists forecast 2.1% growth, after the previous year's 1.4%.", [("2.1%", "forecast"),
                                                                         ("1.4%", "previous")]),
])
def test_a_replaced_forecast_estimate_or_target_is_an_earlier_figure(text, expected):
    assert modalities(text) == expected


def test_a_figure_of_a_date_long_before_publication_is_of_another_year():
    found = {c.text: c.frame for c in extract_claims(
        "The station logged 47.9C, above the 47.3C reached at Amareleja on 1 August 2003.",
        date(2026, 7, 15))}
    assert (found["47.9C"].modality, found["47.3C"].modality) == ("reported", "historical")
    assert found["47.3C"].time == "2003-08-01"
    # a date after "since" is a reference point, and another figure between keeps the date off the first
    found = {c.text: c.frame.modality for c in extract_claims(
        "The toll of 12 was the highest since 1 August 2003.", date(2026, 7, 15))}
    assert found["12"] == "reported"
    found = {c.text: c.frame.modality for c in extract_claims(
        "Turnout reached 61%, against 55% on 4 May 2021.", date(2026, 7, 15))}
    assert found["61%"] == "reported"


def test_a_figure_whose_time_ends_a_year_before_publication_is_of_another_year():
    found = {c.text: c.frame.modality for c in extract_claims(
        "The club paid £58 million for Keel two years ago. On Wednesday it paid £96 million for Ilic.",
        date(2026, 8, 20)) if c.kind == "money"}
    assert found == {"£58 million": "historical", "£96 million": "reported"}


@pytest.mark.parametrize("text", [
    "Tarus won in 2:05:41, taking 42 seconds off the mark.",
    "Gelana finished 14 seconds clear of the pack.",
    "Alemu beat the old record by 84 seconds.",
])
def test_a_margin_is_a_relative_duration(text):
    assert [m for t, m in modalities(text) if "seconds" in t] == ["relative"]


def test_a_verb_of_holding_is_not_what_a_time_measures():
    # "winning in 2:05:41", "won in": whose time it is, not a measure that another time could differ in
    measures = {c.text: c.frame.measure for c in extract_claims(
        "Kiprop broke the course record on Sunday, winning in 2:05:41. Vesk won in 2:07:02.")}
    assert measures["2:05:41"] is None and measures["2:07:02"] is None


def test_with_80_percent_of_ballots_counted_puts_the_sentences_shares_as_partial():
    text = "With 80% of ballots counted, Orlov leads with 51.2%, officials said."
    claims = {c.text: c for c in extract_claims(text)}
    assert claims["51.2%"].frame.modality == "partial"
    assert claims["80%"].frame.when_said  # how much was counted says when, and is no fact
    claims = {c.text: c for c in extract_claims("With all ballots counted, Orlov won 50.4%, officials said.")}
    assert claims["50.4%"].frame.modality == "reported"
    claims = {c.text: c for c in extract_claims("According to preliminary results, turnout was 47%.")}
    assert claims["47%"].frame.modality == "partial"


def test_of_the_vote_in_a_place_is_no_count_in_progress():
    text = "The No camp won 54.4% of the vote in Tessaly's referendum, the commission said."
    assert {c.text: c for c in extract_claims(text)}["54.4%"].frame.modality == "reported"
    text = "With 90% of precincts in, Orlov leads with 51.2%."
    assert {c.text: c for c in extract_claims(text)}["51.2%"].frame.modality == "partial"


def test_a_partial_share_never_conflicts_with_the_final_one():
    from datetime import date

    from app.engine import ArticleText, check_articles
    texts = ["With 62% of precincts reporting, Orlov had 53.9% of the vote, the election board said.",
             "Orlov won the governorship with 51.2% of the vote, the election board said."]
    r = check_articles([ArticleText(id=f"a{i}", source=f"s{i}", text=t, published_at=date(2026, 11, 4),
                                    story_key="k") for i, t in enumerate(texts)])
    assert not [f for f in r.findings if f.type == "discrepancy"]


def test_a_year_opening_the_sentence_makes_its_figures_another_years():
    from datetime import date
    day = date(2026, 7, 12)
    claims = extract_claims("In 1998, a quake in the same region killed 312 people.", day)
    assert [c.frame.modality for c in claims if c.text == "312 people"] == ["historical"]
    claims = extract_claims("In 2011, voters rejected the same question with 61% against.", day)
    assert [c.frame.modality for c in claims if c.text == "61%"] == ["historical"]
    claims = extract_claims("In Osk County, 68 people died.", day)
    assert [c.frame.modality for c in claims if c.text == "68 people"] == ["reported"]


def test_last_month_is_the_period_of_a_monthly_figure_and_last_year_an_earlier_figure():
    assert modalities("Employers added 150,000 jobs last month.") == [("150,000 jobs", "reported")]
    assert modalities("Revenue was $2.9bn last year.") == [("$2.9bn", "previous")]


@pytest.mark.parametrize(("text", "expected"), [
    ("At the peak of the outage, 86,000 customers in Orvale had no power.", [("86,000 customers", "peak")]),
    ("Attendance at its peak reached 61,000, the league said.", [("61,000", "peak")]),
    ("Some 41,000 customers were still without power on Thursday.", [("Some 41,000 customers", "reported")]),
    # a crest is the river's height, no peak of a running count: one fact with "crested at"
    ("The Tamsin peaked at 8.6 metres at Lowford.", [("8.6 metres", "reported")]),
])
def test_a_figure_at_its_peak_is_another_quantity_than_the_figure_at_a_time(text, expected):
    assert modalities(text) == expected


def test_a_cue_opening_the_sentence_before_its_comma_puts_the_whole_sentence():
    assert modalities("In the first round, 170,000 votes were cast.") == [("170,000 votes", "reported")]
    assert modalities("Economists expected, on average, 170,000 jobs.") == [("170,000 jobs", "forecast")]


def _dates(text: str) -> list[tuple[str, str]]:
    from datetime import date

    return [(c.text, c.frame.modality) for c in extract_claims(text, date(2026, 3, 9)) if c.kind == "date"]


def test_a_date_after_until_or_through_ends_a_span():
    assert _dates("Schools in Orvale will stay shut through Wednesday.") == [("Wednesday", "until")]
    assert _dates("The bridge is closed until Friday, the council said.") == [("Friday", "until")]
    assert _dates("Schools in Orvale were closed on Monday.") == [("Monday", "reported")]


def test_the_date_a_change_is_measured_from_is_its_base_not_its_time():
    text = "Rents in Orvale rose 6.2% from a year earlier, the agency said."
    assert _dates(text) == [("a year earlier", "previous")]
    claims = extract_claims(text)
    assert claims[0].frame.time is None
    opening_hours = _dates("The office is open from Monday to Friday.")
    assert opening_hours == [("Monday", "reported"), ("Friday", "reported")]


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Dara scored the winner three minutes from time.", "three minutes", "relative"),
    ("Orvale led 23 minutes into the final.", "23 minutes", "relative"),
    ("With 10 minutes left, the visitors equalised.", "10 minutes", "relative"),
    ("Five minutes of added time were shown.", "Five minutes", "reported"),
])
def test_a_moment_of_a_match_is_a_relative_duration_and_added_time_a_span(text, surface, expected):
    assert dict(modalities(text))[surface] == expected


def times(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.frame.modality) for c in extract_claims(text) if c.kind == "time"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A final poll by Marrow Research had put Yes ahead at 51%.", [("51%", "forecast")]),
    # a poll named as its clause's subject reaches past its pollster and the day it was taken
    ("The final poll by Marrow Research for the Tessin Herald on Thursday had put Yes ahead at 51% and No "
     "at 44%.", [("51%", "forecast"), ("44%", "forecast")]),
    ("Polls put the No camp at 47% in the last week of the campaign.", [("47%", "forecast")]),
    ("A poll put Yes on 52% on Friday.", [("52%", "forecast")]),
    ("The latest poll had Brannik on 33% and Varga on 41%.", [("33%", "forecast"), ("41%", "forecast")]),
])
def test_a_polls_figure_is_a_forecast(text, expected):
    assert modalities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The poll closed at 8 pm.", [("8 pm", "reported")]),
    ("The final poll closed at 8 pm.", [("8 pm", "reported")]),
    ("Polls had closed at 8 pm, and the count began at 9 pm.", [("8 pm", "reported"), ("9 pm", "reported")]),
])
def test_polls_that_open_or_close_put_no_forecast(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Some 1,200 polling stations opened at 7 am, the commission said.", [("Some 1,200 polling stations",
                                                                            "reported")]),
    ("Yes won 54% in the poll, the commission said.", [("54%", "reported")]),
    ("Polling stations had reported 40% turnout by noon.", [("40%", "reported")]),
    # other fields: a verb of a poll is no cue alone
    ("The storm had put 40,000 homes without power by Sunday.", [("40,000 homes", "reported")]),
    ("The club put the attendance at 41,000, its largest crowd this season.", [("41,000", "reported")]),
])
def test_polling_places_and_a_vote_called_a_poll_are_reported(text, expected):
    assert modalities(text) == expected


def test_a_word_that_undoes_a_poll_cue_undoes_no_other_cue():
    assert modalities("Analysts expected opening sales of 40,000 copies.") == [("40,000 copies", "forecast")]


def test_a_day_after_on_is_when_a_change_happened_and_a_span_after_on_its_base():
    assert _dates("Orvane shares fell 3.1% on Thursday.") == [("Thursday", "reported")]
    assert _dates("Rents in Orvale rose 2% on a year earlier.") == [("a year earlier", "previous")]


@pytest.mark.parametrize(("text", "expected"), [
    # "target" is also the noun of what was struck or aimed at: a cue only right before its figure
    ("Drones struck military targets in 12 regions.", [("12 regions", "reported")]),
    ("Rebels hit targets across the province, killing 3 people.", [("3 people", "reported")]),
    ("Scouts picked targets for the cup run and won 4 matches.", [("4 matches", "reported")]),
    ("The central bank targets 2% inflation.", [("2%", "target")]),
    ("The ministry's target is 5% growth.", [("5%", "target")]),
    ("The league set a target of 40,000 season tickets.", [("40,000 season tickets", "target")]),
])
def test_target_is_a_cue_only_where_it_puts_the_figure(text, expected):
    assert modalities(text) == expected


@pytest.mark.parametrize(("text", "surface"), [
    ("With 18 of 24 wards counted, Orlov leads by about 4,900 votes.", "about 4,900 votes"),
    ("With 598 of 650 seats declared, Labour has 402.", "402"),
])
def test_a_lead_with_wards_or_seats_still_to_count_is_partial(text, surface):
    assert {c.text: c for c in extract_claims(text)}[surface].frame.modality == "partial"


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # the time since another event is no span of this one ("after 12 years in office" is)
    ("It is the worst flood in the 40 years since records began.", "40 years", "relative"),
    ("She is the first woman mayor in the 140 years since the post was created.", "140 years", "relative"),
    ("He stepped down after 12 years in office.", "12 years", "reported"),
])
def test_a_span_since_another_event_is_relative(text, surface, expected):
    assert dict(modalities(text))[surface] == expected


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # "by" a date is a deadline ahead, but says "as of" in a sentence about what had happened
    ("The council aims to cut emissions by 2030.", "2030", "target"),
    ("Repairs will be finished by Friday.", "Friday", "target"),
    ("By Saturday afternoon, 27 hikers were still missing.", "Saturday afternoon", "reported"),
])
def test_by_a_date_is_a_deadline_only_ahead(text, surface, expected):
    assert dict(_dates(text))[surface] == expected


@pytest.mark.parametrize(("sentence", "surface", "modality"), [
    # "in <an earlier year>" right after a figure in its clause makes it that year's
    ("It was the strongest since a magnitude 7.4 earthquake in 1987 killed 212 people.", "7.4", "historical"),
    ("The crowd was the second-highest after the record 65,870 in 2009.", "65,870", "historical"),
    ("Turnout was 78.4%, against 71.3% in 2014.", "71.3%", "historical"),
    ("Turnout was 78.4%, against 71.3% in 2014.", "78.4%", "reported"),
    # this year, or a year ahead, is no earlier year
    ("Exports reached $4.1 billion in 2026.", "$4.1 billion", "reported"),
])
def test_a_figure_followed_by_an_earlier_year_is_that_years(sentence, surface, modality):
    (claim,) = [c for c in extract_claims(sentence, date(2026, 5, 24)) if c.text == surface]
    assert claim.frame.modality == modality


@pytest.mark.parametrize(("sentence", "surface", "modality"), [
    # a relative clause refers back: its figure is of the year its antecedent names
    ("It is the strongest since Typhoon Corvel in 2011, whose winds peaked at 205 km/h.", "205 km/h",
     "historical"),
    ("Voters in 2014, when turnout was 71%, rejected it.", "71%", "historical"),
    ("The storm hit on Tuesday, when winds reached 215 km/h.", "215 km/h", "reported"),
])
def test_a_relative_clause_takes_the_year_of_what_it_refers_to(sentence, surface, modality):
    (claim,) = [c for c in extract_claims(sentence, date(2026, 9, 17)) if c.text == surface]
    assert claim.frame.modality == modality


def test_until_at_least_a_day_is_the_end_of_a_span():
    (claim,) = [c for c in extract_claims("The airport will stay closed until at least Friday.",
                                          date(2026, 9, 17)) if c.text == "Friday"]
    assert claim.frame.modality == "until"


@pytest.mark.parametrize(("text", "surface"), [
    ("The fund said it would push for at least $160 a share.", "at least $160 a share"),
    ("The union demanded a 7% raise for its members.", "7%"),
    ("Residents called for 40 more buses on the route.", "40 more buses"),
])
def test_what_someone_pushes_or_calls_for_is_a_target(text, surface):
    assert dict(modalities(text))[surface] == "target"


@pytest.mark.parametrize(("text", "expected"), [
    ("The final bill could be £4.2 million, the council warned.", [("£4.2 million", "forecast")]),
    ("Turnout may be above 70% in the north, pollsters said.", [("above 70%", "forecast")]),
    ("The death toll from the landslide could be between 200 and 300, the agency said.",
     [("200 and 300", "forecast")]),
    ("The final bill was £4.2 million, the council said.", [("£4.2 million", "reported")]),
])
def test_what_a_figure_could_or_may_be_is_a_forecast(text, expected):
    assert modalities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The parties held their first direct talks in over three years.", [("over three years", "relative")]),
    ("Unemployment fell to its lowest level in 15 years.", [("15 years", "relative")]),
    ("Shares in the insurer posted their biggest fall in 18 months.", [("18 months", "relative")]),
    # a span of the event itself stays reported
    ("The river rose 3 metres in six hours.", [("3 metres", "reported"), ("six hours", "reported")]),
    ("Delegations met for a second round of talks in just over two weeks.",
     [("just over two weeks", "reported")]),
])
def test_a_span_after_a_superlative_or_first_is_the_time_since_the_last(text, expected):
    assert modalities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 'from' before a figure is the base of a change only after a change or a figure
    ("Prices rose from €62 to €64 a tonne.", [("€62 to €64 a tonne", "previous")]),
    ("The bank raised its key rate to 6.25% from 5.75%.", [("6.25%", "reported"), ("5.75%", "previous")]),
    ("Halvex, which trades from 310 stores, will close 45 of them.",
     [("310 stores", "reported"), ("45", "reported")]),
    ("Rescuers brought residents out from 12 villages overnight.", [("12 villages", "reported")]),
])
def test_from_is_a_previous_figure_only_in_a_change(text, expected):
    assert modalities(text) == expected
