"""Time the story page (`GET /stories/{id}`) of one story of 200 articles (or the sizes given).

    .venv/bin/python benchmarks/bench_page.py            # 200 articles
    .venv/bin/python benchmarks/bench_page.py 50 200 500

The story is stored once in a throwaway SQLite database (bench_report's synthetic drone-attack articles:
wire copies, changed figures, own tellings; one story key, one recomputation); then the page is fetched
through the real app (TestClient: routing, database reads, Jinja2 rendering, no network) a few times. Prints
the median time, the page's size, its findings and marks, and the JSON report's time beside it.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.filterwarnings("ignore")

from sqlmodel import Session  # noqa: E402

from app.config import Settings  # noqa: E402
from app.db import make_database  # noqa: E402
from app.main import create_app  # noqa: E402
from app.schemas import ArticleCreate  # noqa: E402
from app.services.findings import recompute_story  # noqa: E402
from app.services.ingest import store_article  # noqa: E402
from app.services.stories import story_by_key  # noqa: E402
from benchmarks.bench_report import corpus  # noqa: E402
from tests.conftest import migrate  # noqa: E402

RUNS = 7


def stored_story(url: str, size: int) -> str:
    """Store `size` synthetic articles as one story (one recomputation); return its id."""
    db = make_database(url)
    with Session(db, expire_on_commit=False) as session:
        story = story_by_key(session, "bench-page")
        for art in corpus(size):
            body = ArticleCreate(
                id=art.id,
                source=art.source,
                text=art.text,
                published_at=art.published_at,
                url=f"https://outlet{art.id}.example/attack",
                title=f"{art.source} on Valmora",
            )
            stored = store_article(session, body)
            stored.article.story_id = story.id
            session.add(stored.article)
        session.flush()
        recompute_story(session, story)
        session.commit()
        story_id = story.id
    db.dispose()
    return story_id


def timed(client, path: str) -> tuple[float, float, int]:
    """Median wall and CPU seconds of RUNS fetches of `path` (after a warm-up fetch), and its size. The
    CPU time (of the whole process: the app runs in a thread of it) does not grow when other programs
    load the machine; the wall time does."""
    size = len(client.get(path).content)
    wall, cpu = [], []
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        answer = client.get(path)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        assert answer.status_code == 200, answer.text[:200]
    return statistics.median(wall), statistics.median(cpu), size


def main(sizes: list[int]) -> int:
    from fastapi.testclient import TestClient

    header = ("articles", "page ms", "page cpu ms", "page KB", "findings", "marks", "report ms", "csv ms")
    print("".join(f"{h:>12}" for h in header))
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{folder}/bench.db"
            migrate(url)
            story_id = stored_story(url, size)
            settings = Settings(_env_file=None, database_url=url, worker_enabled=False)  # type: ignore[call-arg]
            with TestClient(create_app(settings)) as client:
                page, page_cpu, page_bytes = timed(client, f"/stories/{story_id}")
                html = client.get(f"/stories/{story_id}").text
                report, _, _ = timed(client, f"/v1/stories/{story_id}/report")
                csv, _, _ = timed(client, f"/v1/stories/{story_id}/findings.csv")
                count = len(client.get(f"/v1/stories/{story_id}/findings").json()["items"])
            row = (
                size,
                f"{page * 1000:.0f}",
                f"{page_cpu * 1000:.0f}",
                f"{page_bytes / 1024:.0f}",
                count,
                html.count("<mark id="),
                f"{report * 1000:.0f}",
                f"{csv * 1000:.0f}",
            )
            print("".join(f"{c:>12}" for c in row))
    return 0


if __name__ == "__main__":
    sys.exit(main([int(x) for x in sys.argv[1:]] or [200]))
