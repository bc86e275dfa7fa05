"""A match's score (app/engine/extract/scores.py), on sentences written for these tests."""

import pytest

from app.engine import ArticleText, check_articles, extract_claims


def scores(text: str) -> list[tuple[str, str | None, float | None, float | None]]:
    return [(c.text, c.value.unit, c.value.low, c.value.high) for c in extract_claims(text)
            if c.kind == "number"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Northbridge beat Holloway 3-1 at Kingsmead.", [("3-1", "score", 1.0, 3.0)]),
    ("It ended in a 2-2 draw.", [("2-2", "score", 2.0, 2.0)]),
    ("The Lions won 24-17 in the rain.", [("24-17", "score", 17.0, 24.0)]),
    ("They won 4-3 on penalties.", [("4-3", "score on penalties", 3.0, 4.0)]),
])
def test_a_dash_between_two_tallies_by_a_word_of_a_match_is_a_score(text, expected):
    assert scores(text) == expected


@pytest.mark.parametrize("text", [
    "The council voted 5-4 to approve the budget.",  # a vote's split, no match
    "Northbridge led 1-0 at half-time.",  # another moment's score
    "Pupils aged 11-16 sat the test.",
    "Sinner won the final 6-4, 3-6, 7-6 on Sunday.",  # the sets of a tennis match, each its own score
])
def test_a_dash_between_figures_with_no_match_or_at_half_time_is_no_score(text):
    assert all(unit != "score" for _, unit, _, _ in scores(text))


def _report(a: str, b: str):
    return check_articles([ArticleText("a", "Wire", a, story_key="final"),
                           ArticleText("b", "Desk", b, story_key="final")])


def test_two_scores_of_one_match_compare_whole():
    r = _report("Northbridge beat Holloway 3-1 at Kingsmead on Saturday.",
                "Northbridge beat Holloway 3-2 at Kingsmead on Saturday.")
    assert [f.type for f in r.findings if "3-1" in f.reason] == ["discrepancy"]
    r = _report("Northbridge beat Holloway 3-1 at Kingsmead on Saturday.",
                "Holloway lost 1-3 to Northbridge at Kingsmead on Saturday.")
    assert [f.type for f in r.findings if "3-1" in f.reason] == ["agreement"]
