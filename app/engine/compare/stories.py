"""Which articles report the same event: agglomerative grouping by complete linkage over representatives.

Two groups of articles merge only when every pair of their representatives is alike (`similarity` at least
JOIN_SIMILARITY) and their publication dates fit one window: a story is a set of reports that all resemble
each other, not a chain in which each resembles the next (chains are how three events of one weekend end up
in one story). Candidate pairs come from an index of each article's most telling words and figures, each
article linked to a bounded number of earlier articles per key, and a story is represented by at most
REPRESENTATIVES of its most central members, so the cost grows linearly with the number of articles.
Articles are taken in an order derived from their content (date, then a digest of source and text): the
grouping depends on neither their order nor their ids. An explicit `story_key` always wins.

    >>> from app.engine.model import ArticleText
    >>> ferry = "The ferry Marisol sank off Port Avel; coast guard divers searched the Marisol wreck."
    >>> again = "Divers searched the wreck of the ferry Marisol off Port Avel for a second day."
    >>> budget = "Lawmakers in Norden approved the school budget; the Norden finance minister objected."
    >>> [s.article_ids for s in group_articles([ArticleText("a", "W", ferry), ArticleText("b", "X", budget),
    ...                                          ArticleText("c", "Y", again)], {})]
    [('a', 'c'), ('b',)]
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from app.engine.compare.signature import (
    WINDOW_DAYS,
    ArticleSignature,
    article_signature,
    similarity,
    telling_terms,
)
from app.engine.model import ArticleText, Claim, Story

JOIN_SIMILARITY = 0.15  # every pair of representatives of one story is at least this alike
REPRESENTATIVES = 24  # members that stand for a story in comparisons (its most central ones)
BLOCKING_TERMS = 12  # an article is looked up by its figures and this many most telling words
NEIGHBOURS = 8  # per key, an article is compared with this many earlier articles that share it


@dataclass(slots=True)
class _Group:
    """A story being built: member and representative indexes into the signatures, its date range."""

    members: list[int]
    reps: list[int]
    first: date | None
    last: date | None
    version: int = 0
    neighbours: set[int] = field(default_factory=set)


class _Grouping:
    """One run of agglomerative grouping over a list of signatures (sorted by their `order`)."""

    def __init__(self, sigs: Sequence[ArticleSignature]) -> None:
        self.sigs = sigs
        self._sims: dict[tuple[int, int], float] = {}
        self.groups: dict[int, _Group] = {
            i: _Group([i], [i], s.published_at, s.published_at) for i, s in enumerate(sigs)
        }

    def sim(self, i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        found = self._sims.get(key)
        if found is None:
            found = self._sims[key] = similarity(self.sigs[i], self.sigs[j])
        return found

    def candidate_edges(self) -> list[tuple[int, int]]:
        """Pairs of articles sharing a figure or a telling word, each article paired with at most NEIGHBOURS
        earlier articles per key."""
        postings: dict[str, list[int]] = defaultdict(list)
        edges: set[tuple[int, int]] = set()
        for i, sig in enumerate(self.sigs):
            keys = [f"#{f}" for f in sorted(sig.figures)] + telling_terms(sig, BLOCKING_TERMS)
            for key in keys:
                earlier = postings[key]
                edges.update((j, i) for j in earlier[-NEIGHBOURS:])
                earlier.append(i)
        return sorted(edges)

    def linkage(self, a: _Group, b: _Group) -> float | None:
        """The least similarity between the two groups' representatives (None: the dates do not fit)."""
        if a.first and b.last and (a.first - b.last).days > WINDOW_DAYS:
            return None
        if b.first and a.last and (b.first - a.last).days > WINDOW_DAYS:
            return None
        least = None
        for i in a.reps:
            for j in b.reps:
                s = self.sim(i, j)
                if s < JOIN_SIMILARITY:
                    return s
                least = s if least is None else min(least, s)
        return least

    def merge(self, x: int, y: int) -> None:
        """Group y joins group x."""
        a, b = self.groups[x], self.groups.pop(y)
        a.members += b.members
        a.reps = self._representatives(a.reps + b.reps)
        dates = [d for d in (a.first, a.last, b.first, b.last) if d]
        a.first, a.last = (min(dates), max(dates)) if dates else (None, None)
        a.neighbours = {n for n in a.neighbours | b.neighbours if n in self.groups} - {x}
        a.version += 1
        for n in a.neighbours:
            self.groups[n].neighbours.discard(y)
            self.groups[n].neighbours.add(x)

    def _representatives(self, pool: list[int]) -> list[int]:
        if len(pool) <= REPRESENTATIVES:
            return sorted(pool)
        central = sorted(pool, key=lambda i: (-sum(self.sim(i, j) for j in pool if j != i), i))
        return sorted(central[:REPRESENTATIVES])

    def run(self) -> list[list[int]]:
        heap: list[tuple[float, int, int, int, int]] = []
        for i, j in self.candidate_edges():
            if self.sim(i, j) >= JOIN_SIMILARITY:
                self.groups[i].neighbours.add(j)
                self.groups[j].neighbours.add(i)
                heapq.heappush(heap, (-self.sim(i, j), i, j, 0, 0))
        while heap:
            _, x, y, vx, vy = heapq.heappop(heap)
            if x not in self.groups or y not in self.groups:
                continue
            gx, gy = self.groups[x], self.groups[y]
            if (gx.version, gy.version) != (vx, vy):  # either grew since: judge the pair again
                score = self.linkage(gx, gy)
                if score is not None and score >= JOIN_SIMILARITY:
                    heapq.heappush(heap, (-score, x, y, gx.version, gy.version))
                continue
            if self.linkage(gx, gy) is None:
                continue
            before = set(gx.neighbours)
            self.merge(x, y)
            # x's own neighbours keep their entries, judged again when they come up (their version is
            # stale); y's neighbours had entries only with y, so they are judged against x now. (A neighbour
            # of x already below the line stays out: judging every neighbour at every merge made one story
            # of 500 articles cost 60,000 linkages.)
            for n in sorted(self.groups[x].neighbours - before):
                score = self.linkage(self.groups[x], self.groups[n])
                if score is not None and score >= JOIN_SIMILARITY:
                    a, b = min(x, n), max(x, n)
                    heapq.heappush(heap, (-score, a, b, self.groups[a].version, self.groups[b].version))
        return sorted((sorted(g.members) for g in self.groups.values()), key=lambda m: m[0])


def group_signatures(sigs: Sequence[ArticleSignature]) -> list[list[ArticleSignature]]:
    """Signatures grouped into stories, each story in content order, stories by their first member."""
    ordered = sorted(sigs, key=lambda s: (s.order, s.article_id))
    keyed: dict[str, list[ArticleSignature]] = {}
    free = []
    for sig in ordered:
        if sig.story_key is not None:
            keyed.setdefault(sig.story_key, []).append(sig)
        else:
            free.append(sig)
    stories = [[free[i] for i in members] for members in _Grouping(free).run()]
    stories += keyed.values()
    return sorted(stories, key=lambda members: (members[0].order, members[0].article_id))


def story_label(sigs: Sequence[ArticleSignature], n: int) -> tuple[str, ...]:
    """The `n` words that weigh most across a story's articles: a label for people."""
    total: Counter = Counter()
    for sig in sigs:
        total.update(sig.terms)
        total.update(sig.names)
    return tuple(t for t, _ in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:n])


def group_articles(
    articles: Sequence[ArticleText],
    claims: dict[str, Sequence[Claim]],
    signatures: dict[str, ArticleSignature] | None = None,
) -> list[Story]:
    """Group a batch of articles into stories (`claims`: article id -> framed claims, for the figures;
    `signatures`: those already computed)."""
    signatures = signatures or {}
    sigs = [signatures.get(a.id) or article_signature(a, claims.get(a.id, ())) for a in articles]
    out = []
    for n, members in enumerate(group_signatures(sigs), start=1):
        key = members[0].story_key
        label = story_label(members, 8)
        out.append(Story(id=f"story-{key}" if key is not None else f"s{n}",
                         article_ids=tuple(s.article_id for s in members),
                         label=", ".join(label[:4]), key_terms=label))
    return out


@dataclass(frozen=True, slots=True)
class StoredStory:
    """A story as a service keeps it between requests: its id, representatives and date range."""

    id: str
    representatives: tuple[ArticleSignature, ...]
    first: date | None = None
    last: date | None = None


def story_linkage(sig: ArticleSignature, story: StoredStory) -> float | None:
    """How well one article fits a stored story: its least similarity to the story's representatives, or
    None when its date leaves a gap of more than WINDOW_DAYS to the story's dates."""
    day = sig.published_at
    if day and story.first and (story.first - day).days > WINDOW_DAYS:
        return None
    if day and story.last and (day - story.last).days > WINDOW_DAYS:
        return None
    if not story.representatives:
        return None
    return min(similarity(sig, rep) for rep in story.representatives)


def choose_story(sig: ArticleSignature, candidates: Sequence[StoredStory]) -> str | None:
    """The id of the stored story one new article joins (the best fit at or above JOIN_SIMILARITY, ties
    by id), or None when it starts a story of its own. The same rule as `group_articles`, one article at a
    time: a service ingesting a feed and a batch check group alike."""
    best: tuple[float, str] | None = None
    for story in candidates:
        score = story_linkage(sig, story)
        if score is not None and score >= JOIN_SIMILARITY and (best is None or (-score, story.id) < best):
            best = (-score, story.id)
    return best[1] if best else None


def stories_fit(a: StoredStory, b: StoredStory) -> bool:
    """True when two stored stories report one event (every pair of their representatives is alike and
    their dates fit one window): a service merges them."""
    if a.first and b.last and (a.first - b.last).days > WINDOW_DAYS:
        return False
    if b.first and a.last and (b.first - a.last).days > WINDOW_DAYS:
        return False
    return bool(a.representatives and b.representatives) and all(
        similarity(x, y) >= JOIN_SIMILARITY for x in a.representatives for y in b.representatives
    )


def representatives(
    members: Sequence[ArticleSignature], limit: int = REPRESENTATIVES
) -> tuple[ArticleSignature, ...]:
    """The `limit` most central members of a story (highest summed similarity to the others; ties by
    content order): what a service stores to compare new articles with."""
    if len(members) <= limit:
        return tuple(sorted(members, key=lambda s: (s.order, s.article_id)))
    score = {id(m): sum(similarity(m, o) for o in members if o is not m) for m in members}
    central = sorted(members, key=lambda m: (-score[id(m)], m.order, m.article_id))[:limit]
    return tuple(sorted(central, key=lambda s: (s.order, s.article_id)))
