"""A server killed with SIGKILL in the middle of a feed loses no article it acknowledged."""

from __future__ import annotations

import signal
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.feed import feed
from tests.live import base_url, bound_socket, wait_until
from tests.services.test_worker import uvicorn_process

CLIENTS = 32
KILL_AFTER = 12  # acknowledged articles before the kill


def test_a_server_killed_during_a_32_client_ingest_loses_no_acknowledged_article(database_url):
    sock = bound_socket()
    url = base_url(sock)
    articles = feed(3 * CLIENTS)
    acknowledged: list[str] = []
    lock = threading.Lock()

    def post(body: dict) -> None:
        try:
            answer = httpx.post(f"{url}/v1/articles", json=body, timeout=120)
        except httpx.TransportError:
            return  # in flight when the server died: not acknowledged
        if answer.status_code in (200, 201):
            with lock:
                acknowledged.append(body["id"])

    pool = ThreadPoolExecutor(max_workers=CLIENTS)
    with uvicorn_process(database_url, sock, worker=False) as process:
        for a in articles:
            pool.submit(post, a.body())
        wait_until(lambda: len(acknowledged) >= KILL_AFTER, what="the first acknowledged articles")
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    pool.shutdown(wait=False, cancel_futures=True)  # the clients give up on what they had not sent yet

    with uvicorn_process(database_url, sock, worker=False), httpx.Client(base_url=url, timeout=60) as client:
        pool.shutdown(wait=True)  # requests left waiting on the socket are answered by the new server
        assert KILL_AFTER <= len(acknowledged) < len(articles), "the kill came in the middle of the feed"
        for article_id in acknowledged:
            stored = client.get(f"/v1/articles/{article_id}")
            assert stored.status_code == 200, article_id
            assert stored.json()["story_id"] and stored.json()["claim_count"] > 0
        listed = client.get("/v1/articles", params={"limit": 500}).json()
        ids = [a["id"] for a in listed["items"]]
        assert len(ids) == len(set(ids)) == listed["total"], "nothing stored twice"
        assert all(a["story_id"] for a in listed["items"]), "stored with its story, or not at all"
        stories = client.get("/v1/stories", params={"limit": 500}).json()["items"]
        assert sum(s["article_count"] for s in stories) == len(ids)
        assert all(s["article_count"] for s in stories), "no story is left empty"
        # the restarted server goes on taking the feed where the clients left it
        missing = [a for a in articles if a.id not in set(ids)]
        for a in missing[:3]:
            assert client.post("/v1/articles", json=a.body()).status_code == 201
    sock.close()
