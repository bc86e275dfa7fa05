"""Quarters, halves, fiscal years, decades, centuries, seasons, periods to a date
(app/engine/extract/dates/periods.py)."""

from datetime import date

from tests.engine.extract.dates.datekit import iso, isos


def test_the_third_quarter_in_an_earnings_sentence():
    text = "Revenue in the third quarter rose 6% from a year earlier."
    assert iso(text, date(2025, 10, 30), "the third quarter") == "2025-07-01/2025-09-30"


def test_third_quarter_hyphenated_before_a_noun():
    assert iso("The lender posted a third-quarter profit of $2 billion.", date(2025, 10, 30)) == (
        "2025-07-01/2025-09-30")


def test_the_fourth_quarter_of_a_basketball_game_is_no_date():
    assert isos("In the fourth quarter the Otters scored 31 points.", date(2025, 10, 30)) == []


def test_the_first_half_of_a_football_match_is_no_date():
    assert isos("In the first half, Harbour City scored twice.", date(2025, 10, 30)) == []


def test_q2_alone_is_the_latest_second_quarter():
    assert iso("Shipments fell 4% in Q2.", date(2025, 8, 1)) == "2025-04-01/2025-06-30"


def test_q4_2025_and_h1_2026():
    text = "The airline expects margins to recover in Q4 2025 and in H1 2026."
    assert isos(text, date(2025, 8, 1)) == [
        ("Q4 2025", "2025-10-01/2025-12-31"), ("H1 2026", "2026-01-01/2026-06-30")]


def test_q2_fy2024_is_a_quarter_of_an_april_fiscal_year():
    text = "The Pune software firm reported a 9% rise in net profit for Q2 FY2024."
    assert iso(text, date(2023, 10, 12)) == "2023-07-01/2023-09-30"


def test_fy2024_alone_is_the_fiscal_year_ending_in_2024():
    assert iso("Exports reached $40 billion in FY2024.", date(2024, 6, 1)) == "2023-04-01/2024-03-31"


def test_fiscal_2023_24_ends_in_2024():
    assert iso("The deficit narrowed in fiscal 2023-24.", date(2024, 6, 1)) == "2023-04-01/2024-03-31"


def test_a_federal_fiscal_year_starts_in_october():
    assert iso("Federal outlays grew 5% in fiscal 2025.", date(2025, 11, 1)) == "2024-10-01/2025-09-30"


def test_the_first_half_of_2025():
    assert iso("Output grew in the first half of 2025.", date(2025, 8, 1)) == "2025-01-01/2025-06-30"


def test_the_fourth_quarter_of_last_year():
    text = "Sales jumped 8% in the fourth quarter of last year."
    assert iso(text, date(2026, 2, 1)) == "2025-10-01/2025-12-31"


def test_the_1990s_is_the_whole_decade():
    assert iso("Flat prices in the harbour district doubled in the 1990s.", date(2025, 6, 2)) == (
        "1990-01-01/1999-12-31")


def test_the_1800s_are_a_century():
    assert iso("The mill was busiest in the 1800s.", date(2025, 6, 2)) == "1800-01-01/1899-12-31"


def test_the_90s_with_an_apostrophe_and_the_nineties_in_words():
    assert iso("Band membership peaked in the '90s.", date(2025, 6, 2)) == "1990-01-01/1999-12-31"
    assert iso("Band membership peaked in the nineties.", date(2025, 6, 2)) == "1990-01-01/1999-12-31"


def test_the_19th_century_and_the_twenty_first_century():
    assert iso("The canal was dug in the 19th century.", date(2025, 6, 2)) == "1800-01-01/1899-12-31"
    assert iso("It is the worst drought of the twenty-first century.", date(2025, 6, 2)) == (
        "2000-01-01/2099-12-31")


def test_the_year_to_the_end_of_june():
    assert iso("The survey covers the year to the end of June.", date(2025, 8, 14)) == "2024-07-01/2025-06-30"


def test_the_12_months_to_march_2025():
    assert iso("Rents rose 7% in the 12 months to March 2025.", date(2025, 5, 1)) == "2024-04-01/2025-03-31"


def test_the_three_months_ended_september_30():
    assert iso("Profit fell in the three months ended September 30.", date(2025, 11, 5)) == (
        "2025-07-01/2025-09-30")


def test_the_first_nine_months_of_2025():
    assert iso("Arrivals grew 12% in the first nine months of 2025.", date(2025, 11, 5)) == (
        "2025-01-01/2025-09-30")


def test_last_summer_in_an_autumn_paper():
    assert iso("The reservoir ran dry last summer.", date(2025, 10, 1)) == "2025-06-01/2025-08-31"


def test_last_summer_in_a_summer_paper_is_the_one_before():
    assert iso("The reservoir ran dry last summer.", date(2025, 7, 1)) == "2024-06-01/2024-08-31"


def test_this_winter_runs_into_the_next_year():
    assert iso("Gas demand will peak this winter.", date(2025, 10, 1)) == "2025-12-01/2026-02-28"


def test_the_fall_of_a_city_is_no_season():
    assert isos("The fall of Varnhold ended the siege.", date(2025, 10, 1)) == []


def test_the_2024_fiscal_year_and_fy25():
    text = "Results for the 2024 fiscal year beat forecasts."
    assert iso(text, date(2024, 6, 1)) == "2023-04-01/2024-03-31"
    assert iso("Results for FY25 beat forecasts.", date(2025, 6, 1)) == "2024-04-01/2025-03-31"


def test_in_the_spring_without_any_digit_in_the_sentence():
    assert iso("The orchard reopened in the spring.", date(2025, 10, 30)) == "2025-03-01/2025-05-31"
