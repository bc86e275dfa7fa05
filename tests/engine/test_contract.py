"""The engine's public entry points keep their shape: offsets index the text as submitted."""

from datetime import date

from app.engine import ArticleText, article_signature, check_articles, extract_claims, read_article


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


def test_overnight_is_the_night_that_ends_on_the_publication_day():
    (count, when) = extract_claims("Storm crews cleared 38 roads overnight.", date(2025, 11, 20))
    assert when.value.iso == "2025-11-19/2025-11-20"
    assert count.frame.time == "2025-11-19/2025-11-20"


def test_extract_and_check_put_an_overnight_event_on_the_same_days():
    """One framing, at extraction: what /v1/extract says of a claim is what /v1/check compares."""
    text = "The rebels fired 56 rockets overnight, the army said."
    published = date(2025, 9, 8)
    extracted = [c.frame for c in extract_claims(text, published)]
    report = check_articles([ArticleText("a", "Wire", text, published)])
    assert [c.frame for c in report.claims["a"]] == extracted
    assert extracted[0].time == "2025-09-07/2025-09-08"


def test_an_unpunctuated_feed_is_read_in_bounded_sentences():
    """Text without sentence ends (a feed, a scrape) is cut into bounded sentences: every figure is still
    read, and no claim's sentence grows with the text."""
    from app.engine.text.split import MAX_SENTENCE_TOKENS
    from app.engine.text.tokens import tokenize

    text = "and 5 drones flew over the city " * 300
    claims = extract_claims(text, date(2025, 9, 8))
    assert len(claims) == 300 and all(c.value.nominal == 5 for c in claims)
    assert max(len(tokenize(c.sentence)) for c in claims) <= MAX_SENTENCE_TOKENS


def test_one_reading_of_an_article_gives_its_claims_and_its_signature():
    """`read_article` reads the sentences once for both; each alone says the same."""
    article = ArticleText(
        id="a", source="Wire", title="Heat grips Varna",
        text="Temperatures in Varna hit 41.2C on Monday, the weather office said.\n\n"
             "About 12,000 homes lost power; crews restored 9,500 by evening. Schools stay shut.",
        published_at=date(2026, 7, 14),
    )
    claims, signature = read_article(article)
    assert claims == extract_claims(article.text, article.published_at)
    assert signature == article_signature(article, claims)
    assert {"varna", "heat"} <= set(signature.names) | set(signature.terms)
