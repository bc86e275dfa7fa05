"""Qualifier phrases and what each does to a number (data: qualifiers.toml), looked up by token tuple.

    >>> q = qualifiers().before[("more", "than")]
    >>> (q.qualifier, q.strict, q.tolerance)
    ('lower_bound', True, None)
    >>> qualifiers().before[("barely",)].tolerance
    0.1
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from app.engine.lexicon.load import table, words


@dataclass(frozen=True, slots=True)
class Qualifier:
    """What a qualifier phrase does to the figure it qualifies."""

    phrase: str
    qualifier: str  # "lower_bound" | "upper_bound" | "approximate"
    strict: bool = False  # the figure itself is excluded ("more than 40")
    tolerance: float | None = None  # reach of an approximation, or of a close bound ("nearly 40": 0.1)


@dataclass(frozen=True, slots=True)
class Qualifiers:
    before: dict[tuple[str, ...], Qualifier]
    after: dict[tuple[str, ...], Qualifier]
    not_after_determiner: frozenset[str]
    verb_particles: dict[str, frozenset[str]]  # "up to" after "revised": the verb's particle, no bound
    converted_rounding: float  # relative tolerance between figures stated in different units
    approximate_by_digits: tuple[float, ...]  # reach of "about N" by N's significant digits (1, 2, 3+)
    fraction_rounding: float = 4.0  # percentage points a fraction word admits either side ("a third")

    def approximate_reach(self, figure: float) -> float:
        """How far "about `figure`" reaches, relative: the more precise the figure, the less."""
        digits = f"{abs(figure):.10g}".replace(".", "").replace("-", "").strip("0") or "0"
        table = self.approximate_by_digits
        return table[min(len(digits), len(table)) - 1]


def _phrases(section: dict[str, dict], tolerance: dict[str, float]) -> dict[tuple[str, ...], Qualifier]:
    out = {}
    for phrase, p in section.items():
        reach = p.get("tolerance")
        if reach is None and p.get("close"):
            reach = tolerance["close"]
        out[tuple(phrase.lower().split())] = Qualifier(phrase, p["qualifier"], p.get("strict", False), reach)
    return out


@cache
def qualifiers() -> Qualifiers:
    """The qualifier table, loaded once."""
    t = table("qualifiers")
    return Qualifiers(
        _phrases(t["before"], t["tolerance"]),
        _phrases(t["after"], t["tolerance"]),
        words("qualifiers", "not_after_determiner"),
        {phrase: frozenset(verbs) for phrase, verbs in t["verb_particles"].items()},
        float(t["rounding"]["converted_relative"]),
        tuple(float(x) for x in t["tolerance"]["approximate_by_digits"]),
        float(t["rounding"]["fraction_points"]),
    )
