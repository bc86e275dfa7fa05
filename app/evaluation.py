"""Run the shared evaluation scorers in process, through the same service functions as the HTTP API.

    metrics, notes = score_reports(Path("../shared/eval"), max_articles=500)

The scorers (`score.py`, `newsquant_score.py`) are loaded from the evaluation folder, not copied: what they
read of our answers is theirs to decide. Because the answers come from `app.services.check`, the figures
equal those of `score.py --url` against a running service, without starting one.
"""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from app.schemas import CheckRequest, ExtractRequest
from app.services import check as check_service


class EvalFolderError(ValueError):
    """The evaluation folder lacks a scorer or its data."""


def load_scorer(path: Path) -> ModuleType:
    """Import a scorer script by its path."""
    if not path.is_file():
        raise EvalFolderError(f"{path}: no such scorer")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_reports(
    eval_dir: Path, max_articles: int, progress: check_service.Progress | None = None
) -> tuple[dict[str, Any], list[str]]:
    """Cross-source metrics of `score.py` on `eval_dir/dev`, from the answer POST /v1/check would give
    (`progress` as in `app.services.check.check`)."""
    scorer = load_scorer(eval_dir / "score.py")
    articles, gold = scorer.load(eval_dir / "dev")
    started = time.perf_counter()
    request = CheckRequest.model_validate({"articles": articles})
    report = check_service.check(request, max_articles, progress).model_dump(mode="json", by_alias=True)
    seconds = time.perf_counter() - started
    metrics, notes = scorer.score(articles, gold, report)
    metrics["check_seconds"] = round(seconds, 3)
    return metrics, list(notes)


def score_extraction(
    eval_dir: Path, progress: check_service.Progress | None = None
) -> tuple[dict[str, Any], list[str]]:
    """NewsQuant metrics of `eval_dir/newsquant/dev.json`, from the answers of /v1/extract (`progress` is
    told of each sentence: `"sentences", done, total`)."""
    scorer = load_scorer(eval_dir / "newsquant_score.py")
    data_path = eval_dir / "newsquant" / "dev.json"
    if not data_path.is_file():
        raise EvalFolderError(f"{data_path}: no such data set")
    rows = []
    started = time.perf_counter()
    sentences = json.loads(data_path.read_text(encoding="utf-8"))
    for done, sentence in enumerate(sentences, start=1):
        answer = check_service.extract(ExtractRequest(text=sentence["text"])).model_dump(mode="json")
        tags = [tag for tag in (scorer.from_claim(claim) for claim in answer["claims"]) if tag]
        rows.append((sentence["text"], sentence["quantities"], tags))
        if progress is not None:
            progress("sentences", done, len(sentences))
    seconds = time.perf_counter() - started
    metrics, lost = scorer.metrics(rows)
    metrics["seconds"] = round(seconds, 2)
    notes = [
        f"{text}\n   gold: {[(g['value'], g['normalized_unit'], g['change']) for g in gold]}"
        f"\n   left: {[(t['value'], t['unit'], t['change']) for t in tags]}"
        for text, gold, tags in lost
    ]
    return metrics, notes
