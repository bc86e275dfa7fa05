"""Score the engine directly, without a server, with the scorers of the shared eval set.

    python benchmarks/offline_eval.py ../shared/eval            # both scorers
    python benchmarks/offline_eval.py ../shared/eval --verbose  # every miss and false alarm
    python benchmarks/offline_eval.py --events ../shared/eval/dev ../shared/eval/multi   # per event

`--events` scores each gold folder as one request (as score.py does) and then each event of it alone: the
gold and the findings restricted to that event's articles (gold.json `articles` maps article -> event). Look
at every event a change moves, also those it was not made for.

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


EVENT_COLUMNS = ("conflict_recall", "discrepancy_precision", "agreement_recall", "discrepancies_unjudged",
                 "agreements_joining_conflicts", "cross_story_findings", "corrections_unfounded",
                 "distractors_joined", "extraction_recall")


def event_rows(score, gold_dir: pathlib.Path) -> list[tuple[str, dict]]:
    """("ALL", metrics) for the whole folder, then (event, metrics) for each event alone."""
    articles, gold = score.load(gold_dir)
    response = check_response(articles)
    rows = [("ALL", score.score(articles, gold, response)[0])]
    for event in sorted(set(gold["articles"].values())):
        ids = {a for a, e in gold["articles"].items() if e == event}
        part = {
            "articles": {a: e for a, e in gold["articles"].items() if a in ids},
            "facts": [f for f in gold["facts"] if all(m["article"] in ids for m in f["mentions"])],
            "corrections": [c for c in gold.get("corrections", []) if c["article"] in ids],
            "distractors": [d for d in gold.get("distractors", []) if d["a"]["article"] in ids],
        }
        claims = [c for c in response["claims"] if c["article_id"] in ids]
        kept = {c["id"] for c in claims}
        findings = [f for f in response["findings"] if all(c in kept for c in f["claims"])]
        metrics, _ = score.score([a for a in articles if a["id"] in ids], part,
                                 {"claims": claims, "findings": findings})
        rows.append((event, metrics))
    return rows


def print_events(score, gold_dirs: list[pathlib.Path]) -> None:
    """A table per gold folder: the whole folder, then each event."""
    for gold_dir in gold_dirs:
        print(gold_dir)
        print(f"{'':24}" + " ".join(f"{c[:10]:>10}" for c in EVENT_COLUMNS))
        for name, metrics in event_rows(score, gold_dir):
            print(f"{name:24}" + " ".join(f"{metrics[c]:>10}" for c in EVENT_COLUMNS))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", type=pathlib.Path, nargs="+",
                    help="the shared eval folder (holds dev/ and newsquant/); with --events, gold folders")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--only", choices=["dev", "newsquant"])
    ap.add_argument("--events", action="store_true", help="per-event tables of the gold folders given")
    ap.add_argument("--scorer", type=pathlib.Path, help="score.py to use with --events (default: the one "
                    "beside the first gold folder)")
    args = ap.parse_args()
    if args.events:
        scorer = args.scorer or args.eval_dir[0].parent / "score.py"
        print_events(_load(scorer, "score"), args.eval_dir)
        return 0
    args.eval_dir = args.eval_dir[0]

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
