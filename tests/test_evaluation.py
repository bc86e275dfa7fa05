"""`tally eval`: the scorers of an evaluation folder see exactly what the HTTP API answers.

The evaluation folder here is written by the test: two scorers with the shared scorers' interface that
record what they were given, so the test can compare it with the API's answers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from tests.factories import FERRY_DAILY, FERRY_WIRE, article

SCORE_PY = """
import json, pathlib
HERE = pathlib.Path(__file__).parent

def load(gold_dir):
    gold_dir = pathlib.Path(gold_dir)
    articles = [json.loads(p.read_text()) for p in sorted((gold_dir / "articles").glob("*.json"))]
    return articles, {"stories": 1}

def score(articles, gold, report):
    (HERE / "seen_report.json").write_text(json.dumps(report))
    return {"claims": len(report["claims"]), "gold_stories": gold["stories"]}, ["a note"]
"""

NEWSQUANT_PY = """
import json, pathlib
HERE = pathlib.Path(__file__).parent

def from_claim(c):
    return {"value": c["value"]["nominal"], "unit": c["value"]["unit"], "change": "="}

def metrics(rows):
    (HERE / "seen_rows.json").write_text(json.dumps(rows))
    return {"sentences": len(rows)}, []
"""


@pytest.fixture
def eval_dir(tmp_path: Path) -> Path:
    (tmp_path / "score.py").write_text(SCORE_PY, encoding="utf-8")
    (tmp_path / "newsquant_score.py").write_text(NEWSQUANT_PY, encoding="utf-8")
    (tmp_path / "dev" / "articles").mkdir(parents=True)
    for body in (article("wire"), article("daily", source="Daily", text=FERRY_DAILY)):
        (tmp_path / "dev" / "articles" / f"{body['id']}.json").write_text(json.dumps(body), encoding="utf-8")
    (tmp_path / "newsquant").mkdir()
    sentences = [{"text": FERRY_WIRE, "quantities": []}, {"text": FERRY_DAILY, "quantities": []}]
    (tmp_path / "newsquant" / "dev.json").write_text(json.dumps(sentences), encoding="utf-8")
    return tmp_path


def run_eval(*args: str):
    get_settings.cache_clear()
    return CliRunner().invoke(cli, ["eval", *args], env={"COLUMNS": "200"})


def test_eval_scores_the_answer_post_v1_check_gives(eval_dir, client):
    result = run_eval(str(eval_dir), "--only", "dev", "--json")
    assert result.exit_code == 0, result.output
    body = {"articles": [article("daily", source="Daily", text=FERRY_DAILY), article("wire")]}
    expected = client.post("/v1/check", json=body).json()
    assert json.loads((eval_dir / "seen_report.json").read_text()) == expected
    metrics = json.loads(result.stdout)["dev"]
    assert isinstance(metrics.pop("check_seconds"), float)
    assert metrics == {"claims": len(expected["claims"]), "gold_stories": 1}


def test_eval_reads_the_claims_post_v1_extract_gives(eval_dir, client):
    result = run_eval(str(eval_dir), "--only", "newsquant", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads((eval_dir / "seen_rows.json").read_text())
    for (text, _gold, tags), sentence in zip(rows, (FERRY_WIRE, FERRY_DAILY), strict=True):
        claims = client.post("/v1/extract", json={"text": sentence}).json()["claims"]
        assert text == sentence
        assert tags == [
            {"value": c["value"]["nominal"], "unit": c["value"]["unit"], "change": "="} for c in claims
        ]
    assert json.loads(result.stdout)["newsquant"]["sentences"] == 2


def test_eval_prints_the_scorer_notes_when_verbose(eval_dir):
    result = run_eval(str(eval_dir), "--only", "dev", "--verbose")
    assert result.exit_code == 0, result.output
    assert "a note" in result.stderr
    assert "claims" in result.stdout


def test_eval_names_a_missing_scorer(tmp_path):
    result = run_eval(str(tmp_path))
    assert result.exit_code == 2
    assert "score.py" in result.stderr
