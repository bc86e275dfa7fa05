"""The facts of one story kept between ingests: a new article's claims are aligned against the facts already
there, and only the facts it touches are judged again, so the cost of an ingest does not grow with the story.

    book = FactBook()
    touched, gone = book.add(items_of_one_article)   # facts it joined or started; facts merged away
    findings = [f for fact in touched for f in judge(fact, story_id)]
    kept = book.stored()                             # what a service keeps (claim refs, not claims)
    book = FactBook.restore(kept, items)             # next time: `items` maps refs to AlignItems

The rules are alignment's (align.py): the same assignment, merge and predicate join, applied to what one
article changes. A fact is known across ingests by its first member (`StoredFact.anchor`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.engine.compare.align import assign, is_vague, link
from app.engine.compare.fact import Fact
from app.engine.compare.items import AlignItem
from app.engine.compare.predicates import join_predicates
from app.engine.model import ClaimRef

Block = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoredFact:
    """A fact as a service keeps it: its block, its members (in the order they joined) and their scores."""

    block: Block
    members: tuple[ClaimRef, ...]
    scores: tuple[float, ...]
    predicate_join: bool = False

    @property
    def anchor(self) -> ClaimRef:
        return self.members[0]


class FactBook:
    """The facts of one story, by block, grown one article at a time."""

    def __init__(self) -> None:
        self.by_block: dict[Block, list[Fact]] = defaultdict(list)

    @classmethod
    def restore(cls, stored: Iterable[StoredFact], items: Mapping[ClaimRef, AlignItem]) -> FactBook:
        """The book `stored()` wrote, its members rebuilt from `items` (members missing there are dropped,
        e.g. the claims of a revision that replaced them)."""
        book = cls()
        for s in stored:
            present = [(items[r], score) for r, score in zip(s.members, s.scores, strict=True) if r in items]
            if not present:
                continue
            fact = Fact.seeded(present[0][0])
            for item, score in present[1:]:
                fact.add(item, score)
            fact.predicate_join = s.predicate_join
            book.by_block[s.block].append(fact)
        return book

    def facts(self) -> list[Fact]:
        return [f for facts in self.by_block.values() for f in facts]

    def stored(self) -> list[StoredFact]:
        """Every fact as a service keeps it."""
        return [stored_fact(f) for f in self.facts()]

    def add(self, items: Sequence[AlignItem]) -> tuple[list[Fact], list[StoredFact]]:
        """Align one article's claims (`items`, all of one article) against the book: (facts the article
        joined, started or merged, as they are now; facts merged into others, as they were stored)."""
        before = {id(f): (f, len(f.members)) for f in self.facts()}
        gone = {id(f): stored_fact(f) for f in self.facts()}
        assign([i for i in items if not is_vague(i.claim)], self.by_block)
        assign([i for i in items if is_vague(i.claim)], self.by_block)
        grown = [f for f in self.facts() if id(f) not in before or before[id(f)][1] != len(f.members)]
        for block in {f.block for f in grown}:
            _merge_into(self.by_block[block], [f for f in grown if f.block == block])
        for block in {f.block for f in grown if f.block[0] == "count"}:  # one figure, two predicates
            self.by_block[block][:] = join_predicates(self.by_block[block])
        live = {id(f) for f in self.facts()}
        touched = [f for f in self.facts() if id(f) not in before or before[id(f)][1] != len(f.members)]
        return touched, [stored for key, stored in gone.items() if key not in live]


def stored_fact(fact: Fact) -> StoredFact:
    """A fact as a service keeps it."""
    return StoredFact(fact.block, tuple(m.ref for m in fact.members),
                      tuple(fact.scores[m.ref] for m in fact.members), fact.predicate_join)


def _merge_into(block_facts: list[Fact], touched: list[Fact]) -> None:
    """Merge each touched fact with the fact of its block it fits best (disjoint articles, the link rules
    of alignment); the cost is the touched facts times the block's facts, never all pairs."""
    for fact in touched:
        if fact not in block_facts:
            continue
        best, partner = None, None
        for other in block_facts:
            if other is fact or other.orders & fact.orders:
                continue
            score = link(fact, other)
            if score is not None and (best is None or score > best):
                best, partner = score, other
        if partner is not None:
            keep, drop = (partner, fact) if len(partner.members) >= len(fact.members) else (fact, partner)
            keep.absorb(drop)
            block_facts.remove(drop)
