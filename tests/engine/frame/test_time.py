"""When a claim happened (texts written for these tests)."""

from datetime import date

from app.engine import extract_claims, fact_key
from app.engine.frame.time import time_of, time_words
from app.engine.text import read_sentences


def when(sentence: str, word: str, published: date):
    s = read_sentences(sentence)[0]
    first = next(i for i, t in enumerate(s.words) if t.text == word)
    return time_of(s.clauses, time_words(s.words), first, published)[0]


def test_last_night_is_the_day_before_publication():
    assert when("Drones hit 9 buildings last night.", "9", date(2025, 6, 2)) == "2025-06-01"


def test_a_lower_case_weekday_is_the_last_such_day():
    assert when("crews rescued 4 climbers on sunday", "4", date(2025, 6, 4)) == "2025-06-01"


def test_the_nearest_date_in_the_sentence_is_the_event_time():
    (count, _, _) = extract_claims("Voters cast 8,000 ballots on Sunday, the board said on Monday.",
                                   date(2025, 6, 3))
    assert count.frame.time == "2025-06-01"


def test_a_date_the_figure_was_said_on_is_its_as_of_time_not_its_event_time():
    (count, _) = extract_claims("The outbreak has sickened 48 people, health officials said on Tuesday.",
                                date(2025, 6, 5))
    assert (count.frame.time, count.frame.as_of) == ("2025-06-03", True)
    key = fact_key(count)
    assert (key.event, key.as_of) == (None, "2025-06-03")
    (count, _) = extract_claims("As of Tuesday, the outbreak had sickened 48 people.", date(2025, 6, 5))[::-1]
    assert (count.frame.time, count.frame.as_of) == ("2025-06-03", True)


def test_the_day_of_the_event_is_no_as_of_time():
    (count, _, _) = extract_claims("Voters cast 8,000 ballots on Sunday, the board said on Monday.",
                                   date(2025, 6, 3))
    assert (count.frame.time, count.frame.as_of) == ("2025-06-01", False)
    assert fact_key(count).event == "2025-06-01"


def test_a_date_has_no_event_time_of_its_own():
    claims = extract_claims("Markets closed 2% lower on Friday.", date(2025, 6, 2))
    assert [c.frame.time for c in claims if c.kind == "date"] == [None]


def _window(sentence: str, surface: str, kind: str = "count"):
    from app.engine.frame.frame import frame_span
    start = sentence.index(surface)
    return frame_span(sentence, start, start + len(surface), kind=kind).window


def test_in_just_hours_is_the_span_a_figure_built_up_over():
    assert _window("Nearly 6 inches of snow fell in just three hours on Tuesday.", "6 inches",
                   kind="quantity") == "three hour"
    assert _window("Police made 40 arrests within 24 hours of the final whistle.", "40") == "24 hour"
    assert _window("The clinic logged 120 new cases in a 24-hour period.", "120") == "24 hour"


def test_a_month_or_a_place_after_in_is_no_span():
    assert _window("The economy added 143,000 jobs in April.", "143,000") is None
    rain = "The storm dropped 10 inches of rain in Kerr County."
    assert _window(rain, "10 inches", kind="quantity") is None
    assert _window("Turnout reached 61% in 2024, the commission said.", "61%", kind="percent") is None


def test_trading_sessions_are_a_span_a_market_figure_built_up_over():
    assert _window("The index shed 3.1% over two sessions.", "3.1%", kind="percent") == "two session"
    assert _window("The yield rose 28 basis points in three sessions.", "28 basis points",
                   kind="quantity") == "three session"


def test_the_day_a_years_figure_was_reported_is_an_as_of_time():
    """'shares fell on Thursday after the chain reported a 12% drop in annual profit to £186m': Thursday is
    when the year's profit was reported, not its period (time.reported_on)."""
    from app.engine import extract_claims
    text = "Shares fell 8% on Thursday after the chain reported a drop in annual profit to £186 million."
    (c,) = [c for c in extract_claims(text, date(2026, 3, 6)) if c.text == "£186 million"]
    assert (c.frame.time, c.frame.as_of, c.frame.window) == ("2026-03-05", True, "for the year")
    (d,) = [c for c in extract_claims("Shares fell 8% to 412p on Thursday.", date(2026, 3, 6))
            if c.text == "8%"]
    assert (d.frame.time, d.frame.as_of) == ("2026-03-05", False)


def test_the_day_of_an_earlier_figure_is_not_the_new_figures_time():
    """'84 cases, up from 61 a week ago': the week-old day is the time of 61, the base of the change."""
    from app.engine import extract_claims
    text = "Officials have confirmed 84 measles cases, up from 61 a week ago, the health department said."
    found = {c.text: c.frame for c in extract_claims(text, date(2026, 2, 10))}
    assert (found["84 measles cases"].time, found["61"].time) == (None, "2026-02-03")
