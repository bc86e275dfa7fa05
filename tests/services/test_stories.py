"""Stories of a feed: found through the story index, one per event whatever the order, fragments merged."""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import delete
from sqlmodel import Session, select

from app import engine, models
from app.db import make_database
from app.services.story_index import add_terms, index_terms
from tests.feed import event_articles, feed


def _shape(findings, claims):
    """Findings as (type, sorted claim spans): comparable across id schemes."""
    span = {c["id"]: (c["article_id"], c["start"], c["end"]) for c in claims}
    return Counter((f["type"], tuple(sorted(span[i] for i in f["claims"]))) for f in findings)


def _events_per_story(client, articles) -> dict[str, set[str]]:
    event_of = {a.id: a.event for a in articles}
    stories: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        stories[client.get(f"/v1/articles/{a.id}").json()["story_id"]].add(event_of[a.id])
    return stories


def test_a_round_robin_feed_of_20_events_gives_20_stories(client):
    articles = feed(60)  # three reports of each of 20 events, interleaved as a wire delivers them
    for a in articles:
        assert client.post("/v1/articles", json=a.body()).status_code == 201
    stories = _events_per_story(client, articles)
    assert len(stories) == 20
    assert all(len(events) == 1 for events in stories.values()), "no story mixes two events"
    assert client.get("/v1/stories").json()["total"] == 20


def test_a_story_is_a_candidate_only_within_the_active_period(make_client):
    first, later = event_articles("quake", 2)
    strict = make_client(story_active_days=1)
    one = strict.post("/v1/articles", json=first.body()).json()
    # three days later: inside the engine's 14-day window, outside a 1-day active period
    other = strict.post("/v1/articles", json=later.body(published_at="2031-03-07")).json()
    assert other["story_id"] != one["story_id"]


def test_a_story_active_within_the_period_is_found(client):
    first, later = event_articles("quake", 2)
    one = client.post("/v1/articles", json=first.body()).json()
    other = client.post("/v1/articles", json=later.body(published_at="2031-03-07")).json()
    assert other["story_id"] == one["story_id"]


def test_two_fragments_of_one_event_are_merged_with_their_articles_and_findings(client, database_url):
    """A story the index could not see (as when two ingests of one event never shared a term) becomes a
    second story; the next report that fits both merges them, and subscribers are told."""
    db = make_database(database_url)
    with Session(db) as session:
        session.add(
            models.Subscription(
                id="sub_1", url="https://hooks.example/x", events=["story.merged"], secret="whsec_eA=="
            )
        )
        session.commit()
    a, b, c, d = event_articles("ferry", 4)
    first = client.post("/v1/articles", json=a.body()).json()["story_id"]
    with Session(db) as session:  # hide the first story from the index
        session.execute(delete(models.StoryTerm).where(models.StoryTerm.story_id == first))
        session.commit()
    second = client.post("/v1/articles", json=b.body()).json()["story_id"]
    assert client.post("/v1/articles", json=d.body()).json()["story_id"] == second != first
    moved = {f["id"] for f in client.get(f"/v1/stories/{second}/report").json()["findings"]}
    with Session(db) as session:  # the first story is indexed again
        signature = engine.signature_from_dict(session.get(models.Signature, a.id).signature)
        add_terms(session, first, index_terms(signature))
        session.commit()

    joined = client.post("/v1/articles", json=c.body()).json()["story_id"]
    assert joined == first  # the older story survives
    assert client.get(f"/v1/stories/{second}").status_code == 404
    report = client.get(f"/v1/stories/{first}/report").json()
    assert {x["id"] for x in report["articles"]} == {a.id, b.id, c.id, d.id}
    checked = client.post(
        "/v1/check", json={"articles": [x.body(story="one") for x in (a, b, c, d)]}
    ).json()
    assert _shape(report["findings"], report["claims"]) == _shape(checked["findings"], checked["claims"])
    assert moved and moved & {f["id"] for f in report["findings"]}, "findings moved keep their ids"
    with Session(db) as session:
        merged = select(models.OutboxMessage).where(models.OutboxMessage.event == "story.merged")
        [event] = session.exec(merged).all()
        assert event.payload["data"]["story_id"] == second
        assert event.payload["data"]["merged_into"] == first
        assert session.exec(select(models.StoryTerm).where(models.StoryTerm.story_id == second)).all() == []
    db.dispose()


def test_an_article_moved_to_a_key_leaves_the_representatives_of_its_story(client, database_url):
    a, b = event_articles("mine", 2)
    story = client.post("/v1/articles", json=a.body()).json()["story_id"]
    assert client.post("/v1/articles", json=b.body()).json()["story_id"] == story
    client.post("/v1/articles", json=b.body(story="mine-desk"))
    db = make_database(database_url)
    with Session(db) as session:
        left = session.get(models.Story, story)
        assert [r["article_id"] for r in left.representatives] == [a.id]
    db.dispose()
