"""One fact of a story: the claims (one per article at most) that state one real-world quantity."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.engine.compare.items import AlignItem
from app.engine.model import ClaimRef

REPRESENTATIVES = 6  # members of a fact a new claim is compared with (keeps the cost per claim bounded)


@dataclass(slots=True)
class Fact:
    """One real-world quantity and the claims (one per article at most) that state it."""

    block: tuple[str, ...]
    members: list[AlignItem] = field(default_factory=list)
    scores: dict[ClaimRef, float] = field(default_factory=dict)  # how well each member joined
    predicate_join: bool = False  # two facts joined by join_predicates (same figure, other predicate)
    orders: set[int] = field(default_factory=set)  # the articles (by order) that have a member
    actions: set[str | None] = field(default_factory=set)
    _reps: list[AlignItem] = field(default_factory=list)
    _keys: set[tuple] = field(default_factory=set)

    @classmethod
    def seeded(cls, item: AlignItem) -> Fact:
        """A new fact whose first member is `item`."""
        fact = cls(item.block)
        fact.add(item, 1.0)
        return fact

    def add(self, item: AlignItem, score: float) -> None:
        """Make `item` a member (it joined with alignment score `score`)."""
        self.members.append(item)
        self.scores[item.ref] = score
        self.orders.add(item.order)
        self.actions.add(item.claim.frame.action)
        # one representative per distinct value, action and wording: a retelling that changed a verb is
        # checked against the retelling it came from, not only against the first member
        key = _wording(item)
        if len(self._reps) < 2 or (key not in self._keys and len(self._reps) < REPRESENTATIVES):
            self._reps.append(item)
        self._keys.add(key)

    def insert(self, position: int, item: AlignItem, score: float) -> None:
        """Make `item` the member at `position` of the members, not a representative: what `add` does for a
        claim that joins after the representatives were chosen (it had their wording, or they were full)."""
        self.members.insert(position, item)
        self.scores[item.ref] = score
        self.orders.add(item.order)
        self.actions.add(item.claim.frame.action)
        self._keys.add(_wording(item))

    def prefix(self, n: int) -> Fact:
        """The fact as it stood when its first `n` members had joined (their representatives and actions)."""
        fact = Fact(self.block)
        for m in self.members[:n]:
            fact.add(m, self.scores[m.ref])
        return fact

    def relabel(self, items: dict[ClaimRef, AlignItem]) -> None:
        """Put `items` in place of the members of the same claims (their copy group was renumbered)."""
        self.members = [items.get(m.ref, m) for m in self.members]
        self._reps = [items.get(m.ref, m) for m in self._reps]

    def copy(self) -> Fact:
        """An independent copy (merging facts changes the facts it merges)."""
        return Fact(self.block, list(self.members), dict(self.scores), self.predicate_join, set(self.orders),
                    set(self.actions), list(self._reps), set(self._keys))

    def absorb(self, other: Fact) -> None:
        """Take over the members of another fact."""
        for m in other.members:
            self.add(m, other.scores[m.ref])

    def representatives(self) -> list[AlignItem]:
        """A bounded sample of members: the first ones and one per distinct value, action and wording."""
        return self._reps


def _wording(item: AlignItem) -> tuple:
    """What tells representatives apart: value, action and the sentence's wording."""
    return (item.claim.value.low, item.claim.value.high, item.claim.frame.action, item.context)
