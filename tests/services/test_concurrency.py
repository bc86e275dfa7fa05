"""Concurrent ingests over real HTTP: nothing stored twice, revisions numbered without gaps."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.factories import FERRY_WIRE, article


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


def test_concurrent_new_articles_with_one_story_key_share_one_story(live_server):
    base = live_server()

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
