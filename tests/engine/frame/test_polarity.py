"""Opposite readings of one figure (texts written for these tests)."""

from app.engine.frame.polarity import opposite, polarity
from tests.engine.claimkit import claim


def test_a_deficit_of_is_the_minus_side_of_the_balance():
    c = claim("The province reported a deficit of 3.2% of its output.", "3.2%", 3.2, kind="percent")
    assert polarity(c) == ("balance", "-")


def test_a_surplus_worth_is_the_plus_side_of_the_balance():
    s = "The province reported a surplus worth 3.2 per cent of output."
    c = claim(s, "3.2 per cent", 3.2, kind="percent")
    assert polarity(c) == ("balance", "+")


def test_a_loss_and_a_surplus_are_not_one_scale():
    assert not opposite(("result", "-"), ("balance", "+"))
    assert opposite(("trend", "up"), ("trend", "down"))
