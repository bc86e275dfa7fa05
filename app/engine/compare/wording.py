"""The words of a finding, for a person to check: who says what, what the fact is, why the claims were joined.

    >>> from app.engine.compare.align import make_item
    >>> from app.engine.model import ClaimRef
    >>> from app.engine import extract_claims
    >>> from datetime import date
    >>> day = date(2025, 6, 1)
    >>> items = [make_item(ClaimRef(a, 0), extract_claims(t, day)[0], a, 0, published_at=day)
    ...          for a, t in (("Wire", "Russia fired 472 drones at Kyiv on Sunday."),
    ...                       ("Desk", "Russia fired 427 drones at Kyiv on Sunday."))]
    >>> says(items[:1], verbs=True)
    "Wire: '472 drones' (fired)"
    >>> fact_label(items)
    'drones launched by Russia in Kyiv on 1 Jun 2025'
    >>> shared_key(items)  # doctest: +NORMALIZE_WHITESPACE
    "same action (launched), same place (Kyiv), same day (1 Jun 2025), same actor (Russia),
     one figure with a digit changed or swapped ('472 drones' / '427 drones')"

Action labels are data (lexicon/actions.toml [labels]).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import cache

from app.engine import lexicon as lx
from app.engine.compare.items import AlignItem
from app.engine.compare.keys import head, slipped
from app.engine.text import plural

SHOWN = 3  # sources named per statement before "and N more"
_MODALITY_WORDS = {"estimated": "estimate", "forecast": "forecast", "target": "target", "planned": "planned",
                   "previous": "earlier figure", "historical": "another time", "relative": "relative time",
                   "partial": "partial count", "capacity": "capacity"}


@cache
def _labels() -> dict[str, str]:
    return dict(lx.table("actions")["labels"])


def action_label(action: str | None) -> str | None:
    """The words of an action class for people: "launch" -> "launched", "intercept" -> "shot down"."""
    return _labels().get(action, action) if action else None


def says(members: Sequence[AlignItem], verbs: bool, shown: int = SHOWN) -> str:
    """"AP, WHEC: '472' (fired)": members grouped by what they state, a few sources named each; outlets
    that carry one copy of a text are said to."""
    by_text: dict[tuple[str, str], list[AlignItem]] = {}
    for m in members:
        verb = (m.claim.frame.action_word or "") if verbs else ""
        by_text.setdefault((m.claim.text, verb), []).append(m)
    parts = []
    for (text, verb), group in by_text.items():
        sources = list(dict.fromkeys(m.source for m in group))
        more = f" and {len(sources) - shown} more" if len(sources) > shown else ""
        names = ", ".join(sources[:shown]) + more
        verb = f" ({verb})" if verb else ""
        parts.append(f"{names}: {text!r}{verb}")
    return "; ".join(parts) + copies_note(members)


def copies_note(members: Sequence[AlignItem]) -> str:
    """" (KOB 4 and WHEC carry the same copy)": outlets of one copy group, which count as one source."""
    groups: dict[int, list[str]] = {}
    for m in members:
        groups.setdefault(m.copy_group, [])
        if m.source not in groups[m.copy_group]:
            groups[m.copy_group].append(m.source)
    notes = [f"{', '.join(g[:-1])} and {g[-1]} carry the same copy" for g in groups.values() if len(g) > 1]
    return f" ({'; '.join(notes)})" if notes else ""


def _field(member: AlignItem, attr: str) -> str | None:
    """A frame field as compared: a measure as its group's first word ("ballot" and "voter": vote;
    lexicon/frame.toml [measure.same])."""
    value = getattr(member.claim.frame, attr)
    return lx.measures().get(value, value) if attr == "measure" and value else value


def _pick(members: Sequence[AlignItem], attr: str) -> str | None:
    """The value of a frame field most members state (ties: the first stated)."""
    values = [v for v in (_field(m, attr) for m in members) if v]
    return Counter(values).most_common(1)[0][0] if values else None


def _title(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in words.split())


def say_date(iso: str | None) -> str | None:
    """"2025-06-01" -> "1 Jun 2025"; "2025-05-31/2025-06-01" -> "31 May–1 Jun 2025"."""
    if not iso:
        return None
    if iso.startswith("--"):  # a month and a day, no year: "--03-28" -> "28 Mar"
        return _say_month_day(iso)
    first, _, last = iso.partition("/")
    try:
        a = date.fromisoformat(first)
        b = date.fromisoformat(last) if last else a
    except ValueError:
        return iso
    if a == b:
        return f"{a.day} {a:%b} {a.year}"
    if a.year == b.year:
        return f"{a.day} {a:%b}–{b.day} {b:%b} {b.year}"
    return f"{a.day} {a:%b} {a.year}–{b.day} {b:%b} {b.year}"


def _say_month_day(iso: str) -> str:
    days = []
    for part in iso.split("/"):
        try:
            d = date(2000, int(part[2:4]), int(part[5:7]))
        except ValueError:
            return iso
        days.append(f"{d.day} {d:%b}")
    return "–".join(dict.fromkeys(days))


def fact_label(members: Sequence[AlignItem]) -> str:
    """What the fact is, in words: "drones launched by Russia in Kyiv on 1 Jun 2025", "Varga's share of the
    vote", "winds (speed) in Carmona", "date of the runoff"."""
    kind = members[0].claim.kind
    noun = _pick(members, "noun")
    measure = _pick(members, "measure")
    holder = _pick(members, "holder")
    if kind in ("count", "number"):
        counted = members[0].claim.frame.counted or noun or kind
        head = noun.rpartition(" ")[2] if noun else counted
        what = plural(head.replace("_", " ")) if head else "things"
        action = action_label(_pick(members, "action"))
        if action:
            what += f" {action}"
    else:
        subject = measure or noun
        what = {"date": "date", "time": "time", "duration": "how long", "age": "age"}.get(kind, kind)
        if subject and kind in ("date", "time"):
            what = f"{what} of the {subject}"
        elif subject:
            what = f"{subject} ({what})"
    if holder:
        what = f"{_title(holder)}'s {what}"
    parts = [what]
    actor = _pick(members, "actor")
    if actor and kind in ("count", "number"):
        parts.append(f"by {_title(actor)}")
    place = _pick(members, "place")
    if place:
        parts.append("in " + " and ".join(_title(p) for p in place.split("; ")))
    when = say_date(_pick([m for m in members if not m.claim.frame.as_of], "time"))  # not when it was said
    if when:
        parts.append(f"on {when}")
    modality = _pick(members, "modality")
    label = " ".join(parts)
    if modality in _MODALITY_WORDS:
        label = f"{_MODALITY_WORDS[modality]}: {label}"
    return label


def shared_key(members: Sequence[AlignItem]) -> str:
    """Why the claims were joined, in words: the parts of their fact key every member states alike."""
    def common(attr: str) -> str | None:
        values = {_field(m, attr) for m in members}
        return values.pop() if len(values) == 1 and None not in values else None

    parts = []
    if len({(m.claim.sentence, m.claim.start - m.claim.sentence_start) for m in members}) == 1:
        parts.append("the same sentence")
    action = common("action")
    if action:
        parts.append(f"same action ({action_label(action)})")
    measures = {m.claim.frame.measure for m in members}
    if None not in measures and len({head(x) for x in measures}) == 1:  # "unemployment rate" / "unemployment"
        named = measures.pop() if len(measures) == 1 else head(next(iter(measures)))
        parts.append(f"same measure ({_title(named)})")
    for attr, words in (("holder", "holder"), ("place", "place")):
        value = common(attr)
        if value:
            parts.append(f"same {words} ({' and '.join(_title(v) for v in value.split('; '))})")
    when = say_date(common("time"))
    if when:
        parts.append(f"same day ({when})")
    actor = common("actor")
    if actor:
        parts.append(f"same actor ({_title(actor)})")
    claimant = common("claimant")
    if claimant:
        parts.append(f"same source ({claimant})")
    figures = list({m.claim.text: m.claim for m in members}.values())  # a fact states few figures
    slip = next(((a, b) for i, a in enumerate(figures) for b in figures[i + 1:] if slipped(a, b)), None)
    if slip:
        parts.append(f"one figure with a digit changed or swapped ('{slip[0].text}' / '{slip[1].text}')")
    return ", ".join(parts) if parts else "similar sentences"
