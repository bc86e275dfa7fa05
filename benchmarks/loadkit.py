"""What bench_load.py runs on: throwaway databases, `tally serve` processes on loopback, a seeded story.

    with postgres_cluster() as url: ...                 # initdb under /tmp, a free port, removed at the end
    with tally_server(url, workers=2) as base: ...      # `tally serve` on 127.0.0.1, stopped at the end
    story_id = seed_story(url, articles)                # a story of len(articles) articles, compared once

Nothing listens beyond 127.0.0.1, and everything started is stopped and removed on exit.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from alembic import command
from alembic.config import Config
from sqlmodel import Session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests/feed.py: the invented feed

from app import engine, models  # noqa: E402
from app.db import make_database  # noqa: E402
from app.schemas import ArticleCreate  # noqa: E402
from app.services.extraction import prepare  # noqa: E402
from app.services.findings import recompute_story  # noqa: E402
from app.services.ingest import store_article  # noqa: E402
from app.services.stories import add_member  # noqa: E402
from app.services.story_index import add_terms, index_terms  # noqa: E402

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def migrate(url: str) -> None:
    """`alembic upgrade head` on `url`."""
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes.update(url=url, configure_logger=False)
    command.upgrade(config, "head")


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.getuid() == 0 else args


@contextmanager
def postgres_cluster() -> Iterator[str]:
    """A throwaway PostgreSQL 15 cluster on a free loopback port (as .ci/run starts one); yields its URL."""
    folder = Path(tempfile.mkdtemp(prefix="tally-bench-pg."))
    if os.getuid() == 0:
        shutil.chown(folder, "postgres")
    port = free_port()
    data = folder / "data"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": True}
    subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                                 "-E", "UTF8", "--locale=C.UTF-8"]), **quiet)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
    subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"),
                                 "-w", "-o", options, "start"]), **quiet)
    try:
        subprocess.run(_as_postgres([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port),
                                     "-U", "postgres", "tally"]), **quiet)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/tally"
    finally:
        subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def sqlite_file() -> Iterator[str]:
    """A fresh SQLite file under /tmp; yields its URL."""
    folder = Path(tempfile.mkdtemp(prefix="tally-bench-sqlite."))
    try:
        yield f"sqlite:///{folder / 'tally.db'}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Server:
    """A running `tally serve`: its base URL and how long it took to answer /healthz and /readyz."""

    base: str
    healthz_after: float = 0.0
    readyz_after: float = 0.0


@contextmanager
def tally_server(url: str, workers: int, log: Path, **settings: str) -> Iterator[Server]:
    """`tally serve --workers N` on a free loopback port over the migrated database `url`; yields it once
    /readyz answers, and stops it (SIGTERM, then SIGKILL) at the end."""
    port = free_port()
    env = {**os.environ, "TALLY_DATABASE_URL": url, **{f"TALLY_{k.upper()}": v for k, v in settings.items()}}
    tally = Path(sys.executable).with_name("tally")
    started = time.perf_counter()
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(tally), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 120
        while not server.readyz_after:
            if process.poll() is not None:
                raise RuntimeError(f"tally serve exited ({process.returncode}); see {log}")
            for path in ("/healthz", "/readyz"):
                try:
                    answered = httpx.get(f"{server.base}{path}", timeout=2).status_code == 200
                except httpx.TransportError:
                    answered = False
                if answered and path == "/healthz" and not server.healthz_after:
                    server.healthz_after = time.perf_counter() - started
                if answered and path == "/readyz":
                    server.readyz_after = time.perf_counter() - started
            if time.monotonic() > deadline:
                raise RuntimeError(f"tally serve did not become ready; see {log}")
            time.sleep(0.02)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(30)


def seed_story(url: str, bodies: Sequence[dict]) -> str:
    """One story of all `bodies` (articles of one event), stored through the services in one transaction
    and compared once: how a benchmark gets a 1,000-article story without 1,000 recomputations."""
    db = make_database(url)
    fresh: dict[str, list[engine.Claim]] = {}
    with Session(db, expire_on_commit=False) as session:
        story = models.Story(id=models.new_id("st"), label=bodies[0]["title"])
        session.add(story)
        for body in bodies:
            data = ArticleCreate(**body)
            prepared = prepare(data)
            article = store_article(session, data).article
            signature = prepared.signature_of(article.id)
            add_member(story, signature)
            article.story_id = story.id
            session.add(article)
            stored = engine.signature_to_dict(signature)
            session.add(models.Signature(article_id=article.id, signature=stored))
            session.flush()
            add_terms(session, story.id, index_terms(signature))
            fresh[article.id] = prepared.claims
        recompute_story(session, story, fresh)
        session.commit()
    db.dispose()
    return story.id
