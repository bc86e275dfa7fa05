"""Opposite readings of one figure (texts written for these tests)."""

from app.engine import extract_claims
from app.engine.frame.polarity import opposite


def polarity(text: str, surface: str):
    return next(c.frame.polarity for c in extract_claims(text) if c.text.startswith(surface))


def test_a_deficit_of_is_the_minus_side_of_the_balance():
    assert polarity("The province reported a deficit of 3.2% of its output.", "3.2%") == ("balance", "-")


def test_a_surplus_worth_is_the_plus_side_of_the_balance():
    s = "The province reported a surplus worth 3.2 per cent of output."
    assert polarity(s, "3.2 per cent") == ("balance", "+")


def test_a_rise_is_the_up_side_of_the_trend():
    assert polarity("Shares of the brewer rose 4% on Tuesday.", "4%") == ("trend", "up")


def test_a_loss_and_a_surplus_are_not_one_scale():
    assert not opposite(("result", "-"), ("balance", "+"))
    assert opposite(("trend", "up"), ("trend", "down"))
