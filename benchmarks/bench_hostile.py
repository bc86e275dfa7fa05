"""Hostile texts through the real app (issue 12): 40 KB of each family, answered in how long, or refused.

    tally bench hostile                  # 40 KB each, then /v1/check of 500 articles of 10 KB
    tally bench hostile -- --kb 80

Prints, per family, the status, the seconds the answer took and the claims or the problem's detail.
The app runs in process (FastAPI's TestClient) on a throwaway SQLite file, with the default settings.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.filterwarnings("ignore")

from fastapi.testclient import TestClient  # noqa: E402

from app.config import Settings  # noqa: E402
from app.main import create_app  # noqa: E402

FAMILIES = {
    "unpunctuated": "and 5 drones flew over the city ",
    "numbers only": "12 345 6789 0.5 77 ",
    "dates only": "May 16, 2024 and 3 June 2023, ",
    "cyrillic": "Россия выпустила 653 дрона по Киеву в воскресенье ",
    "arabic": "أطلقت روسيا 653 طائرة مسيرة على كييف يوم الأحد ",
    "emoji": "🚀 5 🛰️ 12 drones 🔥 ",
}
NEWS = (
    "A ferry carrying 212 passengers ran aground near Port Avel on Tuesday. Coast guard boats rescued "
    "198 people and 14 crew members were taken to hospital. "
)


def repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def timed(client: TestClient, path: str, body: dict) -> tuple[int, float, str]:
    started = time.perf_counter()
    response = client.post(path, json=body)
    seconds = time.perf_counter() - started
    data = response.json()
    what = f"{len(data['claims'])} claims" if response.status_code == 200 else data["detail"][:90]
    return response.status_code, seconds, what


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=40, help="size of each hostile text in KB (default 40)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        from alembic import command
        from alembic.config import Config

        url = f"sqlite:///{folder}/bench.db"
        config = Config(str(Path(__file__).resolve().parents[1] / "alembic.ini"))
        config.attributes["url"] = url
        config.attributes["configure_logger"] = False
        command.upgrade(config, "head")
        settings = Settings(_env_file=None, database_url=url, worker_enabled=False)  # type: ignore[call-arg]
        with TestClient(create_app(settings)) as client:
            client.post("/v1/extract", json={"text": NEWS})  # warm
            print(f"{'family':14s} {'chars':>7s} {'status':>6s} {'seconds':>8s}  answer")
            for name, unit in FAMILIES.items():
                text = repeat(unit, args.kb * 1024)
                body = {"text": text, "published_at": "2025-05-16"}
                status, seconds, what = timed(client, "/v1/extract", body)
                print(f"{name:14s} {len(text):7d} {status:6d} {seconds:8.2f}  {what}", flush=True)
            ten_kb = repeat(NEWS, 10 * 1024)
            articles = [{"id": f"a{i}", "source": f"Outlet {i % 7}", "text": ten_kb} for i in range(500)]
            status, seconds, what = timed(client, "/v1/check", {"articles": articles})
            print(f"{'check 500x10KB':14s} {5120000:7d} {status:6d} {seconds:8.2f}  {what}")


if __name__ == "__main__":
    main()
