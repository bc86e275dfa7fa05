"""The pure core of Tally: strings in, dataclasses out; no database, HTTP or framework imports.

The stages are chained here and only here (see model.py for the map):

    >>> [c.text for c in extract_claims("Russia fired 653 drones.")]
    ['653 drones']
    >>> report = check_articles([ArticleText("a", "Wire", "Russia fired 472 drones on Sunday."),
    ...                          ArticleText("b", "Desk", "Russia fired 427 drones on Sunday.")])
    >>> [f.type for f in report.findings]    # 472 vs 427 drones; both say Sunday
    ['discrepancy', 'agreement']
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.engine.compare.align import fact_key, make_item
from app.engine.compare.copies import copy_groups
from app.engine.compare.corrections import compare_revisions
from app.engine.compare.report import compare_articles, compare_story, group_into_stories
from app.engine.compare.signature import (
    ArticleSignature,
    article_signature,
    signature_from_dict,
    signature_to_dict,
    telling_terms,
)
from app.engine.compare.stories import StoredStory, choose_story, representatives, stories_fit, story_label
from app.engine.compare.story_state import StoryState
from app.engine.compare.verdicts import judge
from app.engine.extract import units
from app.engine.extract.claims import read_claims
from app.engine.frame import frame_claims
from app.engine.lexicon import background
from app.engine.model import (
    ArticleText,
    Claim,
    ClaimRef,
    FactKey,
    Finding,
    Frame,
    Report,
    Segment,
    Story,
    Value,
)
from app.engine.text import Sentence, read_sentences

__all__ = [
    "ArticleSignature",
    "ArticleText",
    "Claim",
    "ClaimRef",
    "FactKey",
    "Finding",
    "Frame",
    "Report",
    "Segment",
    "Story",
    "StoredStory",
    "StoryState",
    "Value",
    "article_signature",
    "check_articles",
    "choose_story",
    "compare_revisions",
    "compare_story",
    "copy_groups",
    "extract_claims",
    "fact_key",
    "group_into_stories",
    "judge",
    "make_item",
    "read_article",
    "representatives",
    "signature_from_dict",
    "signature_to_dict",
    "stories_fit",
    "story_label",
    "telling_terms",
    "warm_up",
]


def extract_claims(text: str, published_at: date | None = None) -> list[Claim]:
    """The quantitative claims of `text`, framed, in text order, with offsets into `text`.

    The text is cut into sentences once; extraction and framing read the same sentence objects.
    """
    return _framed_claims(text, read_sentences(text), published_at)


def read_article(article: ArticleText) -> tuple[list[Claim], ArticleSignature]:
    """`extract_claims` of an article and its `article_signature`, from one reading of its sentences."""
    sentences = read_sentences(article.text)
    claims = _framed_claims(article.text, sentences, article.published_at)
    return claims, article_signature(article, claims, sentences)


def _framed_claims(text: str, sentences: list[Sentence], published_at: date | None) -> list[Claim]:
    """Extraction then framing, both reading the same sentence objects."""
    return frame_claims(read_claims(text, sentences, published_at), sentences, published_at)


def check_articles(
    articles: Sequence[ArticleText], claims: dict[str, Sequence[Claim]] | None = None
) -> Report:
    """Extract (unless `claims` are given), group into stories, align and judge the claims of `articles`.

    `claims` maps article id -> its claims as `extract_claims` returned them (framed), e.g. stored ones.
    """
    if claims is not None:
        return compare_articles(articles, claims)
    read = {a.id: read_article(a) for a in articles}
    return compare_articles(articles, {i: c for i, (c, _) in read.items()},
                            {i: sig for i, (_, sig) in read.items()})


def warm_up() -> None:
    """Load every table (lexicons, units, quantulum3's names, pint, word frequencies): a fast first call."""
    units.warm_up()
    background.warm_up()
    sample = "Warm-up: more than 7,000 kilometers (4,300 miles), $7bn, 653 drones on May 16."
    extract_claims(sample, date(2025, 1, 1))
