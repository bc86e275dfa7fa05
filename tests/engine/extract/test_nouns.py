"""What a bare number counts (app/engine/extract/nouns.py, quantities.py _read_noun)."""

import pytest

from app.engine import extract_claims


def counted(text: str):
    return [(c.value.nominal, c.value.unit) for c in extract_claims(text) if c.kind not in ("date", "time")]


def test_a_past_verb_after_a_strong_community_ends_the_counted_noun():
    assert counted("The 2.4-million strong diaspora sent home record sums.") == [(2.4e6, "diaspora")]


def test_a_strong_crowd_before_a_past_verb_counts_the_crowd():
    assert counted("The 30,000 strong crowd sang through the rain.") == [(30000.0, "crowd")]


def test_a_pay_cut_keeps_cut_in_the_noun_phrase():
    # 'cut' is a noun too: it is no clause verb (compounds.toml clause_verbs leaves it out)
    assert counted("Staff at the mill accepted 12 pay cuts in a decade.") == [(12.0, "pay cut")]


def test_a_plural_count_before_its_verb_is_unchanged():
    assert counted("About 600 volunteers built the levee.") == [(600.0, "volunteer")]


def test_a_scaled_sum_is_the_round_figure_it_states():
    (c,) = [c for c in extract_claims("The port authority borrowed $4.1 billion.") if c.kind == "money"]
    assert c.value.nominal == 4_100_000_000.0


def test_a_bare_count_a_week_is_a_count_per_week():
    found = counted("Hospital admissions rose by a fifth to 1,240 a week.")
    assert found == [(0.2, None), (1240.0, "count per week")]


def test_a_bare_count_a_year_ago_is_no_rate():
    assert counted("The shelter took in 300 a year ago.")[0] == (300.0, None)


def test_a_model_name_written_as_one_word_stays_one_word():
    assert counted("The carrier ordered six Boeing 777F freighters.") == [(6.0, "Boeing 777F freighter")]


def test_a_model_name_written_apart_stays_apart():
    assert counted("Two new 737 Max jets landed at Orvale.") == [(2.0, "new 737 Max jet")]


def test_a_models_designator_is_one_word_of_the_counted_noun():
    assert counted("The air force received 12 F-16 fighter jets.") == [(12.0, "F-16 fighter jet")]
    assert counted("The clinic treated 40 COVID-19 patients.") == [(40.0, "COVID-19 patient")]
    found = extract_claims("Russia launched four Iskander-M/KN-23 ballistic missiles at dawn.")
    assert [(c.text, c.frame.counted) for c in found] == [
        ("four Iskander-M/KN-23 ballistic missiles", "missile")]
    assert "ballistic" in found[0].frame.noun  # the subtype is kept: it is no count of all missiles


@pytest.mark.parametrize(("text", "surface", "unit"), [
    # who expected the figure is no noun of it: it borrows the figure before it, or none
    ("Employers added 143,000 jobs in January, fewer than the 170,000 economists had expected.", "170,000",
     "job"),
    ("Turnout reached 61%, above the 55% pollsters predicted, the commission said.", "55%", "percentage"),
    # a clause of its own: the figure counts them
    ("Some 40 economists expected a cut in March.", "Some 40 economists", "economist"),
    ("The 300 workers had expected to be paid in May.", "300 workers", "worker"),
])
def test_the_subject_of_a_clause_that_expected_the_figure_is_not_counted(text, surface, unit):
    found = {c.text: c for c in extract_claims(text) if c.kind != "date"}
    assert found[surface].value.unit == unit
