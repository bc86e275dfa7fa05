"""The cross-source report of a set of articles whose claims are extracted and framed.

    group articles into stories -> find wire copies -> per story: align claims into facts -> judge each
    fact (agreement / discrepancy) -> corrections (notices, stale copies)
"""

from __future__ import annotations

from collections.abc import Sequence

from app.engine.budget import charge
from app.engine.compare.copies import copy_groups
from app.engine.compare.signature import ArticleSignature
from app.engine.compare.stories import group_articles
from app.engine.compare.story_state import StoryState, by_content
from app.engine.model import ArticleText, Claim, Finding, Report, Story


def compare_articles(
    articles: Sequence[ArticleText],
    claims: dict[str, Sequence[Claim]],
    signatures: dict[str, ArticleSignature] | None = None,
) -> Report:
    """Group `articles` into stories, align and judge their claims (article id -> framed claims; the
    articles' signatures when they were computed with the claims)."""
    articles = by_content(articles)
    framed = {a.id: tuple(claims[a.id]) for a in articles}
    stories = group_articles(articles, framed, signatures)
    groups = copy_groups(articles)
    by_id = {a.id: a for a in articles}
    findings: list[Finding] = []
    for story in stories:
        charge(steps=len(story.article_ids))
        findings.extend(check_story(story, [by_id[i] for i in story.article_ids], framed, groups))
    return Report(stories=tuple(stories), claims=framed, findings=tuple(findings))


def compare_story(
    story_id: str, articles: Sequence[ArticleText], claims: dict[str, Sequence[Claim]]
) -> Report:
    """`compare_articles` for articles already known to report one event (a service's stored story): the
    same findings, without grouping them again (which would read every article's words once more)."""
    articles = by_content(articles)
    framed = {a.id: tuple(claims[a.id]) for a in articles}
    story = Story(id=story_id, article_ids=tuple(a.id for a in articles), label="")
    findings = check_story(story, articles, framed, copy_groups(articles))
    return Report(stories=(story,), claims=framed, findings=tuple(findings))


def group_into_stories(articles: Sequence[ArticleText], claims: dict[str, Sequence[Claim]]) -> list[Story]:
    """Only the grouping step of `check_articles`: which of `articles` report the same event."""
    return group_articles(by_content(articles), claims)


def check_story(story: Story, articles: Sequence[ArticleText], claims: dict[str, Sequence[Claim]],
                groups: dict[str, int]) -> list[Finding]:
    """The findings of one story: agreements and discrepancies of aligned facts, then corrections."""
    return StoryState.build(story.id, articles, claims, groups).findings()
