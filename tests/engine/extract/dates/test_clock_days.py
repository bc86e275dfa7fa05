"""The day of a clock time (app/engine/extract/dates/clock_days.py)."""

from datetime import date

from app.engine import extract_claims


def times(text: str, published: date):
    found = extract_claims(text, published)
    return [(c.text, c.value.nominal, c.value.iso) for c in found if c.kind == "time"]


def test_a_time_takes_the_weekday_beside_it():
    text = "The ferry capsized at 23:47 GMT on Tuesday, 7:47 p.m. local time."
    assert times(text, date(2025, 9, 24)) == [
        ("23:47 GMT", 1427, "2025-09-23T23:47"), ("7:47 p.m. local time", 1187, "2025-09-23T19:47")]


def test_each_time_takes_its_own_day():
    text = "The tremor struck at 1:12 a.m. local time on Saturday (2112 GMT Friday)."
    assert times(text, date(2026, 7, 11)) == [
        ("1:12 a.m. local time", 72, "2026-07-11T01:12"), ("2112 GMT", 1272, "2026-07-10T21:12")]


def test_a_time_with_no_date_is_on_the_publication_day():
    assert times("Voting ended at 02:15 after a recount.", date(2026, 6, 15)) == [
        ("02:15", 135, "2026-06-15T02:15")]


def test_midnight_in_a_forward_sentence_is_the_one_that_ends_the_publication_day():
    text = "Polls close at 9 p.m. ET, and the first results are expected shortly after midnight."
    assert [t[2] for t in times(text, date(2024, 11, 5))] == ["2024-11-05T21:00", "2024-11-06T00:00"]


def test_a_time_without_a_publication_date_or_a_date_has_no_day():
    assert times("The gates shut at 6 p.m. sharp.", None) == [("6 p.m.", 1080, None)]
