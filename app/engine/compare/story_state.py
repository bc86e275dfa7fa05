"""One story's comparison kept between ingests: a new article is aligned and judged where it lands, and the
findings are those the batch gives for the same articles, whatever order they came in.

    state = StoryState.build("st_1", articles, claims)    # the batch: align, judge, corrections
    state.add(article, article_claims)                     # True: only its blocks were judged again
    state.findings()                                       # == StoryState.build(... all of them).findings()

The batch reads a story's articles in one order fixed by what they say (`rank`: richest first, ties by
content) and assigns each article's claims to the facts of their block already seen (`align.assign_facts`).
A new article lands somewhere in that order. Its claims are assigned against each block's facts as they
stood at its place (`Fact.prefix`); when that changes nothing a later claim of the block was compared with
(it becomes no representative, brings no new action, starts no fact), every later assignment stands, and it
only joins its facts. Otherwise its block is assigned again from all its claims. Either way only the blocks
it touches are merged (`align.merge_facts`) and judged again: blocks never meet (`align.block_of`).

Copy groups are the one thing an article can change for all the others: a new first copy of a wire text
that a later article shares words with makes `add` find them all again; the articles whose group changed
are judged again (alignment never reads copy groups). An article already there (a revision) makes `add`
rebuild the story.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from app.engine.compare.align import assign, assign_facts, make_item, merge_facts, timeline_key
from app.engine.compare.copies import CANDIDATES, COPY_JACCARD, groups_of_shingles, overlap, shingles
from app.engine.compare.corrections import Notice, correction_findings, find_notices, in_notice
from app.engine.compare.fact import Fact
from app.engine.compare.items import AlignItem, with_labels, with_sibling_holders
from app.engine.compare.verdicts import judge
from app.engine.model import ArticleText, Claim, ClaimRef, Finding

Block = tuple[str, ...]


def by_content(articles: Sequence[ArticleText]) -> list[ArticleText]:
    """`articles` in an order fixed by what they say (date, source, title, text, URL), never by their ids or
    the order they came in: every later tie (which article seeds a fact, which story an article starts) is
    then broken the same way for the same articles."""
    return sorted(articles, key=content_key)


def content_key(a: ArticleText) -> tuple:
    """What `by_content` sorts by."""
    return (a.published_at or date.min, a.source, a.title or "", a.text, a.url or "", a.story_key or "", a.id)


def rank(article: ArticleText, claims: Sequence[Claim]) -> tuple:
    """An article's place among a story's articles: the richest seed the facts, ties broken by content."""
    return (-len(claims), content_key(article))


def story_items(article: ArticleText, claims: Sequence[Claim], notices: Sequence[Notice], order: Any,
                group: int) -> list[AlignItem]:
    """The comparable claims of one article: body text only, not inside a correction notice, and one claim
    per repeated sentence."""
    out, seen = [], set()
    # a figure whose own restatement contradicts it ("36C (87F)") speaks through the restatement: what
    # another outlet wrote is then compared with the figure the article got wrong
    contradicted = {(x.start, x.end): c.frame
                    for c in claims if c.conversion_ok is False for x in c.converted}
    for i, c in enumerate(claims):
        if c.context != "body" or in_notice(c, notices) or c.frame.when_said or c.conversion_ok is False:
            continue  # captions, notices, 'said Friday', a figure its restatement contradicts
        if c.is_conversion and (c.start, c.end) not in contradicted:
            continue  # a conversion that agrees: its main claim speaks
        if c.is_conversion:
            c = replace(c, frame=contradicted[(c.start, c.end)])  # it says what its figure says
        key = (c.sentence, c.text)
        if key in seen:
            continue
        seen.add(key)
        item = make_item(ClaimRef(article.id, i), c, article.source, order, group, article.published_at)
        if item is not None:
            out.append(item)
    return with_sibling_holders(with_labels(out, claims))


@dataclass(slots=True)
class _Article:
    text: ArticleText
    claims: tuple[Claim, ...]
    rank: tuple
    notices: list[Notice]
    items: list[AlignItem]


@dataclass(slots=True)
class _Block:
    facts: list[Fact]  # as assignment leaves them (before merging), in the order they were started
    first: tuple  # where the batch first meets the block: (timeline key, index in its article's claims)
    last: tuple  # the timeline key of its latest claim
    final: list[Fact]  # merged and joined
    findings: list[Finding]
    judged: dict[tuple, list[Finding]] = field(default_factory=dict)  # `_judged` of each final fact


class StoryState:
    """The facts and findings of one story, ready to take one more article (see the module's docstring)."""

    def __init__(self, story_id: str | None) -> None:
        self.story_id = story_id
        self._articles: dict[str, _Article] = {}
        self._blocks: dict[Block, _Block] = {}
        self._groups: dict[str, int] = {}  # article id -> copy group
        self._shingles: dict[str, frozenset[int]] = {}
        self._indexed = False  # the copy groups below are those of these articles (not of a larger set)
        self._seeds: dict[int, list[str]] = {}  # shingle -> the first copies (of each group) that have it
        self._sharing: dict[int, list[str]] = {}  # shingle -> the articles that have it

    @classmethod
    def build(cls, story_id: str | None, articles: Sequence[ArticleText], claims: dict[str, Sequence[Claim]],
              groups: dict[str, int] | None = None) -> StoryState:
        """The batch comparison of `articles` (id -> claims in `claims`); `groups` are copy groups found
        over more articles than these (else they are found among these)."""
        state = cls(story_id)
        ordered = by_content(articles)
        if groups is None:
            state._shingles = {a.id: shingles(a.text) for a in ordered}
            groups = groups_of_shingles([(a.id, state._shingles[a.id]) for a in ordered])
            state._index_copies([a.id for a in ordered], groups)
        state._groups = {a.id: groups[a.id] for a in ordered}
        for a in ordered:
            state._articles[a.id] = _prepare(a, claims[a.id], state._groups[a.id])
        state._align()
        return state

    @property
    def article_ids(self) -> set[str]:
        """The articles compared."""
        return set(self._articles)

    def claims(self) -> dict[str, tuple[Claim, ...]]:
        """Article id -> the claims compared."""
        return {i: a.claims for i, a in self._articles.items()}

    def add(self, article: ArticleText, claims: Sequence[Claim]) -> bool:
        """Compare one more article; False when that took a rebuild (it was there already: a revision)."""
        if article.id in self._articles:
            texts = [a.text for a in self._articles.values() if a.text.id != article.id]
            self._rebuild([*texts, article], {**self.claims(), article.id: tuple(claims)})
            return False
        touched = set() if self._indexed else self._regroup()
        sh = self._shingles[article.id] = shingles(article.text)
        copy = self._copy_group(content_key(article), sh)
        prepared = self._articles[article.id] = _prepare(article, claims, -1 if copy is None else copy[0])
        if copy is None:  # a new first copy that later articles share words with: it may regroup them
            touched |= self._regroup()
        else:
            self._groups[article.id] = copy[0]
            self._index(article.id, sh, first=copy[1])
        regrouped = bool(touched)
        touched |= self._insert(prepared)
        self._finish(touched, regrouped)
        return True

    def findings(self) -> list[Finding]:
        """The story's findings, in the order the batch gives them: each fact's, then corrections."""
        blocks = sorted(self._blocks.values(), key=lambda b: b.first)
        out = [f for b in blocks for f in b.findings]
        articles = sorted(self._articles.values(), key=lambda a: a.rank)
        notices = [n for a in articles for n in a.notices]
        if notices:
            facts = [f for b in blocks for f in b.final]
            sources = {a.text.id: a.text.source for a in articles}
            out.extend(correction_findings(notices, self.claims(), facts, sources, self.story_id))
        return out

    def _rebuild(self, articles: Sequence[ArticleText], claims: dict[str, Sequence[Claim]]) -> None:
        self.__dict__.update(StoryState.build(self.story_id, articles, claims).__dict__)

    def _copy_group(self, key: tuple, sh: frozenset[int]) -> tuple[int, bool] | None:
        """(copy group, whether it is the group's first copy) of a new article (`content_key`, `shingles`)
        as `groups_of_shingles` would find it, or None when the others' groups may change: it is the first
        of a group and an article after it shares a shingle with it."""
        votes: dict[str, int] = {}
        for h in sh:
            for first in self._seeds.get(h, ()):
                if self._articles[first].rank[1] < key:
                    votes[first] = votes.get(first, 0) + 1
        ranked = sorted(votes.items(), key=lambda fv: (-fv[1], self._articles[fv[0]].rank[1]))
        for first, _ in ranked[:CANDIDATES]:
            if overlap(sh, self._shingles[first]) >= COPY_JACCARD:
                return self._groups[first], False
        if any(self._articles[o].rank[1] > key for h in sh for o in self._sharing.get(h, ())):
            return None
        return max(self._groups.values(), default=-1) + 1, True

    def _index(self, article_id: str, sh: frozenset[int], first: bool) -> None:
        for h in sh:
            self._sharing.setdefault(h, []).append(article_id)
            if first:
                self._seeds.setdefault(h, []).append(article_id)

    def _index_copies(self, ordered: Sequence[str], groups: dict[str, int]) -> None:
        """Index the shingles of `ordered` (article ids by content) and of the first copy of each group."""
        self._seeds, self._sharing, seen = {}, {}, set()
        for article_id in ordered:
            self._index(article_id, self._shingles[article_id], first=groups[article_id] not in seen)
            seen.add(groups[article_id])
        self._indexed = True

    def _regroup(self) -> set[Block]:
        """Find the copy groups of all the articles again; the blocks whose claims changed group (only the
        verdicts count copies: the facts stay as they are)."""
        ordered = sorted(self._articles.values(), key=lambda a: a.rank[1])
        for a in ordered:
            if a.text.id not in self._shingles:
                self._shingles[a.text.id] = shingles(a.text.text)
        ids = [a.text.id for a in ordered]
        groups = _renumbered(groups_of_shingles([(i, self._shingles[i]) for i in ids]), self._groups)
        self._index_copies(ids, groups)
        self._groups = groups
        moved: dict[ClaimRef, AlignItem] = {}
        for a in ordered:
            if any(it.copy_group != groups[a.text.id] for it in a.items):
                a.items = [replace(it, copy_group=groups[a.text.id]) for it in a.items]
                moved.update((it.ref, it) for it in a.items)
        touched = {it.block for it in moved.values()}
        for block in touched & self._blocks.keys():
            for fact in self._blocks[block].facts:
                fact.relabel(moved)
        return touched


    def _align(self) -> None:
        """Assign, merge and judge every block (the batch)."""
        items = [it for a in self._articles.values() for it in a.items]
        firsts = _firsts(items)
        self._blocks = {}
        for block, facts in assign_facts(items).items():
            last = max(timeline_key(m) for f in facts for m in f.members)
            self._blocks[block] = _Block(facts, firsts[block], last, [], [])
        self._finish(self._blocks)

    def _insert(self, article: _Article) -> set[Block]:
        """Assign the claims of a new article where the batch would; the blocks it touched."""
        touched: set[Block] = set()
        for vague in (False, True):
            group = [it for it in article.items if timeline_key(it)[0] is vague]
            for block, (first, items) in _by_block(group).items():
                key = (vague, article.rank)
                touched.add(block)
                held = self._blocks.get(block)
                if held is None:  # a block of its own
                    held = self._blocks[block] = _Block([], (key, first), key, [], [])
                    assign(items, {block: held.facts})
                    continue
                held.first = min(held.first, (key, first))
                self._insert_block(block, held, items, key)
        return touched

    def _insert_block(self, block: Block, held: _Block, items: list[AlignItem], key: tuple) -> None:
        if held.last < key:  # nothing of the block comes after it: assigned last, as the batch does
            assign(items, {block: held.facts})
            held.last = key
            return
        starts = [timeline_key(f.members[0]) for f in held.facts]
        views = []
        for fact in held.facts[: bisect_left(starts, key)]:  # the facts started before it
            keys = [timeline_key(m) for m in fact.members]
            views.append((fact, fact.prefix(bisect_left(keys, key)), bisect_left(keys, key)))
        before = [(len(v.representatives()), set(v.actions)) for _, v, _ in views]
        viewed = [v for _, v, _ in views]
        assign(items, {block: viewed})
        after = [(len(v.representatives()), v.actions) for _, v, _ in views]
        changed = len(viewed) > len(views) or after != before
        if changed:  # a later claim of the block might have been assigned otherwise: assign them all again
            self._realign(block, held)
            return
        for fact, view, at in views:
            joined = view.members[at:]
            if joined:
                fact.insert(at, joined[0], view.scores[joined[0].ref])

    def _realign(self, block: Block, held: _Block) -> None:
        items = [it for a in self._articles.values() for it in a.items if it.block == block]
        held.facts = assign_facts(items)[block]
        held.last = max(timeline_key(it) for it in items)

    def _finish(self, blocks: Iterable[Block], regrouped: bool = False) -> None:
        """Merge `blocks` again from their assigned facts (which stay as they are) and judge the facts that
        changed (all of them when copy groups were renumbered)."""
        for block in blocks:
            held = self._blocks[block]
            held.final = merge_facts({block: [f.copy() for f in held.facts]})
            known = {} if regrouped else held.judged
            held.judged = {}
            for fact in held.final:
                key = _judged(fact)
                held.judged[key] = known[key] if key in known else judge(fact, self.story_id)
            held.findings = [found for fact in held.final for found in held.judged[_judged(fact)]]


def _prepare(article: ArticleText, claims: Sequence[Claim], group: int) -> _Article:
    claims = tuple(claims)
    notices = find_notices(article, claims)
    place = rank(article, claims)
    return _Article(article, claims, place, notices, story_items(article, claims, notices, place, group))


def _firsts(items: Sequence[AlignItem]) -> dict[Block, tuple]:
    """Where the batch first meets each block: the first claim of it in assignment order."""
    out: dict[Block, tuple] = {}
    by_key: dict[tuple, list[AlignItem]] = {}
    for it in items:
        by_key.setdefault(timeline_key(it), []).append(it)
    for key in sorted(by_key):
        for block, (first, _) in _by_block(by_key[key]).items():
            out.setdefault(block, (key, first))
    return out


def _by_block(items: Sequence[AlignItem]) -> dict[Block, tuple[int, list[AlignItem]]]:
    """Block -> (index of its first claim among `items`, its claims), in the order blocks appear."""
    out: dict[Block, tuple[int, list[AlignItem]]] = {}
    for i, it in enumerate(items):
        out.setdefault(it.block, (i, []))[1].append(it)
    return out


def _renumbered(groups: dict[str, int], known: dict[str, int]) -> dict[str, int]:
    """`groups` numbered as in `known` where a group is one of `known`'s (so that few claims change
    number); other groups get numbers `known` does not use."""
    before: dict[int, set[int]] = {}
    for article_id, group in groups.items():
        if article_id in known:
            before.setdefault(group, set()).add(known[article_id])
    sole = Counter(next(iter(old)) for old in before.values() if len(old) == 1)
    number = {g: next(iter(old)) for g, old in before.items() if len(old) == 1 and sole[next(iter(old))] == 1}
    free = max([*known.values(), *number.values()], default=-1) + 1
    out = {}
    for article_id, group in groups.items():
        if group not in number:
            number[group], free = free, free + 1
        out[article_id] = number[group]
    return out


def _judged(fact: Fact) -> tuple:
    """What `judge` reads of a fact, but for its members' claims, which a claim reference names."""
    return (fact.predicate_join, tuple(m.ref for m in fact.members))
