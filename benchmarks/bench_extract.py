"""Throughput of the quantity engine against quantulum3's parser on the same texts, both warm, one process.

    python benchmarks/bench_extract.py                       # texts written for this benchmark
    python benchmarks/bench_extract.py ../shared/eval/dev    # or every article of an eval folder

Prints KB/s for each (fastest of --rounds alternating passes, in CPU time) and the ratio (goal: the
engine >= 20x quantulum3 on whole articles), and the time of the engine's first call after `warm_up()`.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time
import warnings
from datetime import date

from app.engine import extract_claims, warm_up

# Our own article, written for the benchmark (no news text copied).
SAMPLE = """HARBORTOWN (Tally) — The coastal authority said Tuesday that more than 1,200 homes lost power
overnight into Wednesday after a storm with winds of up to 95 mph (153 km/h) crossed the bay. Crews
restored electricity to about 800 of them by 6 p.m., and officials expect the rest to be reconnected
within two days. The storm dropped nearly 4 inches of rain, flooding 37 streets and damaging three
bridges. Insurers estimated losses at $45 million, or roughly 0.3% of the region's annual output, up
from $12m last year. Since June 2, 2024, the region has faced 14 storms, a record for an 18-month
period, the agency said. Ferry traffic fell by a third; 212 passengers were stranded on two ships
for a year and a half's worth of delays. A 17-year-old lifeguard rescued five swimmers, and between
40 and 60 volunteers filled 3,500 sandbags.
Click to Gallery
Workers clear debris in Harbortown, Wednesday, March 5, 2025. (Tally Photo/Ana Writer)
"""


def texts_from(folder: pathlib.Path | None) -> list[str]:
    if folder is None:
        return [SAMPLE * 4] * 5
    paths = sorted((folder / "articles").glob("*.json"))
    return [json.loads(p.read_text(encoding="utf-8"))["text"] for p in paths]


def rates(fns: list, texts: list[str], rounds: int) -> list[float]:
    """KB/s of each function over all texts, from the fastest of `rounds` passes, timed in CPU seconds of this
    process (on a shared machine wall time also counts the other processes' turns). The passes alternate
    between the functions, so that each samples the same moments of a busy machine. The engine keeps no
    sentence from one text to the next, so no pass profits from the one before."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for k, fn in enumerate(fns):
            t0 = time.process_time()
            for t in texts:
                fn(t)
            best[k] = min(best[k], time.process_time() - t0)
    return [size / 1024 / b for b in best]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=pathlib.Path, help="an eval folder with articles/*.json")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = texts_from(args.folder)

    t0 = time.perf_counter()
    warm_up()
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    extract_claims(texts[0], date(2025, 6, 2))
    first = time.perf_counter() - t0

    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    parser.parse("warm up 5 km")
    engine, q3 = rates([lambda t: extract_claims(t, date(2025, 6, 2)), parser.parse], texts, args.rounds)

    print(f"warm_up: {warm:.2f} s; first call after warm-up: {1000 * first:.1f} ms")
    print(f"engine:     {engine:10.1f} KB/s")
    print(f"quantulum3: {q3:10.1f} KB/s")
    print(f"ratio:      {engine / q3:10.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
