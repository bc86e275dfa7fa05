"""The same articles give the same report: whatever their ids, their order, the database or the hash seed.

The articles are the project's own (seeds/ and the ferry pair of the tests). Each run is named by content
(`tests.canon`) and compared with the report of the articles as given: for POST /v1/check, and for the
stored reports after POST /v1/articles one by one, on the suite's database (SQLite, or PostgreSQL with
TALLY_TEST_DATABASE_URL), in this process and in processes with other PYTHONHASHSEEDs.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.config import Settings
from app.main import create_app
from tests.canon import ROOT, TestClient, canonical_check, canonical_stored, public_like_articles
from tests.conftest import empty_database

ARTICLES = public_like_articles()
IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,24}", fullmatch=True)


def client_on(url: str) -> TestClient:
    return TestClient(create_app(Settings(_env_file=None, database_url=url, worker_enabled=False)))  # type: ignore[call-arg]


def rearranged(order: list[int], ids: list[str], keep_id: list[bool]) -> tuple[list[dict], list[dict]]:
    """(articles for /v1/check, articles to store): in `order`, renamed to `ids`; stored articles whose
    `keep_id` is false are sent without an id (the service picks a random one)."""
    checked = [{**ARTICLES[i], "id": ids[n]} for n, i in enumerate(order)]
    stored = [
        a if keep else {k: v for k, v in a.items() if k != "id"}
        for a, keep in zip(checked, keep_id, strict=True)
    ]
    return checked, stored


@pytest.fixture(scope="module")
def baseline(migrated_url, tmp_path_factory) -> dict[str, Any]:
    with client_on(empty_database(migrated_url, tmp_path_factory.mktemp("baseline"))) as client:
        checked = canonical_check(client, ARTICLES)
        stored = canonical_stored(client, ARTICLES)
    assert checked == stored, "the stored reports say what /v1/check says of the same articles"
    assert len(checked["stories"]) == 4 and len(checked["findings"]) > 30
    return checked


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    order=st.permutations(range(len(ARTICLES))),
    ids=st.lists(IDS, min_size=len(ARTICLES), max_size=len(ARTICLES), unique=True),
    keep_id=st.lists(st.booleans(), min_size=len(ARTICLES), max_size=len(ARTICLES)),
)
def test_shuffled_and_renamed_articles_give_the_same_findings(
    baseline, migrated_url, tmp_path_factory, order, ids, keep_id
):
    checked, stored = rearranged(order, ids, keep_id)
    with client_on(empty_database(migrated_url, tmp_path_factory.mktemp("example"))) as client:
        assert canonical_check(client, checked) == baseline
        assert canonical_stored(client, stored) == baseline


@pytest.mark.parametrize("hash_seed", ["0", "1", "4242"])
def test_other_hash_seeds_give_the_same_findings(baseline, migrated_url, tmp_path, hash_seed):
    rng = random.Random(hash_seed)
    order = rng.sample(range(len(ARTICLES)), len(ARTICLES))
    checked, stored = rearranged(order, [f"a{rng.randrange(10**6)}-{n}" for n in order], [True] * len(order))
    env = {
        **os.environ,
        "PYTHONHASHSEED": hash_seed,
        "TALLY_DATABASE_URL": empty_database(migrated_url, tmp_path),
    }
    answer = subprocess.run(
        [sys.executable, "-m", "tests.canon"],
        input=json.dumps(checked),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    result = json.loads(answer.stdout)
    assert result["check"] == baseline
    assert result["stored"] == baseline
