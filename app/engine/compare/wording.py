"""The words of a finding: who says what, and what the fact is about, for a person to check.

    >>> from app.engine.compare.align import make_item
    >>> from app.engine.model import ClaimRef
    >>> from app.engine import extract_claims
    >>> claims = extract_claims("Russia fired 472 drones on Sunday.")
    >>> item = make_item(ClaimRef("a", 0), claims[0], "Wire", 0)
    >>> says([item], verbs=True)
    "Wire: '472 drones' (fired)"
"""

from __future__ import annotations

from collections.abc import Sequence

from app.engine.compare.items import AlignItem


def says(members: Sequence[AlignItem], verbs: bool, shown: int = 3) -> str:
    """"AP, WHEC say '472' (fired)": members grouped by what they state, a few sources named each."""
    by_text: dict[tuple[str, str], list[str]] = {}
    for m in members:
        verb = (m.claim.frame.action_word or "") if verbs else ""
        by_text.setdefault((m.claim.text, verb), []).append(m.source)
    parts = []
    for (text, verb), sources in by_text.items():
        more = f" and {len(sources) - shown} more" if len(sources) > shown else ""
        names = ", ".join(sources[:shown]) + more
        verb = f" ({verb})" if verb else ""
        parts.append(f"{names}: {text!r}{verb}")
    return "; ".join(parts)


def fact_label(members: Sequence[AlignItem]) -> str:
    """What the fact is about, from its members' frames: "drone · launch · by russia · on 2025-06-01"."""
    first = members[0].claim.frame

    def pick(attr: str) -> str | None:
        for m in members:
            value = getattr(m.claim.frame, attr)
            if value:
                return value
        return None

    kind = members[0].claim.kind
    if kind in ("count", "number"):
        what = first.counted or pick("noun") or kind
    else:  # a measure: what is measured, then the kind ("rain · quantity", "war · duration")
        noun = pick("noun")
        what = f"{noun} ({kind})" if noun else kind
    parts = [what.replace("_", " ")]
    prefixes = (("action", ""), ("actor", "by "), ("origin", "of "), ("place", "in "), ("time", "on "))
    for attr, prefix in prefixes:
        value = pick(attr)
        if value and not (attr == "origin" and value == pick("actor")):
            parts.append(prefix + value.replace("_", " "))
    if len(parts) == 1:
        common = set.intersection(*(set(m.window) for m in members[:3]))
        parts.extend(sorted(common)[:4])
    return " · ".join(parts)
