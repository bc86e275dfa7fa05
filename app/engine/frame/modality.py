"""How a figure is put: reported, estimated, forecast, target, previous, another year's (historical), or a
count in progress (partial).

    >>> from datetime import date
    >>> from app.engine.text import read_sentences
    >>> s = read_sentences("Economists had expected 170,000 jobs; the economy added 143,000.")[0]
    >>> modality_of(s.words, s.clauses, 3, 5), modality_of(s.words, s.clauses, 10, 11)
    ('forecast', 'reported')
    >>> s = read_sentences("In 1970 a quake of the same size killed 300 people.")[0]
    >>> modality_of(s.words, s.clauses, 9, 11, date(2025, 3, 1))
    'historical'

Cue phrases: lexicon/modality.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from app.engine import lexicon as lx
from app.engine.extract.dates.spans import is_year_token
from app.engine.extract.dates.tense import direction
from app.engine.extract.nouns import superlative_base
from app.engine.extract.numbers import change_from
from app.engine.text import Token

_ORDER = ("forecast", "target", "planned", "previous", "peak", "capacity", "estimated")
_UNTIL = frozenset(("until", "through", "till", "untill", "thru"))
# a duration these words follow places another time or measures a margin ("one day after the flood",
# "42 seconds off the record", "14 seconds clear of the field", "five seconds slower")
_RELATIVE = frozenset(("after", "before", "later", "earlier", "off", "clear", "slower", "faster", "ahead",
                       "behind", "quicker", "short", "late", "early", "from", "into", "left", "remaining",
                       "since"))
# ("three minutes from time", "23 minutes into the final", "with 10 minutes left": a moment, no span; "the
# 140 years since the office was created": the time from another event, not a span of this one)


Phrases = dict[str, tuple[tuple[str, ...], ...]]  # phrases by their first word


def _by_first(phrases) -> Phrases:
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        out.setdefault(p[0], []).append(tuple(p))
    return {k: tuple(v) for k, v in out.items()}


Cue = tuple[tuple[str, ...], str, frozenset[str]]  # a phrase, its modality, the words after it that undo it
Cues = dict[str, tuple[Cue, ...]]  # cues by their phrase's first word


@dataclass(frozen=True, slots=True)
class _CueTable:
    """Every modality's cue phrases in one index per place, with how far each place reaches."""

    reach: int
    reach_after: int
    far_reach: int
    before: Cues  # within `reach` words before the figure
    after: Cues  # within `reach_after` words after it
    far: Cues  # within `far_reach` words before it
    near: Cues  # right before it (by the phrase's last word)


@cache
def _cues() -> _CueTable:
    """The cue phrases of modality.toml, indexed."""
    t = lx.table("modality")
    sides: dict[str, dict[str, list[Cue]]] = {side: {} for side in ("before", "after", "far", "near")}
    for name in _ORDER:
        # a poll's cues ([forecast.polls]) and nouns that cue only right before a figure ([target.nouns])
        for group in (t[name], t[name].get("polls", {}), t[name].get("nouns", {})):
            unless = frozenset(group.get("unless", ()))
            for side, index in sides.items():
                for phrase in group.get(side, ()):
                    words = tuple(phrase.split())
                    index.setdefault(words[0], []).append((words, name, unless))
    near: dict[str, list[Cue]] = {}
    for cue in (c for cs in sides["near"].values() for c in cs):
        near.setdefault(cue[0][-1], []).append(cue)
    sides["near"] = near
    frozen = {side: {k: tuple(v) for k, v in index.items()} for side, index in sides.items()}
    return _CueTable(t["reach"], t["reach_after"], t["far_reach"], **frozen)


def _cued(norms: tuple[str, ...], cues: Cues) -> set[str]:
    """The modalities whose cue phrases occur in `norms`, each not followed by a word that undoes it
    ("polls had" Yes ahead, but "polls had closed")."""
    out = set()
    for i, word in enumerate(norms):
        for phrase, name, unless in cues.get(word, ()):
            j = i + len(phrase)
            if norms[i:j] == phrase and not (j < len(norms) and norms[j] in unless):
                out.add(name)
    return out


def _cued_last(norms: tuple[str, ...], by_last: Cues) -> set[str]:
    """The modalities of the cue phrases that end `norms` (the words right before a figure); `by_last`
    holds the phrases by their last word."""
    if not norms:
        return set()
    return {name for phrase, name, _ in by_last.get(norms[-1], ()) if norms[-len(phrase):] == phrase}


@cache
def _record_cues() -> tuple[int, Phrases, frozenset[str]]:
    t = lx.table("modality")["previous"]["record"]
    return t["reach"], _by_first(p.split() for p in t["before"]), frozenset(t["stops"])


def _broken_record(before: tuple[str, ...]) -> bool:
    """A record the figure broke is named right before it, with no word between that leads to a new
    figure ("lowering the 2:06:23 course record", not "breaking the turnout record with 71%")."""
    reach, cues, stops = _record_cues()
    window = before[-reach:]
    for i, word in enumerate(window):
        for cue in cues.get(word, ()):
            if window[i : i + len(cue)] == cue and not stops & set(window[i + len(cue) :]):
                return True
    return False


@cache
def _past_spans() -> Phrases:
    """The calendar's relative spans that lie before the publication ("last year", "a year earlier")."""
    spans = lx.calendar().relative_spans.items()
    units = set(lx.table("modality")["previous"]["period_units"])

    def period(p: tuple[str, ...], spec: str) -> bool:  # "last month": the figure's own period
        return (p[0] == "last" or p[:2] == ("the", "last")) and spec.partition(":")[0] in units

    return _by_first(p for p, spec in spans if spec.partition(":")[2].startswith("-") and not period(p, spec))


def _found(norms: tuple[str, ...], phrases: Phrases) -> bool:
    for i, word in enumerate(norms):
        for p in phrases.get(word, ()):
            if norms[i : i + len(p)] == p:
                return True
    return False


@cache
def _partial() -> tuple[Phrases, frozenset[str], Phrases, frozenset[str]]:
    """(phrases of a count in progress, words that say it is complete, things counted, words of counting)."""
    t = lx.table("modality")["partial"]
    return (_by_first(tuple(p.split()) for p in t["phrases"]), frozenset(t["complete"]),
            _by_first(tuple(p.split()) for p in t["counted_things"]), frozenset(t["counted"]))


@cache
def _clause_final() -> frozenset[str]:
    return lx.words("modality", "partial", "clause_final")


_CLAUSE_ENDS = frozenset((",", ".", ";", ":", ")", "—", "–", "!", "?"))


def partial_count(words: list[Token]) -> bool:
    """Does the sentence say that the count was still in progress ("With 80% of ballots counted", "95% of
    precincts reporting", "according to preliminary results")? Read once per sentence."""
    phrases, complete, things, _ = _partial()
    norms = tuple(w.norm for w in words)
    if _found(norms, phrases):
        return True
    for i in range(len(norms)):
        if norms[i] in things and _counted_at(norms, i) and not complete & set(norms[max(0, i - 3) : i]):
            return True
    return False


def _counted_at(norms: tuple[str, ...], i: int) -> int:
    """The length of "<things> <counted>" at norms[i] ("ballots counted", "precincts reporting"), or 0."""
    _, _, things, counted = _partial()
    for thing in things.get(norms[i], ()):
        j = i + len(thing)
        if norms[i:j] == thing and j < len(norms) and norms[j] in counted:
            if norms[j] in _clause_final() and j + 1 < len(norms) and norms[j + 1] not in _CLAUSE_ENDS:
                continue  # "54.4% of the vote in Tessaly's referendum": a place, no count in progress
            return j + 1 - i
    return 0


def counts_progress(words: list[Token], after: int) -> bool:
    """Is the figure ending before words[after] how much of the vote was counted ("80% of ballots counted",
    "99.6 percent of the precincts reporting")? It says when the other figures were given, no fact."""
    norms = tuple(w.norm for w in words[after : after + 6])
    if not norms or norms[0] != "of":
        return False
    k = 2 if len(norms) > 1 and norms[1] == "the" else 1
    return k < len(norms) and _counted_at(norms, k) > 0


_PROVISIONAL = frozenset(("percent", "count", "number"))  # what a count in progress makes provisional


def modality_of(words: list[Token], clauses: list[int], first: int, after: int,
                published: date | None = None, kind: str = "count", partial: bool = False) -> str:
    """The modality of the figure at words[first:after], from cue phrases in its clause around it, or
    "historical" when its clause names another year than the publication's. A duration that places another
    time ("one day after the flood", "a week later") is "relative"; a date after "since" is a reference
    point ("historical"), not the event's date."""
    before_word = words[first - 1].norm if first > 0 else ""
    if kind == "date" and first >= 3 and (words[first - 2].norm, before_word) == ("at", "least"):
        before_word = words[first - 3].norm  # "closed until at least Friday": until
    if kind == "duration" and (after < len(words) and words[after].norm in _RELATIVE
                               or before_word in ("first", "next", "last", "by")):
        return "relative"  # "one day after the flood", "the first three days", "beat it by 42 seconds"
    if kind == "duration" and before_word == "in" and _since_last(words, clauses, first):
        return "relative"  # "the first talks in over three years", "its lowest level in 15 years"
    if kind == "date" and before_word in _UNTIL:
        return "until"  # "schools stay shut through Wednesday": the end of a span, not the day of the event
    if kind == "date" and _opens_span(words, clauses, first):
        return "historical"  # "since May", "since the outbreak began in late January"
    if kind == "date" and before_word == "by" and direction(words, first, after) >= 0:
        return "target"  # "by 2030": a deadline, not the date of the event (but "By Monday, the flood had
        # killed 82" says as of when)
    if kind == "date" and _base_of_change(words, first, before_word):
        return "previous"  # "up 3.9% from a year earlier": the base of a change, not the figure's time
    if kind not in ("date", "time") and first > 0 and change_from(words, first - 1) and (
            _figure_before(words, first) or _changed_before(words, first - 1)):
        return "previous"  # "raised the rate to 6.25% from 5.75%", "rose from 62 to 64"; not "trades from
        # 310 stores" nor "evacuated from 12 villages"
    cues = _cues()
    here = clauses[first] if first < len(clauses) else None
    lo = _reach_back(words, clauses, first, cues.reach, kind)
    far_lo = _reach_back(words, clauses, first, cues.far_reach, kind, lo) if lo == first - cues.reach else lo
    hi = after
    while hi < len(words) and hi - after < cues.reach_after and clauses[hi] == here:
        hi += 1
    before = tuple(t.norm for t in words[lo:first])
    behind = tuple(t.norm for t in words[after:hi])
    farther = tuple(t.norm for t in words[far_lo:first])
    cued = (_cued(before, cues.before) | _cued(behind, cues.after) | _cued(farther, cues.far)
            | _cued_last(before, cues.near) | _opening_cue(words, first, cues.before))
    if cued - {"previous"} and _earlier_cue(before, cues.before):
        return "previous"  # "down from a previous forecast of 6% to 7%"
    for name in _ORDER:  # the first modality of the order that is cued wins
        if name in cued:
            return name
    if partial and kind in _PROVISIONAL:
        return "partial"  # "With 80% of ballots counted, No leads with 58.1%"
    if _broken_record(before):
        return "previous"  # "lowering the 2:06:23 course record"
    if _found(behind, _past_spans()):
        return "previous"  # "$3 million a year earlier", "from 5.9% last year"
    own = words[first:after] if kind == "date" else []  # "In 1970 a quake ...": the date is another year's
    if published is not None and _other_year(words[lo:first] + own + _opening_year(words, first), published):
        return "historical"
    if published is not None and kind != "date" and _in_past_year(words[after:hi], published):
        return "historical"  # "since a magnitude 7.4 earthquake in 1987 killed 212 people"
    if published is not None and _other_year(_antecedent(words, clauses, first), published):
        return "historical"  # "since Typhoon Corvel in 2011, whose winds peaked at 205 km/h"
    return "reported"


def _since_last(words: list[Token], clauses: list[int], first: int) -> bool:
    """Does a superlative or a word of modality.toml [since_last] come before the span "in ..." at
    words[first] in its clause: the time since the last such thing, no duration of the event?"""
    marks = lx.words("modality", "since_last")
    here = clauses[first] if first < len(clauses) else None
    return any(clauses[k] == here and (w.norm in marks or superlative_base(w.norm) != w.norm)
               for k, w in enumerate(words[: first - 1]))


def _earlier_cue(before: tuple[str, ...], cues: Cues) -> bool:
    """A word of modality.toml [previous] earlier right before another modality's cue ("a previous
    forecast of", "its initial estimate of")."""
    earlier = lx.words("modality", "previous", "earlier")
    for i, word in enumerate(before[:-1]):
        if word in earlier and any(name != "previous" and before[i + 1 : i + 1 + len(phrase)] == phrase
                                   for phrase, name, _ in cues.get(before[i + 1], ())):
            return True
    return False


_RELATIVES = frozenset(("whose", "which", "when"))


def _antecedent(words: list[Token], clauses: list[int], first: int) -> list[Token]:
    """The clause a relative clause holding the figure refers back to ("Corvel in 2011, whose winds
    peaked at 205 km/h": "Corvel in 2011"), or nothing."""
    here = clauses[first] if first < len(clauses) else None
    comma = next((k for k in range(first, -1, -1) if clauses[k] != here), -1) + 1  # opens the clause
    if comma < 1 or comma + 1 >= len(words) or words[comma].norm != "," or \
            words[comma + 1].norm not in _RELATIVES:
        return []
    before = clauses[comma - 1]  # the clause before the comma
    lo = next((k for k in range(comma - 1, -1, -1) if clauses[k] != before), -1) + 1
    return words[lo:comma]


def _in_past_year(behind: list[Token], published: date) -> bool:
    """'in 1987' among the words after a figure in its clause: the figure is of an earlier year's event."""
    years = [nxt for t, nxt in zip(behind, behind[1:], strict=False)
             if t.norm == "in" and nxt.is_num and is_year_token(nxt)]
    return any(int(y.text) < published.year for y in years)


def _reach_back(words: list[Token], clauses: list[int], first: int, reach: int, kind: str,
                start: int | None = None) -> int:
    """Where the words a cue may stand in before the figure at words[first] begin: at most `reach` words
    back in its clause. A quantity's cue reaches back to the figure before (whose cue it is; a list carries
    it on: continues_list); a date's reaches past it ("targets 2.1 million people and will end on March
    23"). `start`: a shorter reach's answer, to go on from."""
    here = clauses[first] if first < len(clauses) else None
    own = kind in ("date", "time")
    lo = first if start is None else start
    while lo > 0 and first - lo < reach and clauses[lo - 1] == here and (own or not _figure(words[lo - 1])):
        lo -= 1
    return lo


_OPENING = 8  # words of an opening phrase set off by a comma ("At the height of the storm,")


def _opening_cue(words: list[Token], first: int, cues: Cues) -> set[str]:
    """The modalities cued by a short phrase that opens the sentence before a comma, when the figure comes
    after it ("At the peak, 86,000 customers lost power"): such a phrase sets the time of the sentence."""
    comma = opening_comma(words)
    if comma is None or first <= comma or any(_figure(t) for t in words[:comma]):
        return set()  # "Economists expected 170,000, but the economy added 143,000": a clause, no opening
    return _cued(tuple(t.norm for t in words[:comma]), cues)


def opening_comma(words: list[Token]) -> int | None:
    """The comma that ends a short phrase opening the sentence ("At the height of the storm,", "On
    Sunday,"), or None."""
    return next((i for i, t in enumerate(words[: _OPENING + 1]) if t.norm == ","), None)


def _opening_year(words: list[Token], first: int) -> list[Token]:
    """'In 1998, a 7.1 quake in the same region killed 312 people': a year that opens the sentence with its
    own comma sets the time of the whole sentence (the year's words, or none)."""
    if len(words) > 3 and words[0].norm == "in" and words[2].norm == "," and first > 2:
        return [words[1]]
    return []


def _base_of_change(words: list[Token], first: int, before_word: str) -> bool:
    """Is the date at words[first] the base a figure before it changed from ("up 3.9% from a year earlier",
    "higher than last year")? "On" links a base only to a relative span ("up 2% on a year earlier"), never
    to a day ("fell 3.1% on Thursday" is when it fell)."""
    if before_word == "on":
        if first >= len(words) or words[first].norm not in ("a", "the", "last"):
            return False
    elif before_word not in ("from", "than"):
        return False
    return _figure_before(words, first)


def _changed_before(words: list[Token], k: int) -> bool:
    """A word of change (lexicon/trends.toml) within the few words before words[k] ("rose sharply from")."""
    trends = lx.words("trends", "up") | lx.words("trends", "down")
    return any(t.norm in trends for t in words[max(0, k - 3) : k])


def _figure_before(words: list[Token], first: int) -> bool:
    """A figure within the few words before the link word before words[first] ("up 3.9% from ...")."""
    return any(_figure(t) for t in words[max(0, first - 5) : first - 1])


def _figure(t: Token) -> bool:
    """A number of another figure (a year is none: "the forecast for 2027 of 3%")."""
    return t.is_num and not is_year_token(t)


def _opens_span(words: list[Token], clauses: list[int], first: int) -> bool:
    """A date the clause reaches back to ("since ... in late January", "until 2019"): a reference point."""
    here = clauses[first] if first < len(clauses) else None
    for k in range(first - 1, max(-1, first - SPAN_REACH - 1), -1):
        if clauses[k] != here:
            return False
        if words[k].norm in ("since", "until", "before"):
            return True
    return False


SPAN_REACH = 8  # words back from a date to a "since" that opens the span it ends


def _other_year(before: list[Token], published: date) -> bool:
    """A year other than the publication's, not opening a span up to now ("since 2022")."""
    for k, t in enumerate(before):
        if t.is_num and is_year_token(t):
            prev = before[k - 1].norm if k else ""
            if int(t.text) != published.year and prev not in ("since", "from", "until", "through"):
                return True
    return False


CARRIED = frozenset(("forecast", "target", "estimated"))  # modalities a list of figures shares
LIST_GAP = 10  # words between two figures of one list at most


def continues_list(words: list[Token], clauses: list[int], prev_after: int, first: int) -> bool:
    """Does the figure at words[first:] continue the list the figure ending at `prev_after` opened ("The
    exit poll gives Varga 44.1% and Brannik 31.5%, with Oancea third on 10.2%"), so that it is put the
    same way? Not across a contrast, a semicolon, a verb of saying or a verb in the past ("Economists
    expected 170,000 jobs, but the economy added 143,000")."""
    if not 0 < first - prev_after <= LIST_GAP:
        return False
    stops = _list_stops()
    for t in words[prev_after:first]:
        if t.norm in stops or (t.is_word and t.text.islower() and t.norm.endswith("ed")):
            return False
    return clauses[first] - clauses[prev_after - 1] <= 2


@cache
def _list_stops() -> frozenset[str]:
    """What ends a list of figures: a contrast (lexicon/modality.toml [list]) or a verb of saying."""
    return frozenset(lx.table("modality")["list"]["stops"]) | lx.words("frame", "attribution", "verbs")

