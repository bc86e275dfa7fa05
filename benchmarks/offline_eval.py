"""Score the engine directly, without a server, with the scorers of the shared eval set.

    python benchmarks/offline_eval.py ../shared/eval            # both scorers
    python benchmarks/offline_eval.py ../shared/eval --verbose  # every miss and false alarm

The response is built the way `POST /v1/check` and `POST /v1/extract` build it (claim ids are
"<article id>:<index>"), so the figures match those of the running service.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import pathlib
import sys
import time
from datetime import date

from app.engine import ArticleText, check_articles, extract_claims


def _load(path: pathlib.Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def claim_dict(article_id: str, index: int, claim) -> dict:
    """A claim as the API serialises it (the fields the scorers read, and a few more)."""
    return {
        "id": f"{article_id}:{index}",
        "article_id": article_id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "kind": claim.kind,
        "trend": claim.trend,
        "value": dataclasses.asdict(claim.value),
    }


def check_response(articles: list[dict]) -> dict:
    inputs = [
        ArticleText(
            id=a["id"],
            source=a["source"],
            text=a["text"],
            published_at=date.fromisoformat(a["published_at"][:10]) if a.get("published_at") else None,
        )
        for a in articles
    ]
    report = check_articles(inputs)
    claims = [claim_dict(aid, i, c) for aid, cs in report.claims.items() for i, c in enumerate(cs)]
    findings = [
        {
            "id": f"f{n}",
            "type": f.type,
            "claims": [f"{r.article_id}:{r.index}" for r in f.claims],
            "reason": f.reason,
        }
        for n, f in enumerate(report.findings)
    ]
    return {"claims": claims, "findings": findings}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", type=pathlib.Path, help="the shared eval folder (holds dev/ and newsquant/)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--only", choices=["dev", "newsquant"])
    args = ap.parse_args()

    if args.only in (None, "dev"):
        score = _load(args.eval_dir / "score.py", "score")
        articles, gold = score.load(args.eval_dir / "dev")
        t0 = time.perf_counter()
        response = check_response(articles)
        seconds = time.perf_counter() - t0
        metrics, notes = score.score(articles, gold, response)
        metrics["check_seconds"] = round(seconds, 3)
        if args.verbose:
            print("\n".join(notes))
        print("dev:", json.dumps(metrics))

    if args.only in (None, "newsquant"):
        nq = _load(args.eval_dir / "newsquant_score.py", "newsquant_score")
        data = json.loads((args.eval_dir / "newsquant" / "dev.json").read_text(encoding="utf-8"))
        rows = []
        for sentence in data:
            claims = [claim_dict("s", i, c) for i, c in enumerate(extract_claims(sentence["text"]))]
            tags = [t for t in (nq.from_claim(c) for c in claims) if t]
            rows.append((sentence["text"], sentence["quantities"], tags))
        metrics, lost = nq.metrics(rows)
        if args.verbose:
            for text, gold_q, tags in lost:
                print(text)
                print("   gold:", [(g["value"], g["normalized_unit"], g["change"]) for g in gold_q])
                print("   left:", [(t["value"], t["unit"], t["change"]) for t in tags])
        print("newsquant:", json.dumps(metrics))
    return 0


if __name__ == "__main__":
    sys.exit(main())
