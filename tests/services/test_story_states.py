"""The comparisons kept between ingests: trusted whole only under the stamp they were written with; else
their state is handed out only for the articles, at the versions, it compared; the least recently changed
stories are dropped first."""

from __future__ import annotations

from datetime import date

from app.engine import ArticleText, StoryState, extract_claims
from app.services import story_states
from app.services.stored_rows import StoredRows

TEXT = "Floods in Tarvel killed 14 people on Monday, officials said."


def _kept(story_id: str, stamp: str | None = "s1") -> story_states.Kept:
    article = ArticleText("wire", "Wire", TEXT, date(2031, 5, 12))
    state = StoryState.build(story_id, [article], {"wire": extract_claims(TEXT, article.published_at)})
    return story_states.Kept(state, {"wire": (1, "abc")}, stamp, StoredRows())


def test_a_kept_comparison_is_trusted_only_under_the_stamp_it_was_written_with():
    kept = _kept("st_stamp")
    assert kept.trusted("s1")
    assert not kept.trusted("s2"), "another process wrote the story since"
    assert not kept.trusted(None), "merged, or an article was revised"
    assert not _kept("st_stamp", stamp=None).trusted(None)


def test_a_state_is_handed_out_for_its_articles_at_their_versions_and_more():
    key = ("sqlite:///kept.db", "st_kept")
    story_states.keep(key, kept := _kept("st_kept"))
    taken = story_states.take(key)
    assert taken is kept
    assert taken.state_for({"wire": (1, "abc"), "daily": (2, "def")}) is kept.state
    assert story_states.take(key) is None, "taken out while in use"


def test_a_state_whose_article_changed_or_left_is_not_handed_out():
    kept = _kept("st_changed")
    for current in ({"wire": (3, "abc")}, {"wire": (1, "xyz")}, {"daily": (2, "def")}):
        assert kept.state_for(current) is None


def test_the_least_recently_changed_stories_are_dropped_first():
    keys = [("sqlite:///kept.db", f"st_{n}") for n in range(3)]
    for key in keys:
        story_states.keep(key, _kept(key[1]), limit=2)
    assert story_states.take(keys[0]) is None
    assert story_states.take(keys[2]) is not None
