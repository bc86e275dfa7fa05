"""What the service adds on top of the engine: HTTP, validation, serialisation and storage.

    .venv/bin/python benchmarks/bench_service.py            # 10 and 50 synthetic articles
    .venv/bin/python benchmarks/bench_service.py 10 100

For each size, on a fresh migrated SQLite file, it times:
- `check_articles` called directly, then `POST /v1/check` with the same articles (ratio = HTTP overhead);
- ingesting the articles one by one with `POST /v1/articles` (each ingest groups the article and
  recomputes its story), then `GET /v1/stories/{id}/report` (served from storage), per article.
The articles are bench_report.py's synthetic coverage of one invented event.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
import warnings
from pathlib import Path

from alembic import command
from alembic.config import Config

from app.config import Settings
from app.engine import check_articles
from app.main import create_app

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _corpus(n: int) -> list:
    spec = importlib.util.spec_from_file_location("bench_report", ROOT / "benchmarks" / "bench_report.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.corpus(n)


def _body(a) -> dict:
    return {
        "id": a.id,
        "source": a.source,
        "text": a.text,
        "published_at": a.published_at.isoformat() if a.published_at else None,
    }


def run(n: int, folder: Path) -> None:
    articles = _corpus(n)
    url = f"sqlite:///{folder / f'bench-{n}.db'}"
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes.update(url=url, configure_logger=False)
    command.upgrade(config, "head")
    with TestClient(create_app(Settings(_env_file=None, database_url=url))) as client:  # type: ignore[call-arg]
        t0 = time.perf_counter()
        check_articles(articles)
        engine_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        response = client.post("/v1/check", json={"articles": [_body(a) for a in articles]})
        http_s = time.perf_counter() - t0
        assert response.status_code == 200, response.text
        t0 = time.perf_counter()
        for a in articles:
            assert client.post("/v1/articles", json=_body(a)).status_code == 201
        ingest_s = time.perf_counter() - t0
        stories = client.get("/v1/stories").json()["items"]
        t0 = time.perf_counter()
        for story in stories:
            client.get(f"/v1/stories/{story['id']}/report").raise_for_status()
        report_s = time.perf_counter() - t0
    print(
        f"{n:>5} articles  engine {engine_s:7.3f}s  POST /v1/check {http_s:7.3f}s "
        f"(x{http_s / engine_s:.2f})  ingest {ingest_s / n * 1000:7.1f} ms/article  "
        f"stored reports {report_s * 1000:6.1f} ms ({len(stories)} stories)"
    )


def main(sizes: list[int]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            run(n, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [10, 50]))
