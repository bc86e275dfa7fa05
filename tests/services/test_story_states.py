"""The comparisons kept between ingests are handed out only for the articles, at the versions, they
compared; the least recently changed stories are dropped first."""

from __future__ import annotations

from datetime import date

from app.engine import ArticleText, StoryState, extract_claims
from app.services import story_states

TEXT = "Floods in Tarvel killed 14 people on Monday, officials said."


def _state(story_id: str) -> StoryState:
    article = ArticleText("wire", "Wire", TEXT, date(2031, 5, 12))
    return StoryState.build(story_id, [article], {"wire": extract_claims(TEXT, article.published_at)})


def test_a_state_is_handed_out_for_its_articles_at_their_versions_and_more():
    key = ("sqlite:///kept.db", "st_kept")
    story_states.keep(key, state := _state("st_kept"), {"wire": (1, "abc")})
    assert story_states.take(key, {"wire": (1, "abc"), "daily": (2, "def")}) is state
    assert story_states.take(key, {"wire": (1, "abc")}) is None, "taken out while in use"


def test_a_state_whose_article_changed_or_left_is_not_handed_out():
    key = ("sqlite:///kept.db", "st_changed")
    for current in ({"wire": (3, "abc")}, {"wire": (1, "xyz")}, {"daily": (2, "def")}):
        story_states.keep(key, _state("st_changed"), {"wire": (1, "abc")})
        assert story_states.take(key, current) is None


def test_the_least_recently_changed_stories_are_dropped_first():
    keys = [("sqlite:///kept.db", f"st_{n}") for n in range(3)]
    for key in keys:
        story_states.keep(key, _state(key[1]), {"wire": (1, "abc")}, limit=2)
    assert story_states.take(keys[0], {"wire": (1, "abc")}) is None
    assert story_states.take(keys[2], {"wire": (1, "abc")}) is not None
