"""Dates written in digits (app/engine/extract/dates/numeric.py)."""

from datetime import date

from app.engine import extract_claims
from tests.engine.extract.dates.datekit import iso, isos

PAPER = date(2025, 3, 3)


def test_02_22_2016_is_month_first_because_22_is_no_month():
    assert iso("The permit dated 02/22/2016 lists 40 berths.", PAPER) == "2016-02-22"


def test_21_04_2016_is_day_first_because_21_is_no_month():
    assert iso("The permit dated 21/04/2016 lists 40 berths.", PAPER) == "2016-04-21"


def test_2016_02_22_is_year_month_day():
    assert iso("Sensor logs from 2016-02-22 show the fault.", PAPER) == "2016-02-22"


def test_2015_slash_08_slash_12_is_year_month_day():
    assert iso("The ledger entry of 2015/08/12 was altered.", PAPER) == "2015-08-12"


def test_22_02_2016_with_dots_is_day_month_year():
    assert iso("The trial opened on 22.02.2016 in Brno.", PAPER) == "2016-02-22"


def test_21_04_16_has_a_two_digit_year():
    assert iso("Invoice issued 21/04/16 for 12 crates.", PAPER) == "2016-04-21"


def test_04_05_2016_alone_is_ambiguous_and_has_no_iso():
    (c,) = [c for c in extract_claims("The contract dated 04/05/2016 was void.", PAPER) if c.kind == "date"]
    assert (c.text, c.value.iso, c.value.low) == ("04/05/2016", None, None)


def test_an_ambiguous_date_takes_the_order_of_the_articles_other_numeric_dates():
    text = "The contract dated 04/05/2016 was void. A second one, dated 04/25/2016, replaced it."
    assert isos(text, PAPER) == [("04/05/2016", "2016-04-05"), ("04/25/2016", "2016-04-25")]


def test_an_ambiguous_date_takes_the_order_of_the_articles_dates_in_words():
    text = "The hearing on 12 March was adjourned. The filing of 04/05/2016 was read out."
    assert isos(text, PAPER)[1] == ("04/05/2016", "2016-05-04")


def test_an_article_writing_both_orders_gives_no_cue():
    text = "Talks on 12 March and on April 3 failed. The memo of 04/05/2016 was read out."
    assert isos(text, PAPER)[-1] == ("04/05/2016", None)


def test_the_same_day_and_month_is_not_ambiguous():
    assert iso("The memo of 05/05/2016 was read out.", PAPER) == "2016-05-05"


def test_on_4_22_without_a_year_is_the_latest_april_22():
    assert iso("The festival opened on 4/22 with 30 stalls.", date(2025, 5, 1)) == "2025-04-22"


def test_a_fraction_before_a_unit_is_no_date():
    assert [c.kind for c in extract_claims("The final 1/4 mile was uphill.", PAPER)] == ["quantity"]


def test_a_score_with_a_dash_is_no_date():
    assert isos("Rovers won 3-2 at home.", PAPER) == []


def test_a_season_2015_16_is_no_day():
    assert all(c[1] is None or "/" in c[1] or len(c[1]) > 10 for c in isos("in the 2015-16 season", PAPER))


def test_a_phone_number_is_no_date():
    assert isos("Call 555-123-4567 for tickets.", PAPER) == []
