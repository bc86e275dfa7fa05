"""Time a story report for 10, 100 and 1,000 synthetic articles, to show how the cost grows.

    .venv/bin/python benchmarks/bench_report.py            # sizes 10 100 1000
    .venv/bin/python benchmarks/bench_report.py 10 100     # chosen sizes

The articles are generated from sentence templates about one invented event (an overnight drone attack on a
port city): each outlet picks some of the facts, phrases them its own way, sometimes republishes a wire copy
verbatim and sometimes changes a figure, as copy desks do. Extraction is timed apart from comparison
(stories, copies, alignment, verdicts, corrections), and the per-article cost of each size is printed with its
ratio to the smallest size: near-linear growth keeps that ratio near 1.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date

from app.engine import ArticleText, check_articles, extract_claims

FACTS = {"drones": 472, "missiles": 51, "down": 430, "wounded": 12, "killed": 3, "regions": 5, "hours": 6}
TEMPLATES = [
    ("drones", ["Russia {v} {n} drones at Valmora overnight, the air force said.",
                "Overnight, Russia {v} {n} drones and several missiles at the port of Valmora.",
                "The air force said Russia had {v} {n} drones in the attack on Valmora."],
     ["fired", "launched", "sent"]),
    ("missiles", ["Russia also {v} {n} missiles at the region, officials said.",
                  "In all, {n} missiles were {v} at Valmora, the air force said."], ["fired", "launched"]),
    ("down", ["Air defence units shot down {n} drones over the Valmora region.",
              "Ukrainian forces intercepted {n} drones before they reached Valmora, the army said."], [""]),
    ("wounded", ["At least {n} people were wounded in Valmora, governor Anna Petrak said.",
                 "{n} people were injured in the attack on Valmora, according to the governor."], [""]),
    ("killed", ["The strikes killed {n} people in the Orlen region, officials said.",
                "{n} people were killed in the Orlen region."], [""]),
    ("regions", ["Drones were reported over {n} regions of the country."], [""]),
    ("hours", ["The air raid alert in Valmora lasted {n} hours."], [""]),
]
FILLER = [
    "Firefighters battled blazes at the grain terminal until dawn.",
    "The harbour authority suspended all shipping while divers checked the quays.",
    "Residents sheltered in metro stations as sirens sounded across the city.",
    "The mayor said schools would stay closed on Monday.",
    "Power was restored to most districts by the afternoon, the energy company said.",
    "Officials said rail traffic through Valmora resumed after a four-hour delay.",
]
WORDS = {3: "three", 5: "five", 6: "six", 12: "12"}


def article(i: int, rng: random.Random, wire: str) -> ArticleText:
    """One synthetic article: a wire copy, a copy with a changed figure, or an outlet's own telling."""
    kind = rng.random()
    if kind < 0.15:
        return ArticleText(f"a{i}", f"Station {i}", wire, date(2025, 8, 10))
    if kind < 0.25:
        return ArticleText(f"a{i}", f"Desk {i}", wire.replace("472", "427", 1), date(2025, 8, 10))
    sentences = list(FILLER)
    for key, forms, verbs in rng.sample(TEMPLATES, k=rng.randint(3, len(TEMPLATES))):
        n = FACTS[key]
        sentences.append(rng.choice(forms).format(n=WORDS.get(n, n), v=rng.choice(verbs)))
    rng.shuffle(sentences)
    return ArticleText(f"a{i}", f"Outlet {i}", " ".join(sentences), date(2025, 8, rng.choice([10, 10, 11])))


def corpus(n: int, seed: int = 7) -> list[ArticleText]:
    rng = random.Random(seed)
    wire = " ".join(t[1][0].format(n=FACTS[t[0]], v=t[2][0]) for t in TEMPLATES) + " " + " ".join(FILLER)
    return [article(i, rng, wire) for i in range(n)]


def main(sizes: list[int]) -> int:
    header = ("articles", "extract s", "compare s", "ms/article", "ratio", "findings")
    print("".join(f"{h:>12}" for h in header))
    base = None
    for n in sizes:
        arts = corpus(n)
        t0 = time.perf_counter()
        claims = {a.id: extract_claims(a.text, a.published_at) for a in arts}
        t1 = time.perf_counter()
        report = check_articles(arts, claims)
        t2 = time.perf_counter()
        per = (t2 - t1) / n * 1000
        base = base or per
        row = (n, f"{t1 - t0:.3f}", f"{t2 - t1:.3f}", f"{per:.2f}", f"{per / base:.2f}", len(report.findings))
        print("".join(f"{c:>12}" for c in row))
    return 0


if __name__ == "__main__":
    sys.exit(main([int(x) for x in sys.argv[1:]] or [10, 100, 1000]))
