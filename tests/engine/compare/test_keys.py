"""What makes two claims two facts (compare/keys.py): a measure's words compare as their group's first word
(lexicon/frame.toml [measure.same]). Articles written for these tests."""

from datetime import date

import pytest

from app.engine import ArticleText, check_articles, extract_claims
from app.engine.compare.align import make_item
from app.engine.compare.keys import hard_conflict, head
from app.engine.model import ClaimRef

D = date(2026, 3, 16)


def report(*texts: str):
    arts = [ArticleText(id=f"a{i}", source=f"Outlet {i}", text=t, published_at=D, story_key="story")
            for i, t in enumerate(texts)]
    return check_articles(arts)


def discrepancies(r):
    return [f for f in r.findings if f.type == "discrepancy"]


def test_vote_voting_voter_and_ballot_are_one_measure():
    assert {head(w) for w in ("vote", "voting", "voter", "ballot")} == {"vote"}


def test_the_measure_group_joins_nothing_else():
    for word in ("turnout", "share", "support", "poll", "registration", "participation", "age"):
        assert head(word) == word
    assert head("voter turnout") == "turnout"
    assert head("death toll") == "toll"  # the synonym groups still apply
    assert head("snack revenue") == "revenue"


def test_the_yes_vote_and_the_yes_ballot_are_one_share():
    r = report("In Sunday's referendum in Marvale, the Yes vote stood at 54.2%, the commission said.",
               "In Sunday's referendum in Marvale, the Yes ballot came in at 53.8%, the commission said.")
    found = [f for f in discrepancies(r) if "54.2%" in f.reason and "53.8%" in f.reason]
    assert len(found) == 1
    assert "same measure (Vote)" in found[0].reason


def test_support_among_voters_is_the_vote():
    r = report("In Sunday's referendum in Marvale, the No vote was 45.8%, the commission said.",
               "In Sunday's referendum in Marvale, support among voters for No rose to 46.9%, it said.")
    assert [f for f in discrepancies(r) if "45.8%" in f.reason and "46.9%" in f.reason]


def test_final_voting_and_the_vote_agree():
    r = report("Final voting was 54.2% for Yes, the Marvale electoral commission said on Sunday.",
               "The Yes vote stood at 54.2%, the Marvale electoral commission said on Sunday.")
    assert [f.type for f in r.findings if "54.2%" in f.reason] == ["agreement"]


def test_turnout_is_never_the_vote():
    r = report("In Sunday's referendum in Marvale, turnout was 61%, the commission said.",
               "In Sunday's referendum in Marvale, the Yes vote was 58%, the commission said.")
    assert not [f for f in r.findings if "61%" in f.reason or "58%" in f.reason]


def test_a_share_price_is_no_vote():
    r = report("Orvane shares fell 3.1% after the shareholder meeting, the company said.",
               "The ballot of Orvane shareholders came in at 3.4% against the plan, the company said.")
    assert not [f for f in r.findings if "3.1%" in f.reason and "3.4%" in f.reason]


def test_a_polls_figure_never_conflicts_with_the_result():
    r = report("A final poll by Marrow Research had put Yes ahead at 51%. Yes won with 54.2% of the vote.",
               "Yes won the Marvale referendum with 54.2% of the vote, the commission said.")
    assert not discrepancies(r)
    assert [f.type for f in r.findings if "54.2%" in f.reason] == ["agreement"]


def test_a_figure_with_two_digits_swapped_is_one_fact_misstated():
    """Nothing but the noun is shared, but "4,122" is what a careless rewrite makes of "4,212"."""
    r = report("The Halvern trial enrolled 4,212 patients across Europe over two years.",
               "Investigators say 4,122 patients took part, most of them older than 60.")
    (found,) = discrepancies(r)
    assert "4,212 patients" in found.reason and "4,122 patients" in found.reason
    assert "digit changed or swapped" in found.reason  # the reason says why the two were joined


def test_a_figure_with_one_digit_changed_is_one_fact_misstated():
    r = report("Thermometers in Arlen showed 43.6C at the airport on Monday afternoon.",
               "It was the hottest day on record, with 46.3C measured in the city.")
    assert len(discrepancies(r)) == 1


def test_round_or_short_figures_that_differ_by_a_digit_are_not_joined_on_that_alone():
    for one, other in (("7,000 kilometres", "4,000 kilometres"), ("27 countries", "28 countries"),
                       ("52 stations", "53 stations")):
        r = report(f"The network now reaches {one}, the operator said in its annual review.",
                   f"Analysts counted {other} when the first maps were drawn up years ago.")
        assert discrepancies(r) == [], (one, other)


def test_sums_in_two_currencies_that_differ_are_two_sums():
    r = report("The central bank sold $4.2bn of its reserves in August, its figures show.",
               "The finance ministry sold €350m of bonds in August, its figures show.")
    assert discrepancies(r) == []


def test_a_sum_in_cents_and_in_dollars_is_one_currency():
    r = report("Vantor earned $1.40 a share in the quarter, the company said.",
               "Vantor earned 104 cents a share in the quarter, the company said.")
    assert len(discrepancies(r)) == 1


def agreements(r):
    return [f for f in r.findings if f.type == "agreement"]


def test_a_rival_sources_bound_on_a_count_is_no_reading_of_it():
    r = report("When the blast hit, 126 miners were underground, the operator Brennock Coal said.",
               "The miners' union said as many as 140 men had been underground at the time.")
    assert discrepancies(r) == [] and agreements(r) == []


def test_miners_and_hikers_are_people():
    r = report("When the blast hit, 126 miners were underground, the operator said.",
               "When the blast hit, 162 people were underground, the operator said.")
    assert len(discrepancies(r)) == 1


def test_one_exact_figure_in_loosely_worded_sentences_is_one_fact():
    r = report("The count took place in all 24 wards of Marrowick on Thursday night.",
               "Officials in the city's 24 wards began sorting papers after polls closed.")
    assert len(agreements(r)) == 1


def test_a_figure_that_could_exceed_a_toll_is_a_forecast_not_a_misstated_toll():
    r = report("The quake killed 694 people in Mandalay, officials said.",
               "The number of people killed could exceed 10,000, the survey warned.")
    assert discrepancies(r) == []


def test_only_an_equal_figure_is_evidence_of_one_fact():
    """The bonus of one exact figure goes to equal values only, never to any two counts."""
    from app.engine import extract_claims
    from app.engine.compare.align import SAME_FIGURE, _join_score, make_item, pair_score
    from app.engine.model import ClaimRef

    def item(text, n):
        return make_item(ClaimRef(f"a{n}", 0), extract_claims(text, D)[0], f"Outlet {n}", n)

    def joined(a, b):
        return _join_score(a, b, pair_score(a, b))

    one = item("Officials in Marrowick counted ballots from 24 wards on Thursday.", 0)
    same = item("Papers from 24 wards in Marrowick reached the hall on Thursday.", 1)
    other = item("Papers from 42 wards in Marrowick reached the hall on Thursday.", 2)
    assert pair_score(one, same) == pytest.approx(pair_score(one, other))
    assert joined(one, same) == pytest.approx(joined(one, other) + SAME_FIGURE)


@pytest.mark.parametrize(("a", "b", "key"), [
    # a day and a quarter (or a month) are no one date; two days, or an unresolved day, may be
    (("Norvale shares rose on Thursday.", "Thursday"), ("Its first-quarter loss narrowed.", "first-quarter"),
     "granularity"),
    (("The vote was held on May 16.", "May 16"), ("The vote was held in May.", "May"), "granularity"),
    (("The vote was held on May 16.", "May 16"), ("The vote was held on May 17.", "May 17"), None),
])
def test_dates_of_different_granularity_are_two_dates(a, b, key):
    items = []
    for n, (sentence, surface) in enumerate((a, b)):
        (claim,) = [c for c in extract_claims(sentence, D) if c.text == surface]
        items.append(make_item(ClaimRef(f"a{n}", 0), claim, f"Outlet {n}", n, published_at=D))
    assert hard_conflict(*items) == key


def test_the_participation_rate_is_not_the_unemployment_rate_and_the_jobless_rate_is():
    r = report("The unemployment rate fell to 5.3%, and the participation rate edged up to 63.1%.",
               "The participation rate rose to 63.4%, while the jobless rate fell to 5.3%.")
    assert [sorted(r.claims[c.article_id][c.index].value.nominal for c in f.claims)
            for f in discrepancies(r)] == [[63.1, 63.4]]
