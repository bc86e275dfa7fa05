"""Ingest compares a new article with its story where it lands (the comparison kept between ingests): the
stored findings are those of one batch `POST /v1/check`, in any order, and findings of figures the new
article does not state keep their rows as they were."""

from __future__ import annotations

import json
import random

import pytest
from sqlmodel import Session, col, select

from app import models
from app.config import Settings
from app.db import make_database
from app.main import create_app
from app.schemas import ArticleCreate
from app.services import story_states
from app.services.findings import recompute_story
from app.services.ingest import ingest_article
from tests.canon import TestClient, canonical_check, canonical_stored
from tests.conftest import empty_database
from tests.feed import event_articles

SETTINGS = Settings(_env_file=None)  # type: ignore[call-arg]
QUAKE = [a.body(id=f"quake-{i}") for i, a in enumerate(event_articles("quake", 12, seed=3))]


def _client(url: str) -> TestClient:
    return TestClient(create_app(Settings(_env_file=None, database_url=url, worker_enabled=False)))  # type: ignore[call-arg]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_an_event_posted_article_by_article_is_stored_as_one_batch_check_finds_it(
    migrated_url, tmp_path, seed
):
    order = random.Random(seed).sample(QUAKE, len(QUAKE))
    with _client(empty_database(migrated_url, tmp_path)) as client:
        assert canonical_stored(client, order) == canonical_check(client, QUAKE)


def test_a_revised_article_leaves_the_findings_the_batch_gives(migrated_url, tmp_path):
    """Besides the corrections between its two texts, which only the stored story knows."""
    revised = {**QUAKE[2], "text": QUAKE[2]["text"].replace("4", "5")}
    with _client(empty_database(migrated_url, tmp_path)) as client:
        canonical_stored(client, QUAKE[:6])
        stored = canonical_stored(client, [revised])
        revisions = [f for f in stored["findings"] if json.loads(f)["verdict"] == "revision"]
        assert revisions, "the figures changed between the two texts"
        stored["findings"] = [f for f in stored["findings"] if f not in revisions]
        assert stored == canonical_check(client, [*QUAKE[:2], revised, *QUAKE[3:6]])


WIRE = ("Floods in Tarvel killed 14 people on Monday, officials said. The Tarvel council approved "
        "$2.5 million in emergency aid for the flooded river towns.")
DAILY = ("Officials said 14 people were killed by the Tarvel floods on Monday. The Tarvel council approved "
         "$2.5 million in emergency aid for the flooded river towns.")
THIRD = "The floods in Tarvel killed 14 people on Monday, officials said."


def _body(id_: str, source: str, text: str) -> ArticleCreate:
    return ArticleCreate(id=id_, source=source, text=text, published_at="2031-05-12", story="tarvel")


def _findings(session: Session, story_id: str) -> dict[int, tuple]:
    """Each stored finding of the story: (fingerprint, every column the engine writes, its claim links)."""
    out = {}
    for f in session.exec(select(models.Finding).where(models.Finding.story_id == story_id)).all():
        links = session.exec(
            select(models.FindingClaim.claim_id, models.FindingClaim.position, models.FindingClaim.side)
            .where(models.FindingClaim.finding_id == f.id)
        ).all()
        columns = (f.type, f.verdict, f.kind, f.confidence, f.severity, f.reason, f.fact, f.old_value,
                   f.new_value, f.independent_sources)
        out[f.id] = (f.fingerprint, columns, sorted(links, key=repr))
    return out


def _money_claims(session: Session) -> set[int]:
    return set(session.exec(select(models.Claim.id).where(col(models.Claim.kind) == "money")).all())


def test_a_new_article_leaves_the_findings_of_figures_it_does_not_state_alone(database_url):
    db = make_database(database_url)
    with Session(db, expire_on_commit=False) as session:
        for id_, source, text in (("wire", "Wire", WIRE), ("daily", "Daily", DAILY)):
            ingest_article(session, _body(id_, source, text), SETTINGS)
            session.commit()
        story_id = session.get(models.Article, "wire").story_id
        before = _findings(session, story_id)
        money = _money_claims(session)
        aid = {i: f for i, f in before.items() if {claim for claim, _, _ in f[2]} <= money}
        assert aid, "the two reports of the aid agree"

        new = ingest_article(session, _body("third", "Third", THIRD), SETTINGS).new_findings
        session.commit()
        after = _findings(session, story_id)
        assert {i: after.get(i) for i in aid} == aid, "the aid's findings keep their rows, reasons and links"
        assert not {f.id for f in new} & set(aid)
        third = set(session.exec(select(models.Claim.id).where(models.Claim.article_id == "third")).all())
        grown = [f for i, f in after.items() if {claim for claim, _, _ in f[2]} & third]
        assert grown, "the death toll's finding now counts the third report"
    db.dispose()


def _story_of(client: TestClient, article_id: str) -> str:
    return client.get(f"/v1/articles/{article_id}").json()["story_id"]


FOURTH = "Fourteen people died in the Tarvel floods on Monday, officials said."


def test_a_comparison_another_process_outdated_is_not_trusted(migrated_url, tmp_path):
    """Worker A kept the story at two reports; worker B added a third (a new stamp): A's next ingest
    compares the third too, and stores what the batch gives for all four."""
    url = empty_database(migrated_url, tmp_path)
    db = make_database(url)
    texts = [("wire", "Wire", WIRE), ("daily", "Daily", DAILY), ("third", "Third", THIRD),
             ("fourth", "Fourth", FOURTH)]
    with Session(db, expire_on_commit=False) as session:
        for id_, source, text in texts[:2]:
            ingest_article(session, _body(id_, source, text), SETTINGS)
            session.commit()
        key = story_states.key_of(db.url, session.get(models.Article, "wire").story_id)
        held_by_a = story_states.take(key)
        assert held_by_a is not None
        ingest_article(session, _body(*texts[2]), SETTINGS)  # worker B: no comparison kept, it compares anew
        session.commit()
        story_states.keep(key, held_by_a)
        ingest_article(session, _body(*texts[3]), SETTINGS)
        session.commit()
    db.dispose()
    bodies = [_body(*t).model_dump(mode="json") for t in texts]
    with _client(url) as client:
        stored = canonical_stored(client, [])
        assert stored == canonical_check(client, bodies)


@pytest.mark.parametrize("seed", [0, 1])
def test_the_rows_an_ingest_writes_from_the_kept_comparison_are_those_of_a_full_recompute(
    migrated_url, tmp_path, seed
):
    url = empty_database(migrated_url, tmp_path)
    order = random.Random(seed).sample(QUAKE, len(QUAKE))
    with _client(url) as client:
        canonical_stored(client, order)
        story_id = _story_of(client, QUAKE[0]["id"])
    db = make_database(url)
    with Session(db, expire_on_commit=False) as session:
        incremental = _findings(session, story_id)
        story = session.get(models.Story, story_id)
        assert story_states.take(story_states.key_of(db.url, story_id)) is not None
        recompute_story(session, story)  # from the database alone
        session.commit()
        assert _findings(session, story_id) == incremental
    db.dispose()
