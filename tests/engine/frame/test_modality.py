"""How a figure is put (forecast, target, estimate, reported): a cue's reach, and lists that share it,
on sentences written for these tests in several fields."""

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
