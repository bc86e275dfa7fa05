"""The cross-source report of a set of articles whose claims are extracted and framed.

    group articles into stories -> find wire copies -> per story: align claims into facts -> judge each
    fact (agreement / discrepancy) -> corrections (notices, stale copies)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.engine.budget import charge
from app.engine.compare.align import AlignItem, align, make_item
from app.engine.compare.copies import copy_groups
from app.engine.compare.corrections import Notice, correction_findings, find_notices, in_notice
from app.engine.compare.stories import group_articles
from app.engine.compare.verdicts import judge
from app.engine.model import ArticleText, Claim, ClaimRef, Finding, Report, Story


def by_content(articles: Sequence[ArticleText]) -> list[ArticleText]:
    """`articles` in an order fixed by what they say (date, source, title, text, URL), never by their ids or
    the order they came in: every later tie (which article seeds a fact, which story an article starts) is
    then broken the same way for the same articles."""
    return sorted(articles, key=_content_key)


def _content_key(a: ArticleText) -> tuple:
    return (a.published_at or date.min, a.source, a.title or "", a.text, a.url or "", a.story_key or "", a.id)


def compare_articles(articles: Sequence[ArticleText], claims: dict[str, Sequence[Claim]]) -> Report:
    """Group `articles` into stories, align and judge their claims (article id -> framed claims)."""
    articles = by_content(articles)
    framed = {a.id: tuple(claims[a.id]) for a in articles}
    stories = group_articles(articles, framed)
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
    notices: list[Notice] = []
    items: list[AlignItem] = []
    # the richest articles seed the facts; ties broken stably so that findings keep their anchors
    ordered = sorted(articles, key=lambda a: (-len(claims[a.id]), _content_key(a)))
    for order, article in enumerate(ordered):
        article_notices = find_notices(article, claims[article.id])
        notices.extend(article_notices)
        group = groups.get(article.id, order)
        items.extend(_items(article, claims[article.id], article_notices, order, group))
    facts = align(items)
    findings = [f for fact in facts for f in judge(fact, story.id)]
    sources = {a.id: a.source for a in articles}
    findings.extend(correction_findings(notices, claims, facts, sources, story.id))
    return findings


def _items(article: ArticleText, claims: Sequence[Claim], notices: Sequence[Notice], order: int,
           group: int) -> list[AlignItem]:
    """The comparable claims of one article: body text only, not inside a correction notice, and one claim
    per repeated sentence."""
    out, seen = [], set()
    for i, c in enumerate(claims):
        if c.context != "body" or c.is_conversion or in_notice(c, notices) or c.frame.when_said:
            continue  # captions, conversions (their main claim speaks), notices, 'said Friday'
        key = (c.sentence, c.text)
        if key in seen:
            continue
        seen.add(key)
        item = make_item(ClaimRef(article.id, i), c, article.source, order, group, article.published_at)
        if item is not None:
            out.append(item)
    return out
