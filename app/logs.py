"""Tally's log: one line per event, readable text or one JSON object (`TALLY_LOG_FORMAT=json`).

    configure_logging("json", "INFO")
    log.info("ingest attempt 1 lost a race; retrying", extra={"event": "retry", "reason": "deadlock"})
    -> {"time": "2025-05-13T08:00:00.123Z", "level": "INFO", "logger": "tally.retry",
        "message": "ingest attempt 1 lost a race; retrying", "event": "retry", "reason": "deadlock"}

Every retry (a lost race, an ingest job, a delivery) is logged once, at the moment it is decided, with
`event` and `reason` fields; the same events are counted in `/metrics` (app/metrics.py). With the JSON
format uvicorn's own lines (start-up, access log) are written as JSON objects too.
"""

from __future__ import annotations

import copy
import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

LOGGERS = ("tally", "uvicorn", "uvicorn.error", "uvicorn.access")  # what one format covers
# record attributes that are no event fields (uvicorn's `color_message` is its message with ANSI colours)
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {
    "message",
    "asctime",
    "taskName",
    "color_message",
}
_HANDLER_NAME = "tally"


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON: time, level, logger, message, then the record's extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")[:-6] + "Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                line[key] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """`time level logger: message [key=value ...]`, the record's extra fields at the end."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        extras = [
            f"{k}={v}" for k, v in record.__dict__.items() if k not in _STANDARD and not k.startswith("_")
        ]
        return super().format(record) + (" [" + " ".join(extras) + "]" if extras else "")


def configure_logging(log_format: str = "text", level: str = "INFO") -> None:
    """Log Tally's events at `level` and above to stderr, one line each, as `log_format` (text or json).

    Idempotent: calling it again (another app in the same process) replaces Tally's handler. In JSON mode
    the handlers uvicorn installed on its loggers write JSON too.
    """
    formatter: logging.Formatter = JsonFormatter() if log_format == "json" else TextFormatter()
    tally = logging.getLogger("tally")
    tally.setLevel(level)
    for handler in [h for h in tally.handlers if h.get_name() == _HANDLER_NAME]:
        tally.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(formatter)
    tally.addHandler(handler)
    if log_format == "json":
        for name in LOGGERS[1:]:
            for other in logging.getLogger(name).handlers:
                other.setFormatter(formatter)


def uvicorn_log_config(log_format: str = "text") -> dict[str, Any]:
    """uvicorn's logging configuration for `log_format`: its own in text mode; in JSON mode the same
    loggers and streams with `JsonFormatter`, so that the lines of `tally serve --workers N`'s supervisor
    process (which never imports the app) are JSON too."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    if log_format == "json":
        config["formatters"] = {name: {"()": "app.logs.JsonFormatter"} for name in config["formatters"]}
    return config

