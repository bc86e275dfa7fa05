"""Concurrent ingests over real HTTP: nothing stored twice, revisions numbered without gaps, one story per
event."""

from __future__ import annotations

import logging
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.factories import FERRY_WIRE, article
from tests.feed import event_articles
from tests.scrape import scrape


def _shape(findings, claims):
    """Findings as (type, sorted claim spans): comparable across id schemes."""
    span = {c["id"]: (c["article_id"], c["start"], c["end"]) for c in claims}
    return Counter((f["type"], tuple(sorted(span[i] for i in f["claims"]))) for f in findings)


def test_concurrent_ingests_of_one_url_store_each_text_once(live_server):
    base = live_server()
    texts = [f"{FERRY_WIRE} Update {n}: {n + 3} boats searched the bay." for n in range(6)]
    bodies = [article("ferry", text=texts[i % len(texts)]) for i in range(18)]

    def post(body):
        with httpx.Client(base_url=base, timeout=60) as client:
            return client.post("/v1/articles", json=body).status_code

    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(post, bodies))
    assert set(statuses) <= {200, 201}, statuses

    detail = httpx.get(f"{base}/v1/articles/ferry", timeout=30).json()
    numbers = [r["number"] for r in detail["revisions"]]
    assert numbers == list(range(1, len(numbers) + 1))
    assert set(texts) <= {r["text"] for r in detail["revisions"]}
    assert httpx.get(f"{base}/v1/articles", timeout=30).json()["total"] == 1


def test_concurrent_new_articles_with_one_story_key_share_one_story(live_server, caplog):
    caplog.set_level(logging.INFO, logger="tally")
    base = live_server()
    before = scrape(base)

    def post(n):
        body = article(f"a{n}", source=f"Outlet {n}", text=f"{FERRY_WIRE} Note {n}.", story="ferry")
        with httpx.Client(base_url=base, timeout=60) as client:
            return client.post("/v1/articles", json=body)

    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(pool.map(post, range(6)))
    assert [r.status_code for r in responses] == [201] * 6
    assert len({r.json()["story_id"] for r in responses}) == 1
    stories = httpx.get(f"{base}/v1/stories", timeout=30).json()
    assert stories["total"] == 1 and stories["items"][0]["article_count"] == 6
    # whatever races these writers lost (on PostgreSQL, usually the story key), each retry was logged once
    # and counted once
    logged = [r for r in caplog.records if getattr(r, "event", None) == "retry" and r.levelno == logging.INFO]
    assert scrape(base).delta(before, "tally_retries_total", kind="race") == len(logged)


def test_32_concurrent_reports_of_one_new_event_make_one_story_with_all_its_findings(live_server):
    """Choosing or creating a story takes turns per index term (PostgreSQL advisory locks, SQLite's write
    lock): 32 reports of an event nobody has seen yet, posted at once, give one story, and its findings are
    those of a check of the 32 articles together."""
    # room for every writer at once (a slot and a connection each, long waits): none is told to come back
    base = live_server(
        max_concurrent_requests=32,
        request_queue_timeout=600,
        database_pool_size=16,
        database_max_overflow=32,
        database_pool_timeout=600,
    )
    reports = event_articles("derailment", 32)
    start = threading.Barrier(len(reports))

    def post(report):
        with httpx.Client(base_url=base, timeout=120) as client:
            start.wait()
            return client.post("/v1/articles", json=report.body())

    with ThreadPoolExecutor(max_workers=len(reports)) as pool:
        responses = list(pool.map(post, reports))
    assert [r.status_code for r in responses] == [201] * len(reports)
    assert len({r.json()["story_id"] for r in responses}) == 1
    story_id = responses[0].json()["story_id"]
    with httpx.Client(base_url=base, timeout=120) as client:
        stories = client.get("/v1/stories").json()
        assert stories["total"] == 1 and stories["items"][0]["article_count"] == len(reports)
        report = client.get(f"/v1/stories/{story_id}/report").json()
        checked = client.post("/v1/check", json={"articles": [r.body(story="x") for r in reports]}).json()
    assert report["findings"]
    assert _shape(report["findings"], report["claims"]) == _shape(checked["findings"], checked["claims"])
