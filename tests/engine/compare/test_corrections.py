"""Corrections: notices, stale copies and revisions (texts written for these tests)."""

from dataclasses import replace
from datetime import date

from app.engine.compare.align import align
from app.engine.compare.corrections import compare_revisions, correction_findings, find_notices
from app.engine.model import ArticleText
from tests.engine.claimkit import claim, day, item

BODY = "The summit, held on March 3, ended without a deal."
NOTICE = ("An earlier version of this story misstated the date of the summit: it was held on March 3, "
          "not March 4.")


def article_claims():
    text = BODY + " " + NOTICE
    body = claim(BODY, "March 3", day("2025-03-03"), kind="date")
    n3 = claim(NOTICE, "March 3", day("2025-03-03"), kind="date")
    n4 = claim(NOTICE, "March 4", day("2025-03-04"), kind="date")
    shift = len(BODY) + 1
    moved = [replace(c, start=c.start + shift, end=c.end + shift, sentence_start=shift,
                     sentence_end=shift + len(NOTICE)) for c in (n3, n4)]
    return text, [body, *moved]


def test_an_earlier_version_of_this_story_is_a_correction_notice():
    text, claims = article_claims()
    notices = find_notices(ArticleText("wire", "Wire", text), claims)
    assert len(notices) == 1 and notices[0].text.startswith("An earlier version")


def test_x_not_y_names_the_new_and_the_old_value():
    text, claims = article_claims()
    n = find_notices(ArticleText("wire", "Wire", text), claims)[0]
    assert (n.new_text, n.old_text) == ("March 3", "March 4")


def test_correction_colon_without_figures_is_still_a_notice():
    notices = find_notices(ArticleText("w", "W", "Correction: the minister's name was misspelled."), [])
    assert len(notices) == 1 and notices[0].new is None


def test_another_article_still_printing_the_old_value_is_stale():
    text, claims = article_claims()
    s = "The summit, held on March 4, ended without a deal."
    desk = claim(s, "March 4", day("2025-03-04"), kind="date")
    notices = find_notices(ArticleText("wire", "Wire", text), claims)
    facts = align([item(claims[0], "wire", 0), item(desk, "desk", 1)])
    sources = {"wire": "Wire", "desk": "Desk"}
    found = correction_findings(notices, {"wire": claims, "desk": [desk]}, facts, sources)
    assert [f.verdict for f in found] == ["notice", "stale"]
    notice, stale = found
    assert (notice.old_value, notice.new_value) == ("March 4", "March 3")
    assert {r.article_id for r in notice.claims} == {"wire"} and len(notice.claims) == 3
    assert stale.claims[0].article_id == "desk" and "still prints" in stale.reason


def test_a_changed_figure_between_revisions_is_a_correction():
    s1 = "Rescuers said 212 passengers were aboard the ferry when it sank."
    s2 = "Rescuers said 221 passengers were aboard the ferry when it sank."
    old = ArticleText("u", "Wire", s1, date(2025, 4, 1))
    new = ArticleText("u", "Wire", s2, date(2025, 4, 1))
    found = compare_revisions(old, new, [claim(s1, "212", 212)], [claim(s2, "221", 221)])
    assert len(found) == 1
    f = found[0]
    assert (f.type, f.old_value, f.new_value) == ("correction", "212", "221")


def test_an_unchanged_revision_has_no_correction():
    s = "Rescuers said 212 passengers were aboard the ferry when it sank."
    a = ArticleText("u", "Wire", s)
    assert compare_revisions(a, a, [claim(s, "212", 212)], [claim(s, "212", 212)]) == []


def test_a_notice_runs_to_the_end_of_its_paragraph():
    text = ("Correction: An earlier version said the bridge opened on June 9. It opened on June 8, "
            "not June 9.\nMore.")
    n = find_notices(ArticleText("w", "W", text), [])[0]
    assert n.text.endswith("not June 9.") and (n.new_text, n.old_text) == ("June 8", "June 9")


def test_a_notice_is_not_cut_inside_a_decimal_and_keeps_its_values():
    """One sentence splitter: "3.5" does not end a sentence, so the notice holds both figures."""
    from app.engine import extract_claims

    text = ("Rain totals reached 3.5 inches, not 5.3 inches as this story previously reported. "
            "Crews reopened the coast road on Friday.")
    article = ArticleText("w", "Gazette", text, date(2025, 9, 8))
    n = find_notices(article, extract_claims(text, article.published_at))[0]
    assert n.text.startswith("Rain totals reached 3.5 inches")
    assert (n.new_text, n.old_text) == ("3.5 inches", "5.3 inches")


def test_the_correction_finding_names_both_values():
    from app.engine import check_articles

    text = "Rain totals reached 3.5 inches, not 5.3 inches as this story previously reported."
    report = check_articles([ArticleText("w", "Gazette", text, date(2025, 9, 8))])
    (found,) = [f for f in report.findings if f.type == "correction"]
    assert (found.old_value, found.new_value) == ("5.3 inches", "3.5 inches")


def test_editors_note_that_a_story_is_developing_is_no_notice():
    text = "Editor's note: this story is developing and will be updated.\nFloods cut the Harlow road."
    assert find_notices(ArticleText("w", "W", text), []) == []


def test_editors_note_that_says_what_was_wrong_is_a_notice():
    text = "Editor's note: this article mistakenly gave the turnout as 16%; it was 61%."
    assert len(find_notices(ArticleText("w", "W", text), [])) == 1


def test_more_jobs_than_previously_reported_is_no_notice():
    text = "Revised figures show employers added 12,000 more jobs in March than previously reported."
    assert find_notices(ArticleText("w", "W", text), []) == []
