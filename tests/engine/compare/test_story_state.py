"""A story's comparison grown article by article gives the batch's findings, in whatever order they come.

The articles are the project's own: seeds/, the ferry pair of the tests and invented reports of one event
(tests/feed.py).
"""

from __future__ import annotations

import random
from datetime import date
from functools import cache

import pytest

from app.engine import ArticleText, Claim, StoryState, extract_claims
from app.engine.compare.report import compare_story
from tests.canon import public_like_articles
from tests.factories import FERRY_DAILY, FERRY_WIRE
from tests.feed import event_articles


def _text(body: dict) -> ArticleText:
    day = body.get("published_at")
    return ArticleText(id=body["id"], source=body["source"], text=body["text"], title=body.get("title"),
                       url=body.get("url"), published_at=date.fromisoformat(day[:10]) if day else None)


@cache
def _articles(name: str) -> tuple[tuple[ArticleText, ...], dict[str, list[Claim]]]:
    if name == "public":
        bodies = public_like_articles()
    else:
        bodies = [a.body(id=f"{name}-{i}") for i, a in enumerate(event_articles(name, 24, seed=5))]
    texts = tuple(_text(b) for b in bodies)
    return texts, {a.id: extract_claims(a.text, a.published_at) for a in texts}


def _batch(articles, claims):
    return list(compare_story("st", articles, claims).findings)


@pytest.mark.parametrize(("name", "seed"), [("public", 0), ("public", 1), ("public", 2), ("quake", 0),
                                            ("museum", 1)])
def test_articles_added_one_by_one_give_the_batch_findings(name, seed):
    articles, claims = _articles(name)
    order = random.Random(seed).sample(articles, len(articles))
    state = StoryState.build("st", order[:1], claims)
    for n, article in enumerate(order[1:], start=2):
        state.add(article, claims[article.id])
        if n % 6 == 0 or n == len(order):
            assert state.findings() == _batch(order[:n], claims), f"after {n} articles"


def test_a_new_article_mostly_joins_the_facts_where_it_lands():
    """Most articles of a large event join facts whose representatives are chosen: no block is assigned
    again, and `add` says it needed no rebuild."""
    articles, claims = _articles("quake")
    state = StoryState.build("st", articles[:-4], claims)
    assert all(state.add(a, claims[a.id]) for a in articles[-4:])
    assert state.findings() == _batch(articles, claims)


def test_a_revised_article_is_compared_anew():
    articles, claims = _articles("public")
    state = StoryState.build("st", articles, claims)
    first = articles[0]
    revised = ArticleText(first.id, first.source, first.text.replace("1", "7"), first.published_at,
                          first.url, first.title)
    revised_claims = extract_claims(revised.text, revised.published_at)
    assert state.add(revised, revised_claims) is False
    again = [revised, *articles[1:]]
    assert state.findings() == _batch(again, {**claims, first.id: revised_claims})


def test_a_new_first_copy_of_two_texts_regroups_them():
    """An earlier text that carries two later ones whole is the first copy of both: they become one copy
    group, and the findings they share count one source less."""
    wire, daily = (ArticleText(i, s, t, date(2025, 5, 14)) for i, s, t in (
        ("wire", "Wire", FERRY_WIRE), ("daily", "Daily", FERRY_DAILY)))
    both = ArticleText("both", "Digest", f"{FERRY_WIRE}\n\n{FERRY_DAILY}", date(2025, 5, 13))
    claims = {a.id: extract_claims(a.text, a.published_at) for a in (wire, daily, both)}
    state = StoryState.build("st", [wire, daily], claims)
    assert state.add(both, claims["both"])
    assert state.findings() == _batch([wire, daily, both], claims)
