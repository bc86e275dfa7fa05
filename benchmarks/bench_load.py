"""A newsroom's feed against a running service: throughput, latency, stories per event, cost by story size.

    .venv/bin/python benchmarks/bench_load.py          # SQLite (1 process), then PostgreSQL (2 workers)
    .venv/bin/python benchmarks/bench_load.py --only sqlite --articles 200 --sizes 10,100
    tally bench load -- --help

For each database it starts a throwaway database (SQLite file; PostgreSQL 15 cluster under /tmp, as .ci/run
does) and `tally serve` on 127.0.0.1, then:
1. posts an interleaved feed of invented articles of 20 invented events (~5 KB each, tests/feed.py), from
   `--clients` concurrent clients, while a prober asks /healthz and /readyz every 50 ms; prints articles/s,
   p50/p95/p99 latency, errors, stories per event and stories mixing events, and the probes' p99;
2. for each story size of `--sizes`, seeds a story of that many articles of one more event (through the
   services, compared once) and times `--probes` more articles posted into it one after another;
3. times GET /v1/stories/{id}/report of the largest seeded story.
Everything is bounded (a fixed number of requests) and stays on loopback.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import httpx
import loadkit

from tests.feed import EVENTS, event_articles, feed

SIZE_EVENTS = ("museum", "airshow", "mine")  # events whose seeded stories are timed (months after the feed)


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`, in the same unit."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


class Prober(threading.Thread):
    """Asks /healthz and /readyz every `interval` seconds until stopped; keeps their latencies."""

    def __init__(self, base: str, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.base, self.interval = base, interval
        self.latency: dict[str, list[float]] = {"/healthz": [], "/readyz": []}
        self.failures = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as client:
            while not self.stopping.is_set():
                for path, times in self.latency.items():
                    t0 = time.perf_counter()
                    try:
                        ok = client.get(path).status_code == 200
                    except httpx.HTTPError:
                        ok = False
                    times.append(time.perf_counter() - t0)
                    self.failures += not ok
                self.stopping.wait(self.interval)


def post_all(base: str, bodies: list[dict], clients: int) -> tuple[list[float], int, float]:
    """POST every body from `clients` concurrent clients in order; (latencies, errors, wall seconds)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    local = threading.local()

    def post(body: dict) -> None:
        nonlocal errors
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, timeout=120)
        t0 = time.perf_counter()
        try:
            ok = local.client.post("/v1/articles", json=body).status_code in (200, 201)
        except httpx.HTTPError:
            ok = False
        with lock:
            latencies.append(time.perf_counter() - t0)
            errors += not ok

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(post, bodies))
    return latencies, errors, time.perf_counter() - t0


def stories_of(base: str, ids: set[str]) -> dict[str, str]:
    """article id -> story id, for the stored articles among `ids`."""
    out: dict[str, str] = {}
    with httpx.Client(base_url=base, timeout=120) as client:
        offset = 0
        while True:
            page = client.get("/v1/articles", params={"limit": 500, "offset": offset}).json()
            out.update({a["id"]: a["story_id"] for a in page["items"] if a["id"] in ids})
            offset += 500
            if offset >= page["total"]:
                return out


def feed_phase(base: str, articles: int, clients: int) -> dict:
    items = feed(articles)
    prober = Prober(base)
    prober.start()
    latencies, errors, wall = post_all(base, [a.body() for a in items], clients)
    prober.stopping.set()
    prober.join()
    story_of = stories_of(base, {a.id for a in items})
    stored = [a for a in items if a.id in story_of]  # an article refused (503) is in no story
    events_of: dict[str, set[str]] = defaultdict(set)
    stories_per_event: dict[str, set[str]] = defaultdict(set)
    events_count: dict[str, Counter] = defaultdict(Counter)
    for a in stored:
        events_of[story_of[a.id]].add(a.event)
        stories_per_event[a.event].add(story_of[a.id])
        events_count[story_of[a.id]][a.event] += 1
    split_or_mixed = {story: dict(count) for story, count in events_count.items()
                      if len(count) > 1 or any(len(stories_per_event[e]) > 1 for e in count)}
    return {
        "split or mixed": split_or_mixed,
        "articles/s": len(items) / wall,
        "p50": percentile(latencies, 50), "p95": percentile(latencies, 95), "p99": percentile(latencies, 99),
        "errors": errors, "not stored": len(items) - len(stored),
        "events": len(stories_per_event), "stories": len(events_of),
        "mixed": sum(1 for e in events_of.values() if len(e) > 1),
        "max stories/event": max(len(s) for s in stories_per_event.values()),
        "healthz p99": percentile(prober.latency["/healthz"], 99),
        "readyz p99": percentile(prober.latency["/readyz"], 99),
        "probe failures": prober.failures,
    }


def _months_later(body: dict, months: int) -> dict:
    day = body["published_at"]
    return {**body, "published_at": f"{day[:5]}{int(day[5:7]) + months:02d}{day[7:]}"}


def size_phase(base: str, url: str, sizes: list[int], probes: int) -> tuple[dict[int, float], str | None]:
    """p50 ingest latency into a story of each size; and the id of the largest seeded story."""
    results: dict[int, float] = {}
    largest = None
    for n, (key, months) in zip(sizes, [(k, 2 + 2 * i) for i, k in enumerate(SIZE_EVENTS)], strict=False):
        seeded = [_months_later(a.body(id=f"{key}-s{n}-{i}"), months)
                  for i, a in enumerate(event_articles(key, n, seed=n))]
        story_id = loadkit.seed_story(url, seeded)
        extra = [_months_later(a.body(id=f"{key}-p{n}-{i}"), months)
                 for i, a in enumerate(event_articles(key, probes, seed=n, start=n))]
        latencies = []
        with httpx.Client(base_url=base, timeout=300) as client:
            for body in extra:
                t0 = time.perf_counter()
                answer = client.post("/v1/articles", json=body)
                latencies.append(time.perf_counter() - t0)
                if answer.json().get("story_id") != story_id:
                    print(f"  note: a probe of size {n} did not join the seeded story", file=sys.stderr)
        results[n] = statistics.median(latencies)
        largest = story_id
    return results, largest


def report_phase(base: str, story_id: str) -> tuple[float, int]:
    """Median seconds and bytes of GET /v1/stories/{id}/report."""
    times, size = [], 0
    with httpx.Client(base_url=base, timeout=300) as client:
        for _ in range(5):
            t0 = time.perf_counter()
            answer = client.get(f"/v1/stories/{story_id}/report")
            times.append(time.perf_counter() - t0)
            size = len(answer.content)
    return statistics.median(times), size


def run(name: str, url: str, workers: int, args: argparse.Namespace, folder: Path) -> None:
    loadkit.migrate(url)
    with loadkit.tally_server(url, workers, folder / f"{name}.log", worker_poll_interval="0.5") as server:
        base = server.base
        print(f"\n== {name}: `tally serve --workers {workers}`, {args.clients} clients, "
              f"{args.articles} articles of {len(EVENTS)} events")
        print(f"  started: /healthz answered after {server.healthz_after:.2f} s, /readyz after "
              f"{server.readyz_after:.2f} s")
        result = feed_phase(base, args.articles, args.clients)
        print(f"  {result['articles/s']:.1f} articles/s   latency p50 {result['p50']:.3f} s  "
              f"p95 {result['p95']:.3f} s  p99 {result['p99']:.3f} s   errors {result['errors']}")
        print(f"  {result['stories']} stories for {result['events']} events; {result['mixed']} mix events; "
              f"at most {result['max stories/event']} stories for one event; "
              f"{result['not stored']} articles not stored")
        for story, count in result["split or mixed"].items():
            print(f"  note: story {story} holds {count} (articles per event)", file=sys.stderr)
        print(f"  /healthz p99 {result['healthz p99'] * 1000:.0f} ms  /readyz p99 "
              f"{result['readyz p99'] * 1000:.0f} ms  probe failures {result['probe failures']}")
        if args.sizes:
            sizes, largest = size_phase(base, url, args.sizes, args.probes)
            first = sizes[args.sizes[0]]
            for n, latency in sizes.items():
                print(f"  ingest into a story of {n:>5} articles: p50 {latency * 1000:7.0f} ms  "
                      f"(x{latency / first:.2f} the {args.sizes[0]}-article story)")
            if largest:
                seconds, size = report_phase(base, largest)
                print(f"  GET /v1/stories/{{id}}/report of the {args.sizes[-1]}-article story: "
                      f"{seconds * 1000:.0f} ms, {size / 1e6:.2f} MB")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="one database only")
    parser.add_argument("--articles", type=int, default=400, help="articles of the interleaved feed")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients posting the feed")
    parser.add_argument("--sizes", default="10,100,1000", help="story sizes to time ingest at ('' for none)")
    parser.add_argument("--probes", type=int, default=10, help="articles posted into each seeded story")
    parser.add_argument("--pg-workers", type=int, default=2, help="uvicorn workers on PostgreSQL")
    parser.add_argument("--logs", type=Path, help="keep the servers' logs in this folder")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="tally-bench-load.") as tmp, ExitStack() as stack:
        folder = args.logs or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if args.only in (None, "sqlite"):
            run("SQLite", stack.enter_context(loadkit.sqlite_file()), 1, args, folder)
        if args.only in (None, "postgresql"):
            run("PostgreSQL", stack.enter_context(loadkit.postgres_cluster()), args.pg_workers, args, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
