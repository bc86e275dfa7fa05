"""Entry point of comparison: the cross-source report of a set of articles.

Placeholder implementation (one story, equal counts of the same noun agree); the comparison work
replaces it with stories, alignment and verdicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from app.engine.extract import extract_claims
from app.engine.model import ArticleText, ClaimRef, Finding, Report, Story


def check_articles(articles: Sequence[ArticleText]) -> Report:
    """Extract, group into stories, align and judge the claims of `articles`."""
    claims = {a.id: tuple(extract_claims(a.text, a.published_at)) for a in articles}
    story = Story(id="s1", article_ids=tuple(a.id for a in articles), label="all articles")
    findings: list[Finding] = []
    for a, b in combinations(articles, 2):
        for i, ca in enumerate(claims[a.id]):
            for j, cb in enumerate(claims[b.id]):
                if ca.value.unit == cb.value.unit and ca.value.nominal == cb.value.nominal:
                    findings.append(
                        Finding(
                            type="agreement",
                            claims=(ClaimRef(a.id, i), ClaimRef(b.id, j)),
                            reason=f"{a.source} and {b.source} both say {ca.text}",
                            story_id=story.id,
                        )
                    )
    return Report(stories=(story,), claims=claims, findings=tuple(findings))
