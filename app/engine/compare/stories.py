"""Which articles report the same event.

An article's signature is its weighted key terms (named entities count double), the figures it states and its
publication date. An article joins the story whose signature is most similar (TF-IDF cosine over key terms,
plus shared figures) among the stories published within a few days, or starts a new story. An explicit
`story_key` always wins. The same `assign_story` serves the batch report and the service that ingests one
article at a time:

    index = StoryIndex(idf_table(signatures_seen_so_far))
    index.add(article_signature(article, claims))   # -> the story id it joined or started
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from app.engine.lexicon import lookups as lx
from app.engine.model import ArticleText, Claim, Story

JOIN_SIMILARITY = 0.19  # cosine needed to join a story
WINDOW_DAYS = 3  # articles further apart than this from every member never join the story
MAX_TERMS = 60  # key terms kept per article
FIGURE_BONUS, FIGURES_CAP = 0.05, 0.25  # per shared figure ("drone:472"), and at most
# Reports of one event repeat at least one of its figures (that is what there is to compare); without a
# shared figure only a very similar text joins a story. This keeps apart two events of one war on one day.
STRONG_SIMILARITY = 0.45
BLOCKING_TERMS = 15  # a story is found through its figures and this many most distinctive terms
_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]+")


@dataclass(frozen=True, slots=True)
class ArticleSignature:
    """What an article is about: key terms with weights, figures stated, date, explicit story key."""

    article_id: str
    terms: dict[str, float]
    figures: frozenset[str] = frozenset()
    published_at: date | None = None
    story_key: str | None = None


@dataclass(slots=True)
class StorySignature:
    """The merged signature of a story's articles (kept by the service to assign new articles)."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    terms: Counter = field(default_factory=Counter)  # summed term weights of the members
    figures: Counter = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None
    key: str | None = None

    def add(self, sig: ArticleSignature) -> None:
        """Merge one article into the story."""
        self.article_ids.append(sig.article_id)
        self.terms.update(sig.terms)
        self.figures.update(sig.figures)
        if sig.published_at:
            self.first = min(self.first or sig.published_at, sig.published_at)
            self.last = max(self.last or sig.published_at, sig.published_at)

    def merge(self, other: StorySignature) -> None:
        """Absorb another story (two stories found to report one event)."""
        self.article_ids.extend(other.article_ids)
        self.terms.update(other.terms)
        self.figures.update(other.figures)
        for d in (other.first, other.last):
            if d:
                self.first = min(self.first or d, d)
                self.last = max(self.last or d, d)

    def label(self, n: int = 4) -> tuple[str, ...]:
        return tuple(t for t, _ in self.terms.most_common(n))


def article_signature(article: ArticleText, claims: Sequence[Claim] = ()) -> ArticleSignature:
    """Key terms (entities weighted double), figures ("drone:653") and date of one article."""
    stop = lx.stopwords()
    weights: Counter = Counter()
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", article.text):
        for k, m in enumerate(_WORD.finditer(sentence)):
            word = m.group().replace("’", "'")
            low = lx.lemma(word)
            if low in stop or len(low) < 3:
                continue
            entity = word[0].isupper() and k > 0
            weights[low] += 2.0 if entity else 1.0
    terms = {t: 1.0 + math.log(w) for t, w in weights.most_common(MAX_TERMS)}
    figures = frozenset(
        f"{c.frame.counted or c.value.unit}:{c.value.nominal:g}"
        for c in claims
        if c.context == "body" and c.value.nominal is not None and c.kind in ("count", "money", "quantity")
        and abs(c.value.nominal) >= 10  # "three people" is too common to tell stories apart
    )
    return ArticleSignature(article.id, terms, figures, article.published_at, article.story_key)


def _within_window(sig: ArticleSignature, story: StorySignature, days: int) -> bool:
    if sig.published_at is None or story.first is None or story.last is None:
        return True
    return (story.first - sig.published_at).days <= days and (sig.published_at - story.last).days <= days


def _stories_overlap(a: StorySignature, b: StorySignature, days: int) -> bool:
    if not (a.first and a.last and b.first and b.last):
        return True
    return (a.first - b.last).days <= days and (b.first - a.last).days <= days


def similarity(sig: ArticleSignature | StorySignature, story: StorySignature, idf: dict[str, float]) -> float:
    """TF-IDF cosine between an article (or story) and a story's merged terms, plus a bonus per shared
    figure; 0 when they share no figure and their terms are not strongly alike."""
    cosine = _cosine(sig.terms, story.terms, idf)
    shared = sum(1 for f in sig.figures if f in story.figures)
    if shared == 0 and cosine < STRONG_SIMILARITY and (sig.figures or story.figures):
        return 0.0
    return cosine + min(FIGURES_CAP, FIGURE_BONUS * shared)


def _cosine(x: dict[str, float], y: dict[str, float], idf: dict[str, float]) -> float:
    a = {t: w * idf.get(t, 1.0) for t, w in x.items()}
    b = {t: w * idf.get(t, 1.0) for t, w in y.items()}
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def assign_story(sig: ArticleSignature, stories: Sequence[StorySignature], idf: dict[str, float],
                 days: int = WINDOW_DAYS, threshold: float = JOIN_SIMILARITY) -> StorySignature | None:
    """The existing story `sig` belongs to, or None when it starts a new one."""
    if sig.story_key is not None:
        return next((s for s in stories if s.key == sig.story_key), None)
    best, best_score = None, threshold
    for story in stories:
        if not _within_window(sig, story, days):
            continue
        score = similarity(sig, story, idf)
        if score >= best_score:
            best, best_score = story, score
    return best


def idf_table(signatures: Iterable[ArticleSignature]) -> dict[str, float]:
    """Inverse document frequency of each key term over `signatures`."""
    sigs = list(signatures)
    df: Counter = Counter(t for s in sigs for t in s.terms)
    n = len(sigs)
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


class StoryIndex:
    """Stories built one article at a time (the service keeps one; the batch report builds one).

    Stories are indexed by their figures and most distinctive terms, so an article is compared only with
    the stories it shares one of those with (near-linear in the number of articles)."""

    def __init__(self, idf: dict[str, float] | None = None) -> None:
        self.stories: list[StorySignature] = []
        self.idf = idf or {}
        self._by_key: dict[str, StorySignature] = {}
        self._by_id: dict[str, StorySignature] = {}
        self._postings: dict[str, set[str]] = {}

    def _keys(self, sig: ArticleSignature | StorySignature) -> set[str]:
        top = sorted(sig.terms, key=lambda t: -sig.terms[t] * self.idf.get(t, 1.0))[:BLOCKING_TERMS]
        return {f"#{f}" for f in sig.figures} | set(top)

    def _candidates(self, sig: ArticleSignature | StorySignature) -> list[StorySignature]:
        ids = set().union(*(self._postings.get(k, set()) for k in self._keys(sig)))
        return [self._by_id[i] for i in sorted(ids) if i in self._by_id]

    def _index(self, story: StorySignature) -> None:
        for k in self._keys(story):
            self._postings.setdefault(k, set()).add(story.id)

    def add(self, sig: ArticleSignature) -> str:
        """Put one article into a story (joined or new) and return the story id."""
        if sig.story_key is not None:
            story = self._by_key.get(sig.story_key)
        else:
            story = assign_story(sig, [c for c in self._candidates(sig) if c.key is None], self.idf)
        if story is None:
            sid = f"story-{sig.story_key}" if sig.story_key else f"s{len(self.stories) + 1}"
            story = StorySignature(sid, key=sig.story_key)
            self.stories.append(story)
            self._by_id[sid] = story
            if sig.story_key is not None:
                self._by_key[sig.story_key] = story
        story.add(sig)
        self._index(story)
        return story.id

    def consolidate(self, days: int = WINDOW_DAYS, threshold: float = JOIN_SIMILARITY) -> None:
        """Merge stories that turned out to report one event (an article that arrived first may have started
        a story of its own), strongest pair first. Stories with explicit keys are never merged."""
        while True:
            best, pair = threshold, None
            for a in self.stories:
                for b in self._candidates(a):
                    if b.id <= a.id or a.key or b.key or not _stories_overlap(a, b, days):
                        continue
                    score = similarity(a, b, self.idf)
                    if score >= best:
                        best, pair = score, (a, b)
            if pair is None:
                return
            pair[0].merge(pair[1])
            self.stories.remove(pair[1])
            del self._by_id[pair[1].id]
            self._index(pair[0])


def group_articles(articles: Sequence[ArticleText], claims: dict[str, Sequence[Claim]]) -> list[Story]:
    """Group a batch of articles into stories (earliest articles first, so stories grow in time order)."""
    sigs = [article_signature(a, claims.get(a.id, ())) for a in articles]
    index = StoryIndex(idf_table(sigs))
    order = sorted(range(len(sigs)), key=lambda i: (sigs[i].published_at or date.min, i))
    for i in order:
        index.add(sigs[i])
    index.consolidate()
    return [
        Story(id=s.id, article_ids=tuple(s.article_ids), label=", ".join(s.label()), key_terms=s.label(8))
        for s in index.stories
    ]
