"""Tally's log: one line per event; with TALLY_LOG_FORMAT=json every line is one JSON object, and a
retry is logged once with its reason."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from app.logs import JsonFormatter, TextFormatter
from tests.services.test_worker import queue_a_failing_job

ROOT = Path(__file__).resolve().parents[1]


def record(**extra) -> logging.LogRecord:
    rec = logging.makeLogRecord(
        {"name": "tally.retry", "levelname": "INFO", "msg": "lost %s", "args": ("a race",)}
    )
    rec.__dict__.update(extra)
    return rec


def test_a_json_line_holds_time_level_logger_message_and_the_event_fields():
    line = json.loads(JsonFormatter().format(record(event="retry", reason="deadlock", attempt=1)))
    assert line["message"] == "lost a race" and line["logger"] == "tally.retry" and line["level"] == "INFO"
    assert (line["event"], line["reason"], line["attempt"]) == ("retry", "deadlock", 1)
    assert line["time"].endswith("Z")


def test_a_text_line_ends_with_the_event_fields():
    assert (
        TextFormatter()
        .format(record(event="retry", reason="deadlock"))
        .endswith("tally.retry: lost a race [event=retry reason=deadlock]")
    )


def test_a_failed_job_is_one_json_line_with_its_reason(make_client, database_url):
    queue_a_failing_job(make_client(worker_enabled=False), database_url)
    env = {**os.environ, "TALLY_DATABASE_URL": database_url, "TALLY_LOG_FORMAT": "json"}
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "worker", "--once"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    lines = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    [failed] = [line for line in lines if line.get("event") == "job_failed"]
    assert failed["level"] == "WARNING" and failed["attempt"] == 1
    assert failed["reason"].isidentifier() and failed["reason"] in failed["message"]  # the error's name
