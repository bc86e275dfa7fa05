"""The number grammar (app/engine/extract/numbers.py, number_words.py): one test per phrase it reads."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine.extract.numbers import (
    make_range,
    parse_digits,
    parse_number,
    qualifier_after,
    qualifier_before,
    qualify,
)
from app.engine.text.tokens import tokenize


def number(text: str, money: bool = False):
    return parse_number(tokenize(text), 0, money=money)


def bounds(text: str):
    """(nominal, low, high, qualifier) of the first number of `text`, with its qualifier applied."""
    tokens = tokenize(text)
    for i in range(len(tokens)):
        m = parse_number(tokens, i)
        if m is not None and tokens[i].lower not in ("a", "an"):
            before = qualifier_before(tokens, i)
            if before:
                m = qualify(m, before[0])
            after = qualifier_after(tokens, m.end)
            if after and m.qualifier == "exact":
                m = qualify(m, after[0])
            return m.nominal, m.low, m.high, m.qualifier
    raise AssertionError(f"no number in {text!r}")


def test_digits_with_thousands_separators():
    assert number("4,300").nominal == 4300


def test_decimal_digits():
    assert number("1.06").nominal == pytest.approx(1.06)


def test_malformed_grouping_is_not_a_number():
    assert parse_digits("1,2") is None


def test_twenty_five_in_words():
    assert number("twenty-five people").nominal == 25


def test_one_hundred_and_five_in_words():
    assert number("one hundred and five").nominal == 105


def test_a_dozen_is_twelve():
    assert number("a dozen eggs").nominal == 12


def test_a_hundred_is_one_hundred():
    assert number("a hundred years").nominal == 100


def test_half_a_million():
    assert number("half a million people").nominal == 500_000


def test_one_third_is_a_fraction():
    m = number("one-third of voters")
    assert m.fraction and m.nominal == pytest.approx(1 / 3)


def test_two_thirds_is_a_fraction():
    assert number("two thirds of").nominal == pytest.approx(2 / 3)


def test_fifteen_billion_scale_word():
    assert number("15 billion").nominal == 15e9


def test_seven_bn_abbreviation_after_currency():
    assert number("7bn", money=True).nominal == 7e9


def test_one_point_two_m_people_is_millions():
    assert number("1.2m people").nominal == pytest.approx(1.2e6)


def test_five_m_alone_is_metres_not_millions():
    assert number("5m tall").nominal == 5


def test_five_k_is_thousands():
    assert number("5K").nominal == 5000


def test_four_hundred_million_stacks_scales():
    assert number("4 hundred million").nominal == 400e6


def test_tens_of_thousands_is_a_range():
    m = number("tens of thousands of lives")
    assert (m.low, m.high, m.qualifier) == (10_000, 100_000, "range")


def test_hundreds_is_a_range():
    m = number("hundreds of people")
    assert (m.low, m.high) == (100, 1000)


def test_several_dozen_is_a_range():
    m = number("several dozen")
    assert (m.low, m.high) == (36, 108)


def test_minus_is_negative():
    assert number("minus 387").nominal == -387


def test_sixfold_is_a_multiple():
    m = number("sixfold")
    assert m.multiple and m.nominal == 6


def test_more_than_is_a_lower_bound():
    assert bounds("more than 40 warplanes") == (40, 40, None, "lower_bound")


def test_over_is_a_lower_bound():
    assert bounds("over 400 drones")[1:] == (400, None, "lower_bound")


def test_at_least_is_a_lower_bound():
    assert bounds("at least eight people")[1:] == (8, None, "lower_bound")


def test_up_to_is_an_upper_bound():
    assert bounds("up to 100 warplanes")[1:] == (None, 100, "upper_bound")


def test_fewer_than_is_an_upper_bound():
    assert bounds("fewer than 20 minutes")[1:] == (None, 20, "upper_bound")


def test_nearly_is_an_upper_bound():
    assert bounds("nearly 40 warplanes") == (40, None, 40, "upper_bound")


def test_almost_is_an_upper_bound():
    assert bounds("almost 12 hours")[1:] == (None, 12, "upper_bound")


def test_about_is_approximate_with_tolerance():
    nominal, low, high, qualifier = bounds("about 40 people")
    assert qualifier == "approximate" and nominal == 40 and low < 40 < high


def test_roughly_is_approximate():
    assert bounds("roughly 300 cars")[3] == "approximate"


def test_some_before_a_number_is_approximate():
    assert bounds("some 60 fishermen")[3] == "approximate"


def test_or_more_after_is_a_lower_bound():
    assert bounds("40 or more")[1:] == (40, None, "lower_bound")


def test_between_x_and_y_is_a_range():
    tokens = tokenize("between 10 and 20")
    r = make_range(parse_number(tokens, 1), parse_number(tokens, 3))
    assert (r.low, r.high, r.qualifier) == (10, 20, "range")


def test_range_first_number_takes_the_scale_of_the_second():
    tokens = tokenize("2 to 3 million")
    r = make_range(parse_number(tokens, 0), parse_number(tokens, 2))
    assert (r.low, r.high) == (2e6, 3e6)


def test_third_day_is_an_ordinal_not_a_number():
    assert number("third day") is None


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    """English words for 0 <= n < 10**12 (the renderer the property tests parse back)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + (" and " + words(rest) if rest else "")
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            rest = n % scale
            return words(n // scale) + " " + name + (" " + words(rest) if rest else "")
    raise ValueError(n)


@settings(deadline=None)  # the first example may load the unit tables
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_numbers_rendered_in_words_parse_back(n):
    m = number(words(n) + " apples")
    assert m is not None and m.nominal == n


@settings(deadline=None)  # the first example may load the unit tables
@given(st.integers(min_value=1000, max_value=10**12))
def test_numbers_with_separators_parse_back(n):
    assert number(f"{n:,}").nominal == n


@settings(deadline=None)  # the first example may load the unit tables
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)]),
)
def test_numbers_with_scale_words_parse_back(n, scale):
    name, factor = scale
    assert number(f"{n} {name}").nominal == n * factor


@settings(deadline=None)  # the first example may load the unit tables
@given(st.integers(min_value=1, max_value=999), st.sampled_from([("bn", 1e9), ("m", 1e6), ("k", 1e3)]))
def test_money_with_scale_abbreviations_parse_back(n, scale):
    name, factor = scale
    assert number(f"{n}{name}", money=True).nominal == n * factor


@settings(deadline=None)  # the first example may load the unit tables
@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_decimals_with_separators_parse_back(x):
    assert number(f"{x:,.2f}").nominal == pytest.approx(float(x))


def test_upwards_of_is_a_lower_bound():
    assert bounds("upwards of 300 homes")[1:] == (300, None, "lower_bound")


def test_no_more_than_is_an_upper_bound():
    assert bounds("no more than 12 boats")[1:] == (None, 12, "upper_bound")


def test_at_most_is_an_upper_bound():
    assert bounds("at most 5 ships")[1:] == (None, 5, "upper_bound")


def test_just_under_is_an_upper_bound():
    assert bounds("just under 20 percent")[1:] == (None, 20, "upper_bound")


def test_approximately_is_approximate():
    assert bounds("approximately 661 knots")[3] == "approximate"


def test_forty_plus_is_a_lower_bound():
    assert bounds("40-plus vessels")[1:] == (40, None, "lower_bound")


def test_unicode_half_adds_to_the_digits():
    assert number("2½ miles").nominal == 2.5


def test_one_and_a_half_in_words():
    assert number("one and a half").nominal == 1.5


def test_the_qualifier_is_recorded_in_the_value():
    """The verdicts never re-read the claim's words: strictness and a close bound's reach are in the Value."""
    from app.engine import extract_claims

    def value(text):
        return next(c.value for c in extract_claims(text) if c.kind == "count")

    more, least, nearly, just = (value(t) for t in ("more than 40 sheep", "at least 40 sheep",
                                                     "nearly 40 sheep", "just over 40 sheep"))
    assert (more.qualifier, more.strict, more.tolerance) == ("lower_bound", True, None)
    assert (least.qualifier, least.strict) == ("lower_bound", False)
    assert (nearly.qualifier, nearly.strict, nearly.tolerance) == ("upper_bound", False, 0.1)
    assert (just.qualifier, just.tolerance) == ("lower_bound", 0.1)


def test_digits_that_are_no_decimal_digits_are_read_as_no_number():
    from app.engine import extract_claims

    assert parse_digits("1¹2") is None
    claims = extract_claims("Voters cast ²³ ballots at 2³:10, and ① more; 1¹Ļ2 drones flew.")
    assert all(c.text[:1] not in "²①" for c in claims)

