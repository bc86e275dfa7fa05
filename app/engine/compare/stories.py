"""Which articles report the same event: agglomerative grouping by complete linkage over representatives.

Two groups of articles merge only when every pair of their representatives is alike (`similarity` at least
JOIN_SIMILARITY) and their publication dates fit one window: a story is a set of reports that all resemble
each other, not a chain in which each resembles the next (chains are how three events of one weekend end up
in one story); a story's dates leave no gap of more than WINDOW_DAYS, so a report can bridge two others.
Articles are taken in an order derived from their content (date, then a digest of source and text): the
grouping depends on neither their order nor their ids. An explicit `story_key` always wins.

The cost: candidate pairs come from an index of each article's most telling words and figures, each article
linked to at most NEIGHBOURS earlier articles per key, and a story is represented by at most REPRESENTATIVES
of its most central members (their sums of likeness to each other carried from merge to merge). Pairs of
groups wait in a heap under an upper bound of their linkage: at first the likeness of the two articles, then
the least likeness found so far between their representatives. A merge judges nothing at once; a pair is
judged again when it comes to the top, and only until its bound falls below the next entry's. While a story
has at most REPRESENTATIVES members its linkage only falls as it grows, so these bounds hold and the merges
are those of judging every pair at every step (ties aside). The comparisons thus grow with the candidate
pairs, not with the size of a story: one story of 1,000 reports (`benchmarks/bench_report.py --own-words`)
takes 67 similarities per report (216 when each merge judged the merged story's new neighbours at once), one
of 5,000 takes 93, of which 38 are the candidate pairs.

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
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
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
    """A story being built: members, representatives (each with its summed similarity to the others,
    least central first), date range, and a version that changes whenever what `linkage` reads changes."""

    members: list[int]
    reps: dict[int, float]
    first: date | None
    last: date | None
    version: int = 0


Entry = tuple[float, int, int, int, int, int]  # -bound, groups x < y, their versions, pairs of reps covered


class _Grouping:
    """One run of agglomerative grouping over a list of signatures (sorted by their `order`).

    A group is known by its first member's index. A heap entry holds an upper bound of two groups' linkage,
    the groups' ids and versions when it was judged and how many pairs of their representatives it covers
    (fewer than all: the bound is the least found before judging stopped). An entry of a group that has
    since joined another is read as the other's (`find`); of the entries of one pair, the latest in the heap
    stands for them all (`queued`). A pair whose dates do not fit is parked until the dates of either change.
    """

    def __init__(self, sigs: Sequence[ArticleSignature]) -> None:
        self.sigs = sigs
        self._sims: dict[tuple[int, int], float] = {}
        self._judged: dict[tuple[int, int], tuple[int, int]] = {}  # pair of groups -> versions last judged
        self._parent = list(range(len(sigs)))
        self._heap: list[Entry] = []
        self._parked: dict[int, list[Entry]] = {}  # group -> entries waiting for its dates to change
        self.groups: dict[int, _Group] = {
            i: _Group([i], {i: 0.0}, s.published_at, s.published_at) for i, s in enumerate(sigs)
        }

    def sim(self, i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        found = self._sims.get(key)
        if found is None:
            found = self._sims[key] = similarity(self.sigs[i], self.sigs[j])
        return found

    def find(self, i: int) -> int:
        """The group that article (or former group) `i` is in now."""
        root = i
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[i] != root:
            self._parent[i], i = root, self._parent[i]
        return root

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

    def linkage(
        self, a: _Group, b: _Group, start: int, least: float, bound: float
    ) -> tuple[float, int] | None:
        """The least similarity between the two groups' representatives, going on from their pair `start`
        with the `least` found before, and how many pairs it covers: all of them, unless it fell below
        `bound` (another entry's) first, when it is an upper bound only. None: a pair is below
        JOIN_SIMILARITY."""
        if least < JOIN_SIMILARITY:
            return None
        ra, rb = list(a.reps), list(b.reps)
        total = len(ra) * len(rb)
        for k in range(start, total):
            if least < bound:
                return least, k
            s = self.sim(ra[k // len(rb)], rb[k % len(rb)])
            if s < JOIN_SIMILARITY:
                return None
            least = min(least, s)
        return least, total

    def merge(self, x: int, y: int) -> None:
        """Group y joins group x."""
        a, b = self.groups[x], self.groups.pop(y)
        self._parent[y] = x
        a.members += b.members
        reps = self._representatives(a.reps, b.reps)
        dates = [d for d in (a.first, a.last, b.first, b.last) if d]
        first, last = (min(dates), max(dates)) if dates else (None, None)
        if reps.keys() != a.reps.keys() or (first, last) != (a.first, a.last):
            # (else the reps keep their order too: a partial judgement resumes where it stopped)
            a.version += 1
            # least central first: their pairs with another group fall below a bound soonest
            a.reps = dict(sorted(reps.items(), key=lambda kv: (kv[1], kv[0])))
        waiting, more = sorted((self._unpark(x, (first, last) != (a.first, a.last)),
                                self._unpark(y, (first, last) != (b.first, b.last))), key=len, reverse=True)
        waiting += more  # the shorter list joins the longer
        if waiting:
            self._parked[x] = waiting
        a.first, a.last = first, last

    def _park(self, entry: Entry) -> None:
        """Keep the entry of two groups whose dates do not fit, until the dates of either change."""
        for group in entry[1:3]:
            self._parked.setdefault(group, []).append(entry)

    def _unpark(self, group: int, dates_changed: bool) -> list[Entry]:
        """The entries parked with a group, back in the heap if its dates changed (then none stay)."""
        parked = self._parked.pop(group, [])
        if not dates_changed:
            return parked
        for entry in parked:
            heapq.heappush(self._heap, entry)
        return []

    def _representatives(self, ra: dict[int, float], rb: dict[int, float]) -> dict[int, float]:
        """The REPRESENTATIVES most central of two groups' representatives (ties by index), with their sums
        of similarity to the others kept: carried over and corrected, not summed again over all pairs."""
        pool = {i: c + sum(self.sim(i, j) for j in rb) for i, c in ra.items()}
        pool.update({j: c + sum(self.sim(i, j) for i in ra) for j, c in rb.items()})
        if len(pool) <= REPRESENTATIVES:
            return pool
        ranked = sorted(pool, key=lambda i: (-pool[i], i))
        dropped = ranked[REPRESENTATIVES:]
        return {k: pool[k] - sum(self.sim(k, d) for d in dropped) for k in ranked[:REPRESENTATIVES]}

    def _seed(self) -> dict[tuple[int, int], Entry]:
        """The heap of candidate pairs alike enough (those whose dates do not fit parked), by pair."""
        queued = {}
        for i, j in self.candidate_edges():
            self._judged[i, j] = (0, 0)
            if self.sim(i, j) < JOIN_SIMILARITY:
                continue
            if _dates_fit(self.groups[i], self.groups[j]):
                queued[i, j] = (-self.sim(i, j), i, j, 0, 0, 1)
            else:
                self._park((-self.sim(i, j), i, j, 0, 0, 1))
        self._heap += queued.values()
        heapq.heapify(self._heap)
        return queued

    def run(self) -> list[list[int]]:
        heap = self._heap
        queued = self._seed()  # pair of groups -> its latest entry, while in the heap
        while heap:
            entry = heapq.heappop(heap)
            bound, i, j, vi, vj, done = entry
            x, y = sorted((self.find(i), self.find(j)))
            if x == y:
                continue
            if queued.get((x, y)) == entry:
                del queued[x, y]
            elif (x, y) in queued:
                continue  # the pair has a later entry in the heap, with a bound no higher than this one
            gx, gy = self.groups[x], self.groups[y]
            versions = (gx.version, gy.version)
            if (x, y, *versions) == (i, j, vi, vj):  # judged as the groups are now
                if done == len(gx.reps) * len(gy.reps):
                    self.merge(x, y)
                    continue
                start, least = done, -bound
            elif self._judged.get((x, y)) == versions:
                continue  # judged as they are now: they did not fit
            else:
                self._judged[x, y] = versions
                if not _dates_fit(gx, gy):
                    self._park((bound, x, y, *versions, 0))
                    continue
                start, least = 0, math.inf
            found = self.linkage(gx, gy, start, least, -heap[0][0] if heap else -math.inf)
            if found is not None:
                queued[x, y] = (-found[0], x, y, *versions, found[1])
                heapq.heappush(heap, queued[x, y])
        return sorted((sorted(g.members) for g in self.groups.values()), key=lambda m: m[0])


def _dates_fit(a: _Group, b: _Group) -> bool:
    """True unless the two groups' dates leave a gap of more than WINDOW_DAYS."""
    return _spans_fit(a.first, a.last, b.first, b.last)


def _spans_fit(a_first: date | None, a_last: date | None, b_first: date | None, b_last: date | None) -> bool:
    """True unless two date ranges (either end unknown: open) leave a gap of more than WINDOW_DAYS: the one
    window rule of grouping a batch, of fitting an article to a stored story and of merging stories."""
    if a_first and b_last and (a_first - b_last).days > WINDOW_DAYS:
        return False
    return not (b_first and a_last and (b_first - a_last).days > WINDOW_DAYS)


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
    if not _spans_fit(sig.published_at, sig.published_at, story.first, story.last):
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
    if not _spans_fit(a.first, a.last, b.first, b.last):
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
