"""What else the date rules match: figures, names and verbs that look like dates and are none (sentences
written for these tests, in elections, markets, weather, sport and health)."""

from datetime import date

from app.engine import extract_claims
from tests.engine.extract.dates.datekit import isos

PAPER = date(2025, 10, 8)  # a Wednesday


def kinds(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every claim of `text`."""
    return [(c.kind, c.text) for c in extract_claims(text, PAPER)]


def test_four_fifths_of_voters_is_a_share_not_the_fourth_of_may():
    assert isos("Some 4/5 of voters backed the levy.", PAPER) == []
    assert [k for k, _ in kinds("Some 4/5 of voters backed the levy.")] == ["count"]


def test_two_thirds_of_the_chamber_is_no_date():
    assert isos("A two-thirds majority, or 2/3 of the chamber, is needed.", PAPER) == []


def test_a_football_score_beside_a_weekday_is_no_date():
    assert isos("Harbour City beat Rovers 3-1 on Saturday.", PAPER) == [("Saturday", "2025-10-04")]


def test_a_basketball_score_is_no_date():
    assert isos("The score was 21-17 at half-time.", PAPER) == []


def test_tennis_set_scores_are_no_dates():
    assert isos("Okafor won 6-4, 6-3 on Sunday.", PAPER) == [("Sunday", "2025-10-05")]


def test_a_series_score_is_no_date():
    assert isos("The Otters lead the series 2-1 after game 3.", PAPER) == []


def test_a_software_version_is_no_date():
    assert isos("Version 2.1 of the triage app went live.", PAPER) == []
    assert isos("The 1.5.2 update patched the flaw.", PAPER) == []


def test_phone_numbers_are_no_dates():
    assert isos("Call 020 7946 0018 or 555-0142 for tickets.", PAPER) == []


def test_an_index_level_is_no_date():
    assert isos("The index rose 2.5 points to 1,204.3.", PAPER) == []


def test_a_range_of_percentages_is_no_span_of_days():
    assert isos("Shares rose 3-4% in early trade.", PAPER) == []


def test_a_ratio_with_a_colon_is_no_clock_time():
    assert all(k != "time" for k, _ in kinds("The motion passed by a 2:1 margin."))


def test_may_as_a_first_name_is_no_date():
    assert isos("May Okonkwo won the seat by 312 votes.", PAPER) == []


def test_may_as_a_verb_is_no_date_but_in_may_is():
    assert isos("Turnout may reach 70% in the capital.", PAPER) == []
    assert isos("Voters may back the reform in May.", PAPER) == [("May", "2025-05-01/2025-05-31")]


def test_march_as_a_first_name_is_no_date():
    assert isos("Candidate March Haddad led with 41%.", PAPER) == []


def test_march_as_a_verb_is_no_date():
    assert isos("Protesters will march on the capital in June.", PAPER) == [("June", "2026-06-01/2026-06-30")]


def test_easter_island_is_a_place():
    assert isos("Tourists flock to Easter Island every year.", PAPER) == []


def test_a_one_in_four_share_is_no_date():
    assert isos("One in four voters is undecided.", PAPER) == []


def test_an_age_between_commas_is_no_day():
    assert isos("The striker, 27, joined in 2019.", PAPER) == [("2019", "2019-01-01/2019-12-31")]


def test_a_range_of_wave_heights_is_no_span_of_days():
    assert isos("Wave heights of 4-6 metres are expected on Friday.", PAPER) == [("Friday", "2025-10-10")]


def test_the_21st_minute_of_a_match_is_no_date():
    assert isos("Adeyemi scored in the 21st minute.", PAPER) == []
