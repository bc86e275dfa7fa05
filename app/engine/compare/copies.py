"""Near-identical copies of one wire story (AP text republished by a station).

Copies are found by word shingles with numbers masked (a copy whose figures were changed by a careless
rewrite is still a copy). Only a sample of shingles is indexed and each article is compared with the groups
it shares sampled shingles with, so the cost stays near-linear in the number of articles.

    copy_groups(articles)    # article id -> group number; copies share a group
    -> {'ap': 0, 'station': 0, 'other': 1}

Groups are numbered in the order of their first copies (the order of `articles`).
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence

from app.engine.model import ArticleText
from app.engine.text import tokens

SHINGLE = 5  # words per shingle
SAMPLE = 4  # index one shingle in SAMPLE (by hash)
COPY_JACCARD = 0.5  # sampled-shingle overlap that makes two articles copies
CANDIDATES = 5  # groups compared per article


def shingles(text: str) -> frozenset[int]:
    """Hashes of the sampled word shingles of `text` (lowercased, numbers masked)."""
    words = ["#" if w[0].isdecimal() else w for w in tokens.words(text)]
    out = set()
    for i in range(max(0, len(words) - SHINGLE + 1)):
        h = zlib.crc32(" ".join(words[i : i + SHINGLE]).encode())
        if h % SAMPLE == 0:
            out.add(h)
    return frozenset(out)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the smaller article's shingles found in the other (a copy may be cut short)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def copy_groups(articles: Sequence[ArticleText]) -> dict[str, int]:
    """Article id -> copy group; articles of one group are copies of one text."""
    return groups_of_shingles([(a.id, shingles(a.text)) for a in articles])


def groups_of_shingles(articles: Sequence[tuple[str, frozenset[int]]]) -> dict[str, int]:
    """`copy_groups` of articles given by (id, `shingles` of the text), in the same order."""
    index: dict[int, set[int]] = defaultdict(set)  # shingle -> groups
    group_shingles: dict[int, frozenset[int]] = {}
    out: dict[str, int] = {}
    for article_id, sh in articles:
        votes: Counter = Counter(g for h in sh for g in index.get(h, ()))
        chosen = None
        for g, _ in candidates(votes):
            if overlap(sh, group_shingles[g]) >= COPY_JACCARD:
                chosen = g
                break
        if chosen is None:
            chosen = len(group_shingles)
            group_shingles[chosen] = sh
            for h in sh:
                index[h].add(chosen)
        out[article_id] = chosen
    return out


def candidates(votes: Counter) -> list[tuple[int, int]]:
    """The CANDIDATES groups (numbered in the order their first copies came) sharing most shingles with an
    article: most shared first, ties to the earlier group (never to the order the votes were counted in)."""
    return sorted(votes.items(), key=lambda gv: (-gv[1], gv[0]))[:CANDIDATES]
