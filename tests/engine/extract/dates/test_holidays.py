"""Holidays (app/engine/extract/dates/holidays.py)."""

from datetime import date

from app.engine.extract.dates.holidays import easter
from tests.engine.extract.dates.datekit import iso, isos


def test_christmas_day_and_boxing_day_in_a_december_paper():
    text = "Bakeries will close on Christmas Day and reopen on Boxing Day."
    assert isos(text, date(2025, 12, 20)) == [("Christmas Day", "2025-12-25"), ("Boxing Day", "2025-12-26")]


def test_new_years_eve_this_year():
    assert iso("Drones are banned over the bay on New Year's Eve.", date(2025, 12, 2)) == "2025-12-31"


def test_new_years_day_in_a_december_paper_is_the_coming_one():
    assert iso("The tariff changes on New Year's Day.", date(2025, 12, 20)) == "2026-01-01"


def test_christmas_in_a_january_paper_is_the_one_before():
    assert iso("Sales slumped over Christmas, the chain said.", date(2026, 1, 10)) == "2025-12-25"


def test_christmas_with_a_year():
    assert iso("The bridge should reopen by Christmas 2027.", date(2026, 1, 10)) == "2027-12-25"


def test_easter_is_computed():
    assert [easter(y) for y in (2024, 2025, 2026)] == [date(2024, 3, 31), date(2025, 4, 20), date(2026, 4, 5)]


def test_easter_sunday_and_good_friday_and_easter_monday():
    assert iso("Bells will ring on Easter Sunday.", date(2026, 3, 30)) == "2026-04-05"
    text = "Markets were shut on Good Friday and reopened on Easter Monday."
    assert isos(text, date(2025, 4, 22)) == [("Good Friday", "2025-04-18"), ("Easter Monday", "2025-04-21")]


def test_thanksgiving_is_the_fourth_thursday_of_november():
    assert iso("Flights were full before Thanksgiving.", date(2025, 12, 1)) == "2025-11-27"


def test_black_friday_is_the_day_after_thanksgiving():
    assert iso("Retailers expect record traffic on Black Friday.", date(2026, 11, 2)) == "2026-11-27"


def test_memorial_day_is_the_last_monday_of_may():
    assert iso("Pools open on Memorial Day.", date(2026, 5, 1)) == "2026-05-25"


def test_independence_day_is_the_fourth_of_july():
    assert iso("Fireworks are planned for Independence Day.", date(2026, 6, 20)) == "2026-07-04"


def test_christmas_island_is_a_place():
    assert isos("Crabs migrate across Christmas Island every year.", date(2025, 11, 1)) == []


def test_the_good_friday_agreement_is_a_treaty():
    assert isos("The Good Friday Agreement turned 27.", date(2025, 4, 10)) == []


def test_christmas_shopping_is_no_date():
    assert isos("Christmas shopping drew crowds to the arcade.", date(2025, 12, 1)) == []


def test_easter_eggs_are_no_date():
    assert isos("The shop sold Easter eggs in bulk.", date(2025, 3, 1)) == []
