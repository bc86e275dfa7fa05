"""The `tally` command, run through typer's CliRunner against a real migrated database."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner, Result

from app.cli import cli, load_article_file
from app.config import get_settings
from tests.factories import FERRY_DAILY, FERRY_DAILY_CORRECTED, article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture
def tally(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Result]]:
    """Run `tally ARGS...` on the test database, with a wide terminal so table cells do not wrap."""
    monkeypatch.setenv("TALLY_DATABASE_URL", database_url)
    monkeypatch.setenv("COLUMNS", "1000")
    get_settings.cache_clear()
    runner = CliRunner()
    yield lambda *args: runner.invoke(cli, [str(a) for a in args])
    get_settings.cache_clear()


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def ferry_files(tmp_path: Path) -> list[Path]:
    return [
        write(tmp_path / "wire.json", article("wire")),
        write(tmp_path / "daily.json", article("daily", source="Daily", text=FERRY_DAILY)),
    ]


# --- tally import -----------------------------------------------------------------------------------------


def test_import_stores_every_seed_and_a_second_run_stores_nothing(tally, client):
    seeds = sorted(SEEDS.glob("*.json"))
    first = tally("import", SEEDS)
    assert first.exit_code == 0, first.output
    assert client.get("/v1/articles").json()["total"] == len(seeds)
    assert summary_counts(first.stdout) == {"created": len(seeds), "revised": 0, "unchanged": 0, "failed": 0}

    second = tally("import", SEEDS)
    assert second.exit_code == 0, second.output
    assert client.get("/v1/articles").json()["total"] == len(seeds)
    counts = summary_counts(second.stdout)
    assert counts == {"created": 0, "revised": 0, "unchanged": len(seeds), "failed": 0}


def test_import_counts_a_changed_text_at_a_known_url_as_revised(tally, client, tmp_path):
    write(tmp_path / "daily.json", article("daily", source="Daily", text=FERRY_DAILY))
    assert summary_counts(tally("import", tmp_path).stdout)["created"] == 1

    write(tmp_path / "daily.json", article("daily", source="Daily", text=FERRY_DAILY_CORRECTED))
    result = tally("import", tmp_path)
    assert summary_counts(result.stdout) == {"created": 0, "revised": 1, "unchanged": 0, "failed": 0}
    detail = client.get("/v1/articles/daily").json()
    assert detail["revision"] == 2 and detail["text"] == FERRY_DAILY_CORRECTED


def test_import_reads_lists_and_articles_wrappers(tally, client, tmp_path):
    write(tmp_path / "list.json", [article("a"), article("b", text=FERRY_DAILY)])
    write(tmp_path / "wrapped.json", {"articles": [article("c", text=FERRY_DAILY_CORRECTED)]})
    result = tally("import", tmp_path)
    assert result.exit_code == 0, result.output
    assert summary_counts(result.stdout)["created"] == 3
    ids = {item["id"] for item in client.get("/v1/articles").json()["items"]}
    assert ids == {"a", "b", "c"}


def test_import_keeps_good_articles_and_names_the_bad_ones(tally, client, tmp_path):
    write(tmp_path / "1_good.json", article("good"))
    (tmp_path / "2_broken.json").write_text("{not json", encoding="utf-8")
    write(tmp_path / "3_empty.json", article("empty", text="   "))
    result = tally("import", tmp_path)
    assert result.exit_code == 1
    assert summary_counts(result.stdout) == {"created": 1, "revised": 0, "unchanged": 0, "failed": 2}
    assert "2_broken.json" in result.stderr and "3_empty.json" in result.stderr
    assert [item["id"] for item in client.get("/v1/articles").json()["items"]] == ["good"]


def test_import_refuses_a_database_without_migrations(tmp_path, monkeypatch):
    monkeypatch.setenv("TALLY_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["import", str(SEEDS)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    assert "alembic upgrade head" in result.stderr


def test_import_of_a_folder_without_json_fails(tally, tmp_path):
    result = tally("import", tmp_path)
    assert result.exit_code == 2
    assert "no *.json files" in result.stderr


def summary_counts(stdout: str) -> dict[str, int]:
    """The created/revised/unchanged/failed row of the import summary table."""
    rows = [line for line in stdout.splitlines() if line.startswith(("│", "|"))]
    header = next(i for i, line in enumerate(stdout.splitlines()) if "created" in line and "failed" in line)
    names = [cell.strip() for cell in stdout.splitlines()[header].strip("┃|│ ").split("┃")]
    values = [int(cell.strip()) for cell in rows[-1].strip("│| ").split("│")]
    return dict(zip(names, values, strict=True))


# --- tally check ------------------------------------------------------------------------------------------


def test_check_json_is_byte_for_byte_the_answer_of_post_v1_check(tally, client, tmp_path):
    files = ferry_files(tmp_path)
    result = tally("check", "--json", *files)
    assert result.exit_code == 0, result.output
    body = {"articles": [load_article_file(f)[0] for f in files]}
    response = client.post("/v1/check", json=body)
    assert response.status_code == 200
    assert result.stdout.rstrip("\n").encode("utf-8") == response.content


def test_check_reads_single_articles_lists_and_articles_wrappers_alike(tally, tmp_path):
    single = tally("check", "--json", *ferry_files(tmp_path))
    as_list = write(
        tmp_path / "list.json", [article("wire"), article("daily", source="Daily", text=FERRY_DAILY)]
    )
    wrapped = write(tmp_path / "wrapped.json", {"articles": json.loads(as_list.read_text())})
    assert tally("check", "--json", as_list).stdout == single.stdout
    assert tally("check", "--json", wrapped).stdout == single.stdout


def test_check_table_quotes_every_finding_reason_and_claim_span(tally, tmp_path):
    files = [SEEDS / "01_mp-barrage.json", SEEDS / "03_ledger-barrage.json"]
    report = json.loads(tally("check", "--json", *files).stdout)
    result = tally("check", *files)
    assert result.exit_code == 0, result.output
    claims = {c["id"]: c for c in report["claims"]}
    assert report["findings"], "the barrage articles share facts"
    for finding in report["findings"]:
        assert finding["reason"] in result.stdout
        for claim_id in finding["claims"]:
            claim = claims[claim_id]
            assert f"⟦{claim['text']}⟧" in result.stdout
            assert f"[{claim['start']}:{claim['end']}]" in result.stdout
    kinds = [f["type"] for f in report["findings"]]
    assert f"{kinds.count('discrepancy')} discrepancies" in result.stdout
    assert f"{kinds.count('agreement')} agreements" in result.stdout
    assert f"{len(report['claims'])} claims" in result.stdout


def test_check_only_shows_findings_of_the_given_type_and_counts_the_others(tally):
    files = [SEEDS / "01_mp-barrage.json", SEEDS / "02_lakeshore9-barrage.json"]
    report = json.loads(tally("check", "--json", *files).stdout)
    assert report["findings"], "a wire story and its republished copy share every figure"
    shown = [f for f in report["findings"] if f["type"] == "correction"]
    result = tally("check", "--only", "correction", *files)
    assert result.exit_code == 0, result.output
    for finding in report["findings"]:
        assert (finding["reason"] in result.stdout) == (finding["type"] == "correction")
    assert f"({len(report['findings']) - len(shown)} not shown)" in result.stdout


def test_check_fail_on_discrepancy_sets_the_exit_status(tally):
    files = sorted(SEEDS.glob("0[1-3]*.json"))
    report = json.loads(tally("check", "--json", *files).stdout)
    has_discrepancy = any(f["type"] == "discrepancy" for f in report["findings"])
    assert tally("check", *files).exit_code == 0
    assert tally("check", "--fail-on-discrepancy", *files).exit_code == (1 if has_discrepancy else 0)


def test_check_names_the_invalid_field_and_stores_nothing(tally, client, tmp_path):
    bad = write(tmp_path / "bad.json", article("wire", text=""))
    result = tally("check", bad)
    assert result.exit_code == 2
    assert "articles.0.text" in result.stderr
    assert client.get("/v1/articles").json()["total"] == 0


def test_check_refuses_duplicate_ids_across_files(tally, tmp_path):
    one = write(tmp_path / "one.json", article("same"))
    two = write(tmp_path / "two.json", article("same", text=FERRY_DAILY))
    result = tally("check", one, two)
    assert result.exit_code == 2
    assert "duplicate id 'same'" in result.stderr


@pytest.mark.parametrize("content", ["[1, 2]", "not json", '"just a string"'])
def test_check_refuses_files_that_hold_no_articles(tally, tmp_path, content):
    path = tmp_path / "odd.json"
    path.write_text(content, encoding="utf-8")
    result = tally("check", path)
    assert result.exit_code == 2
    assert "odd.json" in result.stderr


def test_check_refuses_more_articles_than_the_limit(tally, tmp_path, monkeypatch):
    monkeypatch.setenv("TALLY_MAX_ARTICLES", "1")
    get_settings.cache_clear()
    result = tally("check", *ferry_files(tmp_path))
    assert result.exit_code == 2
    assert "TALLY_MAX_ARTICLES" in result.stderr


# --- tally serve ------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_on_the_port_from_settings(database_url):
    port = free_port()
    env = {**os.environ, "TALLY_DATABASE_URL": database_url, "TALLY_PORT": str(port)}
    tally_script = shutil.which("tally", path=str(Path(sys.executable).parent)) or "tally"
    server = subprocess.Popen([tally_script, "serve"], env=env, cwd=ROOT)
    try:
        ready = wait_for(f"http://127.0.0.1:{port}/readyz", server)
        assert ready.status_code == 200
        assert ready.json()["status"] == "ready"
        check = httpx.post(f"http://127.0.0.1:{port}/v1/check", json={"articles": [article("wire")]})
        assert check.status_code == 200 and check.json()["articles"][0]["id"] == "wire"
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(url: str, server: subprocess.Popen, attempts: int = 600) -> httpx.Response:
    """Poll `url` until the server answers, and has warmed up (a start-up allowance, not a speed check)."""
    for _ in range(attempts):
        if server.poll() is not None:
            pytest.fail(f"tally serve exited with status {server.returncode}")
        try:
            answer = httpx.get(url, timeout=5)
        except httpx.TransportError:
            answer = None
        if answer is not None and not (answer.status_code == 503 and "warming up" in answer.text):
            return answer
        time.sleep(0.1)
    pytest.fail(f"tally serve did not answer {url}")


# --- tally bench ------------------------------------------------------------------------------------------


def test_bench_names_the_available_benchmarks_when_asked_for_an_unknown_one(tally):
    result = tally("bench", "no-such-benchmark")
    assert result.exit_code == 2
    available = sorted(p.stem.removeprefix("bench_") for p in (ROOT / "benchmarks").glob("bench_*.py"))
    assert f"available: {', '.join(available) or 'none'}" in result.stderr


def test_bench_hands_the_remaining_arguments_to_the_benchmark_script(tally):
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "bench", "extract", "--", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: bench_extract.py")
    assert "--rounds" in result.stdout
