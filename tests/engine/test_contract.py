"""The engine's public entry points keep their shape: offsets index the text as submitted."""

from datetime import date

from app.engine import ArticleText, check_articles, extract_claims


def test_claim_offsets_slice_the_submitted_text():
    text = "Officials said 12 buses and 3,400 passengers were stranded."
    claims = extract_claims(text, date(2025, 3, 1))
    assert claims, "expected at least one claim"
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text


def test_report_points_at_claims_of_its_articles():
    articles = [
        ArticleText(id="a", source="Wire", text="The ferry carried 212 passengers."),
        ArticleText(id="b", source="Daily", text="The ferry carried 212 passengers on Monday."),
    ]
    report = check_articles(articles)
    assert set(report.claims) == {"a", "b"}
    for finding in report.findings:
        for ref in finding.claims:
            assert 0 <= ref.index < len(report.claims[ref.article_id])
