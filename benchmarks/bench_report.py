"""Time a story report for 10, 100 and 1,000 synthetic articles, to show how the cost grows.

    .venv/bin/python benchmarks/bench_report.py            # sizes 10 100 1000
    .venv/bin/python benchmarks/bench_report.py 10 100     # chosen sizes
    .venv/bin/python benchmarks/bench_report.py --own-words 100 500 5000   # each article brings new words

The articles are generated from sentence templates about one invented event (an overnight drone attack on a
port city): each outlet picks some of the facts, phrases them its own way, sometimes republishes a wire copy
verbatim and sometimes changes a figure, as copy desks do. Extraction is timed apart from comparison
(stories, copies, alignment, verdicts, corrections), and the per-article cost of each size is printed with its
ratio to the smallest size: near-linear growth keeps that ratio near 1. The comparison is split into its
grouping step (`group_into_stories`) and the whole engine on extracted claims (grouping again, copies,
alignment, verdicts, corrections); `check s` is what `POST /v1/check` does apart from HTTP (extraction, the
engine, the answer: `app.services.check`). With `--own-words` every article also
names a reporter, a district and a street nobody else names (invented words), as real articles do.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date

from app.engine import ArticleText, check_articles, extract_claims, group_into_stories, warm_up
from app.schemas import CheckRequest
from app.services import check as check_service

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


def corpus(n: int, seed: int = 7, own_words: bool = False) -> list[ArticleText]:
    rng = random.Random(seed)
    wire = " ".join(t[1][0].format(n=FACTS[t[0]], v=t[2][0]) for t in TEMPLATES) + " " + " ".join(FILLER)
    articles = [article(i, rng, wire) for i in range(n)]
    if own_words:
        articles = [ArticleText(a.id, a.source, f"{a.text} {_own_words(rng)}", a.published_at)
                    for a in articles]
    return articles


SYLLABLES = ("ka", "lo", "ve", "rin", "dus", "mar", "tel", "quo", "shi", "bra", "nel", "vor", "zan", "pli")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _own_words(rng: random.Random) -> str:
    """A sentence of words no other article uses: a reporter, a district, a street, a local dish."""
    return (f"Reporter {_word(rng).title()} {_word(rng).title()} filed from the {_word(rng)} district near "
            f"{_word(rng).title()} Street, where stalls sell {_word(rng)} and {_word(rng)}.")


def _request(articles: list[ArticleText]) -> CheckRequest:
    return CheckRequest.model_validate({"articles": [
        {"id": a.id, "source": a.source, "text": a.text,
         "published_at": a.published_at.isoformat() if a.published_at else None} for a in articles]})


def main(argv: list[str]) -> int:
    own_words = "--own-words" in argv
    sizes = [int(x) for x in argv if x != "--own-words"] or [10, 100, 1000]
    header = ("articles", "extract s", "group s", "engine s", "check s", "ms/article", "ratio", "findings")
    print("".join(f"{h:>12}" for h in header))
    base = None
    warm_up()
    for n in sizes:
        arts = corpus(n, own_words=own_words)
        t0 = time.perf_counter()
        claims = {a.id: extract_claims(a.text, a.published_at) for a in arts}
        t1 = time.perf_counter()
        group_into_stories(arts, claims)
        t2 = time.perf_counter()
        report = check_articles(arts, claims)
        t3 = time.perf_counter()
        check_service.check(_request(arts), max_articles=len(arts))  # POST /v1/check's work, minus HTTP
        t4 = time.perf_counter()
        per = (t3 - t2) / n * 1000
        base = base or per
        row = (n, f"{t1 - t0:.3f}", f"{t2 - t1:.3f}", f"{t3 - t2:.3f}", f"{t4 - t3:.3f}", f"{per:.2f}",
               f"{per / base:.2f}", len(report.findings))
        print("".join(f"{c:>12}" for c in row))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
