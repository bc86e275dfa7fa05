"""How fast signed ingestion answers, compared with the synchronous ingest, and how long the worker takes.

    .venv/bin/python benchmarks/bench_webhooks.py            # 30 synthetic articles
    .venv/bin/python benchmarks/bench_webhooks.py 100

On fresh migrated SQLite files it times, per article: `POST /v1/articles` (stores, groups, recomputes the
story before answering) against `POST /v1/webhooks/ingest` (verifies the signature, stores the article and
a job, answers 202), then the worker draining the accepted jobs. The articles are bench_report.py's
synthetic coverage of one invented event.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import tempfile
import time
import uuid
import warnings
from pathlib import Path

from alembic import command
from alembic.config import Config

from app.config import Settings
from app.db import make_database
from app.main import create_app
from app.services.signatures import signed_headers
from app.services.worker import Worker

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_service import _body, _corpus  # noqa: E402

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SECRET = "whsec_" + base64.b64encode(os.urandom(32)).decode("ascii")


def _migrated(url: str) -> None:
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes.update(url=url, configure_logger=False)
    command.upgrade(config, "head")


def run(n: int, folder: Path) -> None:
    bodies = [_body(a) for a in _corpus(n)]
    sync_url, hook_url = (f"sqlite:///{folder / name}" for name in ("sync.db", "hook.db"))
    for url in (sync_url, hook_url):
        _migrated(url)
    settings = {"_env_file": None, "webhook_secret": SECRET, "worker_enabled": False}
    with TestClient(create_app(Settings(database_url=sync_url, **settings))) as client:  # type: ignore[arg-type]
        t0 = time.perf_counter()
        for body in bodies:
            assert client.post("/v1/articles", json=body).status_code == 201
        sync_s = time.perf_counter() - t0
    hook_settings = Settings(database_url=hook_url, **settings)  # type: ignore[arg-type]
    with TestClient(create_app(hook_settings)) as client:
        t0 = time.perf_counter()
        for body in bodies:
            raw = json.dumps(body).encode()
            headers = {
                **signed_headers(SECRET, f"msg_{uuid.uuid4().hex}", raw),
                "content-type": "application/json",
            }
            assert client.post("/v1/webhooks/ingest", content=raw, headers=headers).status_code == 202
        accept_s = time.perf_counter() - t0
    db = make_database(hook_url)
    worker = Worker(db, hook_settings)
    t0 = time.perf_counter()
    handled = worker.process_jobs(limit=n)
    drain_s = time.perf_counter() - t0
    worker.close()
    db.dispose()
    print(
        f"{n:>4} articles | POST /v1/articles {sync_s / n * 1000:7.1f} ms/article"
        f" | webhook 202 {accept_s / n * 1000:6.1f} ms/article ({sync_s / accept_s:5.1f}x sooner)"
        f" | worker {drain_s / max(handled, 1) * 1000:7.1f} ms/job ({handled} jobs)"
    )


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [30]
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            run(n, Path(tmp))


if __name__ == "__main__":
    main()
