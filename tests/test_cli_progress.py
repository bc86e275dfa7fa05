"""The long commands show what they are doing from their first moment, in a real terminal (a pty): the
engine's warm-up, then each stage with its count, before the command's own output."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from tests.test_evaluation import eval_dir  # noqa: F401  (the fixture: a tiny evaluation folder)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def in_terminal(database_url: str, *args: str) -> str:
    """Run `tally ARGS` with a pseudo-terminal as its stdout and stderr; everything it wrote, in order."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TALLY_DATABASE_URL": database_url, "COLUMNS": "160", "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", *args], stdout=follower, stderr=follower, cwd=ROOT, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait() == 0
    return _ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r", "\n")


def _before(output: str, *labels: str) -> None:
    """Each label appears, each after the one before it."""
    positions = [output.find(label) for label in labels]
    assert all(p >= 0 for p in positions), list(zip(labels, positions, strict=True))
    assert positions == sorted(positions), list(zip(labels, positions, strict=True))


def test_check_shows_the_warm_up_and_each_article_before_the_report(database_url):
    files = [str(SEEDS / name) for name in ("01_mp-barrage.json", "02_lakeshore9-barrage.json")]
    output = in_terminal(database_url, "check", *files)
    _before(
        output,
        "starting Tally",
        "warming up the engine",
        "extracting claims",
        "comparing the sources",
        "Findings",
    )
    assert re.search(r"extracting claims\s.*2/2", output)


def test_import_shows_the_warm_up_and_each_file(database_url):
    output = in_terminal(database_url, "import", str(SEEDS))
    files = len(list(SEEDS.glob("*.json")))
    _before(output, "starting Tally", "warming up the engine", "importing", "imported", "created")
    assert re.search(rf"imported\s.*{files}/{files}", output)


def test_eval_shows_its_stages(database_url, eval_dir):  # noqa: F811
    output = in_terminal(database_url, "eval", str(eval_dir))
    _before(
        output, "warming up the engine", "extracting claims", "extracting claims (NewsQuant", "Evaluation"
    )


def test_progress_never_mixes_into_the_json_answer(database_url):
    answer = subprocess.run(
        [sys.executable, "-m", "app.cli", "check", "--json", str(SEEDS / "01_mp-barrage.json")],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "TALLY_DATABASE_URL": database_url},
        check=True,
    )
    assert json.loads(answer.stdout)["articles"][0]["id"] == "mp-barrage"

