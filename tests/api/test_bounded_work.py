"""Bounded work per request (issue 12, item 1, the service side): a size budget checked before any work, a
claim and answer budget while it runs, a deadline (503 with Retry-After), and a stop when the client goes."""

from __future__ import annotations

import json
import logging
import socket

from tests.factories import FERRY_DAILY, FERRY_WIRE, article
from tests.live import wait_until

TEN_KB = (FERRY_WIRE + " " + FERRY_DAILY + " ") * 30


def _check_body(count: int, text: str) -> dict:
    return {"articles": [{**article(f"a{i}", text=text), "id": f"a{i}"} for i in range(count)]}


def test_500_articles_of_10_kb_are_refused_with_413_before_work_starts(client):
    text = TEN_KB[:10_240]
    response = client.post("/v1/check", json=_check_body(500, text))
    assert response.status_code == 413, response.text
    problem = response.json()
    assert problem["type"].endswith("budget-exceeded") and "TALLY_MAX_REQUEST_CHARS" in problem["detail"]


def test_a_text_over_the_per_text_limit_is_413(make_client):
    client = make_client(max_text_chars=100)
    response = client.post("/v1/extract", json={"text": FERRY_WIRE})
    assert response.status_code == 413 and "TALLY_MAX_TEXT_CHARS" in response.json()["detail"]
    assert client.post("/v1/articles", json=article("w")).status_code == 413
    assert client.get("/v1/articles").json()["total"] == 0


def test_more_claims_than_the_budget_stop_the_work_with_413(make_client):
    client = make_client(max_claims=2)
    response = client.post("/v1/extract", json={"text": FERRY_WIRE})
    assert response.status_code == 413 and "TALLY_MAX_CLAIMS" in response.json()["detail"]
    stored = client.post("/v1/articles", json=article("w"))
    assert stored.status_code == 413
    assert client.get("/v1/articles").json()["total"] == 0  # the ingest rolled back whole


def test_an_answer_over_its_size_budget_is_413(make_client):
    client = make_client(max_answer_bytes=1000)
    response = client.post("/v1/check", json=_check_body(2, FERRY_WIRE))
    assert response.status_code == 413 and "TALLY_MAX_ANSWER_BYTES" in response.json()["detail"]


def test_work_past_its_deadline_is_503_with_retry_after(make_client):
    client = make_client(work_deadline=1e-9)  # passed before the engine's first check
    for path, body in (("/v1/extract", {"text": FERRY_WIRE}), ("/v1/check", _check_body(2, FERRY_WIRE))):
        response = client.post(path, json=body)
        assert response.status_code == 503, response.text
        assert response.headers["retry-after"] == "1"
        assert response.json()["type"].endswith("deadline-exceeded")
    assert client.post("/v1/articles", json=article("w")).status_code == 503
    assert client.get("/v1/articles").json()["total"] == 0


def test_the_check_answer_is_the_one_the_cli_prints(client):
    body = _check_body(2, FERRY_WIRE)
    answer = client.post("/v1/check", json=body)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert {c["article_id"] for c in answer.json()["claims"]} == {"a0", "a1"}


def test_the_server_stops_working_when_the_client_has_gone(live_server, caplog):
    caplog.set_level(logging.DEBUG, logger="tally.work")
    base = live_server(work_deadline=600)
    host, port = base.removeprefix("http://").split(":")
    payload = json.dumps(_check_body(90, TEN_KB)).encode()  # ~900 KB of text: many seconds of work
    head = f"POST /v1/check HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
    with socket.create_connection((host, int(port))) as conn:
        conn.sendall(f"{head}Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
        wait_until(lambda: _said(caplog, "engine work started"), what="the work to start")
    # the client has gone: the server notices, cancels the budget, and the engine stops at its next check
    wait_until(lambda: _said(caplog, "the client disconnected"), what="the disconnect to be noticed")
    wait_until(lambda: _said(caplog, "abandoned work stopped (cancelled)"), what="the engine to stop")


def _said(caplog, text: str) -> bool:
    return any(text in record.getMessage() for record in caplog.records)
