"""A quantity found in the tokens of one sentence, filled in by the extract/ readers (then a Claim)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.engine.extract.dates import DateMatch
from app.engine.extract.nouns import NounPhrase
from app.engine.extract.numbers import NumberMatch
from app.engine.extract.units import Unit

AGE = Unit("year of age", "age", "year")
# an age stated in another unit: "a six-month-old baby", "a three-week-old calf" (named as NewsQuant does)
AGES = {
    "year": AGE,
    "month": Unit("month of age", "age", "month"),
    "week": Unit("week of age", "age", "week"),
    "day": Unit("day of age", "age", "day"),
}
SECOND = Unit("second", "duration", "second")
MINUTE = Unit("minute", "duration", "minute")


@dataclass(slots=True)
class Quantity:
    """One quantity (or date) found at tokens[start:end]."""

    start: int
    end: int
    kind: str
    number: NumberMatch | None = None
    unit: Unit | None = None
    noun: NounPhrase | None = None
    date: DateMatch | None = None
    trend: str | None = None
    converted: list[Quantity] = field(default_factory=list)
    is_conversion: bool = False
    per: str | None = None  # "three thousand tests per day": the counted noun's rate
    scale: str | None = None  # "magnitude 5.1": the scale a bare number is read on (no unit, no noun)

    @property
    def unit_name(self) -> str | None:
        if self.unit is not None:
            return self.unit.name
        if self.noun is not None:
            name = self.noun.label or self.noun.head
            return f"{name} per {self.per}" if self.per else name
        if self.scale is not None:
            return self.scale  # "magnitude 6.8", "7.7 on the Richter scale": the scale it is read on
        return f"count per {self.per}" if self.per else None
