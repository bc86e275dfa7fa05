"""Which articles of a story are copies of one text (a wire story republished), named for people.

    groups = copy_groups_of(session, story)       # [["mp-barrage", "lakeshore9-barrage"], ...]

The engine's copy detection decides (the same that counts `independent_sources`); only groups of two
or more articles are returned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import Session, select

from app import engine, models
from app.services.findings import engine_article, with_current_text

try:  # the engine's public API, once it exports the copy detection
    from app.engine import copy_groups  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - until then, the stage itself
    from app.engine.compare.copies import copy_groups


def copy_groups_of_texts(articles: Sequence[engine.ArticleText]) -> list[list[str]]:
    """Groups (article ids, in the order given) of two or more copies of one text."""
    members: dict[int, list[str]] = defaultdict(list)
    for article_id, group in copy_groups(articles).items():
        members[group].append(article_id)
    return [ids for ids in members.values() if len(ids) > 1]


def copy_groups_of(session: Session, story: models.Story) -> list[list[str]]:
    """The copy groups among the current texts of `story`'s articles, in article id order (the order
    `recompute_story` hands them to the engine, so the groups are those its findings counted)."""
    articles = session.exec(
        select(models.Article).where(models.Article.story_id == story.id).order_by(models.Article.id)
    ).all()
    return copy_groups_of_texts([engine_article(a, r, None) for a, r in with_current_text(session, articles)])
