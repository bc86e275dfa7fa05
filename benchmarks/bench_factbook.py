"""The engine's FactBook (a story's facts grown one article at a time) against the batch, as a service would
use it: does growth in arrival order find what the batch finds, and does one ingest cost the same at every
story size?

    .venv/bin/python benchmarks/bench_factbook.py                 # orders of 3 stories; sizes 10 100 1000
    .venv/bin/python benchmarks/bench_factbook.py --sizes 10,100

1. For the project's seeds and one invented feed event (tests/feed.py), the articles of each story are
   added to a FactBook in shuffled arrival orders and in the batch's own order (richest article first);
   it prints in how many orders the grown findings differ from `check_articles`.
2. For stories of 10, 100 and 1,000 reports of one invented event, it times what one more article costs:
   restoring the stored facts of its blocks, `FactBook.add`, and judging the facts it touched.

The articles' alignment items are built with the engine's own per-article step (report._items after
corrections.find_notices), which is not public yet: a service needs it to feed FactBook.add.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests/feed.py

from app import engine  # noqa: E402
from app.engine.compare.copies import copy_groups  # noqa: E402
from app.engine.compare.corrections import find_notices  # noqa: E402
from app.engine.compare.factbook import FactBook  # noqa: E402
from app.engine.compare.report import _content_key, _items, by_content  # noqa: E402
from app.engine.compare.verdicts import judge  # noqa: E402
from tests.feed import event_articles  # noqa: E402

ORDERS = 10  # shuffled arrival orders per story


def _text(body: dict) -> engine.ArticleText:
    day = body.get("published_at")
    return engine.ArticleText(body["id"], body["source"], body["text"], date.fromisoformat(day[:10]) if day
                              else None, url=body.get("url"), title=body.get("title"))


def _shape(findings) -> list:
    return sorted((f.type, f.kind, f.verdict, tuple(sorted((r.article_id, r.index) for r in f.claims)))
                  for f in findings if f.type != "correction")


def _grown(order, claims, story_id):
    groups = copy_groups(order)
    book = FactBook()
    for n, t in enumerate(order):
        book.add(_items(t, claims[t.id], find_notices(t, claims[t.id]), n, groups.get(t.id, n)))
    return [f for fact in book.facts() for f in judge(fact, story_id)]


def order_phase(name: str, texts: list[engine.ArticleText]) -> None:
    claims = {t.id: engine.extract_claims(t.text, t.published_at) for t in texts}
    report = engine.check_articles(texts, claims)
    for story in report.stories:
        members = [t for t in by_content(texts) if t.id in story.article_ids]
        if len(members) < 2:
            continue
        batch = _shape(f for f in report.findings if f.story_id == story.id)
        differ = 0
        for seed in range(ORDERS):
            order = members[:]
            random.Random(seed).shuffle(order)
            differ += _shape(_grown(order, claims, story.id)) != batch
        richest = sorted(members, key=lambda a: (-len(claims[a.id]), _content_key(a)))
        same = _shape(_grown(richest, claims, story.id)) == batch
        print(f"  {name} story of {len(members):>3} articles: grown in arrival order differs from the batch "
              f"in {differ}/{ORDERS} orders; grown in the batch's order (richest first) equal: {same}")


def cost_phase(sizes: list[int]) -> None:
    bodies = event_articles("ferry", max(sizes) + 1)
    texts = [_text(b.body()) for b in bodies]
    claims = {t.id: engine.extract_claims(t.text, t.published_at) for t in texts}
    items = {t.id: _items(t, claims[t.id], find_notices(t, claims[t.id]), n, n) for n, t in enumerate(texts)}
    for size in sizes:
        book = FactBook()
        for t in texts[:size]:
            book.add(items[t.id])
        new = items[texts[size].id]
        blocks = {i.block for i in new}
        kept = [s for s in book.stored() if s.block in blocks]
        refs = {i.ref: i for t in texts[:size] for i in items[t.id]}
        t0 = time.perf_counter()
        restored = FactBook.restore(kept, refs)
        t1 = time.perf_counter()
        touched, _ = restored.add(new)
        t2 = time.perf_counter()
        found = [f for fact in touched for f in judge(fact, "s")]
        t3 = time.perf_counter()
        members = sum(len(f.members) for f in touched)
        print(f"  one more article into a story of {size:>5}: restore {1000 * (t1 - t0):6.1f} ms  add "
              f"{1000 * (t2 - t1):6.1f} ms  judge {1000 * (t3 - t2):6.1f} ms  ({len(touched)} facts touched, "
              f"{members} members, {len(found)} findings)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="story sizes to time one more article at")
    args = parser.parse_args(argv)
    engine.warm_up()
    seeds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.json"))]
    print("1. FactBook growth against the batch")
    order_phase("seeds", [_text(s) for s in seeds])
    order_phase("feed", [_text(a.body()) for a in event_articles("ferry", 12)])
    print("2. What one more article costs")
    cost_phase([int(s) for s in args.sizes.split(",") if s])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
