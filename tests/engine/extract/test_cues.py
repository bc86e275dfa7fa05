"""The pre-check that skips sentences which cannot hold a quantity or a date."""

import pytest

from app.engine.extract.cues import has_cue


@pytest.mark.parametrize(("text", "expected"), [
    ("The cat sat on the mat.", False),
    ("Results were counted overnight.", True),  # a calendar word
    ("THOUSANDS marched through the capital.", True),  # number words in any case
    ("The yearly report was late.", False),  # "year" inside a longer word is no cue
    ("It took a year and a half.", True),
    ("Turnout was ٣٠ percent.", True),  # a digit of another script
    ("Only ½ of them voted.", True),
])
def test_a_sentence_is_skipped_only_when_nothing_in_it_can_start_a_quantity_or_a_date(text, expected):
    assert has_cue(text) is expected
