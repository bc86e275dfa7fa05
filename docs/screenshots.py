"""Retake the README's screenshots: the seeded story's page and /docs, at desktop and phone widths.

    .venv/bin/python docs/screenshots.py          # writes docs/*.png

Loads seeds/ into a throwaway SQLite database, serves the app on a loopback port and photographs it with
Debian's Chromium (the browser of the tests), with every request outside the app refused: what the pictures
show works offline.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import uvicorn  # noqa: E402
from sqlmodel import Session  # noqa: E402

from app.cli import load_article_file  # noqa: E402
from app.config import Settings  # noqa: E402
from app.db import make_database  # noqa: E402
from app.main import create_app  # noqa: E402
from app.schemas import ArticleCreate  # noqa: E402
from app.services.ingest import ingest_and_commit  # noqa: E402
from tests.browser.chromium import DESKTOP, PHONE, chromium  # noqa: E402
from tests.conftest import migrate  # noqa: E402

SEEDED_STORY_TERM = "drone"  # the drone barrage: a wire copy, km vs miles, 472 vs 427 drones


def seeded_database(folder: Path) -> str:
    url = f"sqlite:///{folder / 'tally.db'}"
    migrate(url)
    settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
    db = make_database(url)
    for path in sorted((ROOT / "seeds").glob("*.json")):
        for raw in load_article_file(path):
            with Session(db, expire_on_commit=False) as session:
                ingest_and_commit(session, ArticleCreate.model_validate(raw), settings)
    db.dispose()
    return url


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = seeded_database(Path(folder))
        settings = Settings(_env_file=None, database_url=url, worker_enabled=False)  # type: ignore[call-arg]
        server = uvicorn.Server(
            uvicorn.Config(create_app(settings), host="127.0.0.1", port=0, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        with chromium() as browser:
            for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                context = browser.new_context(viewport=viewport, is_mobile=name == "phone")
                context.route(lambda u: urlsplit(u).netloc != f"127.0.0.1:{port}", lambda r: r.abort())
                page = context.new_page()
                page.goto(f"{base}/stories")
                page.get_by_role("link", name=SEEDED_STORY_TERM, exact=False).first.click()
                page.wait_for_load_state()
                page.goto(page.url + "?type=discrepancy&type=correction")
                page.screenshot(path=str(ROOT / "docs" / f"story-{name}.png"), full_page=name == "desktop")
                page.goto(f"{base}/docs")
                page.wait_for_selector(".opblock")
                page.screenshot(path=str(ROOT / "docs" / f"docs-{name}.png"))
                context.close()
        server.should_exit = True
        thread.join()
    print("wrote", ", ".join(f"docs/{k}-{n}.png" for k in ("story", "docs") for n in ("desktop", "phone")))


if __name__ == "__main__":
    main()
