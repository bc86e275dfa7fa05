"""What makes two claims two facts (compare/keys.py): a measure's words compare as their group's first word
(lexicon/frame.toml [measure.same]). Articles written for these tests."""

from datetime import date

from app.engine import ArticleText, check_articles
from app.engine.compare.keys import head

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
