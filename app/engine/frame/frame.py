"""Framing one claim: what is counted, the action, the actor, the place, the time, the attribution.

A sentence is read once for all its claims (`SentenceParts`: its words, clauses, action phrases, actors,
places, time words and attribution); each claim then reads only the words within FRAME_WINDOW of it, so
framing stays linear in the length of the sentence.

    >>> s = "Ukraine's air force said Russia fired 114 strike and decoy drones overnight."
    >>> f = frame_span(s, s.index("114"), s.index("114") + 3, kind="count")
    >>> (f.counted, f.noun, f.action, f.actor, f.attribution)
    ('drone', 'strike decoy drone', 'launch', 'russia', "ukraine's air force")

Every word list comes from lexicon/ (counted.toml, actions.toml, actors.toml, frame.toml, calendar.toml).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from app.engine import lexicon as lx
from app.engine.frame.action import Act, action_of, actions, inherited
from app.engine.frame.actor import actor_of, actor_spots, origin_of
from app.engine.frame.attribution import (
    Spot,
    attribution_of,
    claimant_for,
    claimant_spots,
    negated,
    says_when,
)
from app.engine.frame.counted import (
    DETERMINERS,
    counted_noun,
    is_number,
    noun_phrase,
    plural_nouns,
    skip_aside,
    skip_number,
)
from app.engine.frame.modality import counts_progress, modality_of, opening_comma, partial_count
from app.engine.frame.place import place_of, places
from app.engine.frame.polarity import polarity_of
from app.engine.frame.subject import (
    Name,
    age_holder,
    figure_clauses,
    holder_of,
    measure_of,
    names_of,
    participle_subject,
    qualifying,
    scale_subject,
)
from app.engine.frame.time import TimeWord, time_of, time_words, window_of
from app.engine.model import Claim, Frame, Value
from app.engine.text import Sentence, Token, is_plural, lemma

FRAME_WINDOW = 40  # words either side of a claim that its framing reads (verbs, actors, a borrowed noun)
_COUNTS = ("count", "number")


@dataclass(frozen=True, slots=True)
class SentenceParts:
    """What framing reads of a sentence whatever the claim, computed once for all its claims."""

    words: list[Token]
    clauses: list[int]
    ends: list[int]  # word end offsets (to find a claim's first word)
    starts: list[int]
    acts: list[Act]
    actors: list[tuple[int, str]]
    nouns: list[tuple[int, tuple[str, str, tuple[str, ...]]]]  # plural nouns a bare number may borrow
    places: list[tuple[int, str]]
    times: list[TimeWord]
    attribution: str | None
    claimants: list[Spot]
    names: list[Name]
    figure_clauses: list[int]  # clauses with no boundary inside a figure ("2:20:31"): whose figure it is
    partial: bool  # the sentence says the count was in progress ("With 80% of ballots counted")

    def place_of_word(self, offset: int) -> tuple[int, int]:
        """(clause number, word index) of the word at character `offset` of the text."""
        i = min(bisect_right(self.ends, offset), len(self.clauses) - 1)
        return (self.clauses[i], i) if i >= 0 else (0, 0)

    @classmethod
    def of(cls, sentence: Sentence) -> SentenceParts:
        words = sentence.words
        spots = claimant_spots(words)
        # a place named in a source's title is no place of the figures ("Kerr County Sheriff Larry Leitha");
        # the place of a source's office is ("officials in Kendall County reported one death")
        preps = lx.words("frame", "places", "prepositions")
        sourced = [p for p in places(words) if not any(p[0] in span for _, _, span in spots)
                   or (p[0] > 0 and words[p[0] - 1].norm in preps)]
        return cls(words, sentence.clauses, [t.end for t in words], [t.start for t in words],
                   actions(words), actor_spots(words), plural_nouns(words), sourced,
                   time_words(words), attribution_of(words), spots, names_of(words),
                   figure_clauses(words, sentence.clauses), partial_count(words))


def frame_in(parts: SentenceParts, claim: Claim, published_at: date | None = None) -> Frame:
    """Describe who did what to the things `claim` counts, from the parts of its sentence."""
    words, kind = parts.words, claim.kind
    first = bisect_right(parts.ends, claim.start)  # the claim's first word
    after = bisect_left(parts.starts, claim.end)  # the first word after it
    np_from = skip_number(words, first) if kind in _COUNTS else skip_aside(words, after)
    if np_from < len(words) and words[np_from].norm in ("'", "’") and not words[np_from].space_before:
        np_from += 1  # "14 days' notice": a span of notice
    if kind in _COUNTS and np_from + 1 < len(words) and words[np_from].norm in lx.calendar().day_ordinals:
        np_from += 1  # "a third patient has died": patients (extract/ordinals.py)
    if 0 < np_from < len(words) and words[np_from - 1].norm == "of" and words[np_from].norm in DETERMINERS:
        np_from += 1  # "431 of the drones"
        np_from = _past_whole(words, np_from)  # "four of the train's nine carriages": carriages
    if np_from + 1 < len(words) and words[np_from].norm in _PRONOUNS and words[np_from + 1].is_word:
        np_from += 1  # "three of them children": the children
    np = noun_phrase(words, np_from)
    # "hundreds", "billions": a bare vague number (a range with no figure of its own) borrows no noun
    vague = claim.value.nominal is None and claim.value.qualifier == "range"
    borrowed = _borrowed(parts, first) if kind in _COUNTS and not vague else None
    if kind in _COUNTS and not vague and not np and borrowed == (None, None, ()):
        borrowed = _labelled(words, first) or borrowed  # "- Electric cars: over 210,000"
    counted, noun, modifiers = counted_noun(words, np, first, borrowed)
    if kind not in _COUNTS:
        counted = claim.value.unit if kind != "age" else None
    np_end = np[-1] + 1 if np else max(np_from, after)
    if counted and kind in _COUNTS:
        counted = _combined(words, np_end, counted)
    head = (noun or claim.value.unit or "").rpartition(" ")[2]  # the extractor's noun when framing read none
    outcome = lx.outcomes().get(head) if kind in _COUNTS else None
    if outcome and not np and np_from < len(words) and words[np_from].norm == head.lower():
        np_end = np_from + 1  # "two of the injured are ...": "injured" is what is counted, not the verb
    near = [a for a in parts.acts if a.end >= first - FRAME_WINDOW and a.start <= np_end + FRAME_WINDOW]
    act = action_of(words, near, first, np_end)
    acting_from = first  # where the actor of `act` is looked for (before its verb when the verb follows)
    if act is None and kind in ("date", "time"):
        act = _main_clause_act(words, parts.acts, first)  # "On Sunday, Ukraine hit targets"
        acting_from = act.start if act else first
    if kind == "number" and not np and outcome is None:  # "the death toll stands at 24": the toll counts
        measured = measure_of(words, parts.clauses, first, after)  # people killed
        outcome = lx.outcomes().get(measured or "")
        noun = noun or (measured if outcome else None)
        measured_class = lx.counted_class(measured) if measured and not outcome else None
        if measured_class and counted is None:  # "payrolls jumped by 128,000": jobs
            counted, noun = measured_class, measured
    if kind in _COUNTS and counted is None and not np and act is not None and act.start >= after and (
            act.cls in lx.words("frame", "people_actions")):
        counted = "person"  # "71,240 watched", "1,200 were evacuated": what only people do
    state = act is not None and outcome is not None and lx.state_of(act.cls) == outcome
    if outcome and _partitive(words, first, np_from) and not state:  # "two of the injured", "19 of those
        modifiers = (*modifiers, "subset")  # killed": some of the toll, said to be something more
    elif kind in _COUNTS and _some_of_a_set(words, after):  # "86 cases, 61 of them in children": some of a
        modifiers = (*modifiers, "subset")  # set named before, whatever is counted
    if outcome:  # "13 deaths", "68 of the dead", "43 died": people, and what happened to them
        counted = "person"
        if act is None or (act.cls != outcome and not state):  # (but "two of the injured are in critical
            # condition" counts people in that state)
            act = Act(outcome, words[np[-1]].text if np else outcome, np[0] if np else first,
                      np[-1] + 1 if np else first)
    if kind in _COUNTS and act is not None and act.end == first:
        modifiers = (*modifiers, *_agent_sectors(words, parts.clauses, act.start))
    remainder = lx.words("frame", "distinct_set", "remainder")
    if kind in _COUNTS and first > 0 and words[first - 1].norm in remainder:
        modifiers = (*modifiers, words[first - 1].norm)  # "the remaining nine deaths"
    elif kind in _COUNTS and counted != "person" and np_end < len(words) and words[np_end].norm in lx.words(
            "frame", "distinct_set", "remaining_after"):
        modifiers = (*modifiers, "remaining")  # "180,000 homes still without power": what is left
    if kind in _COUNTS and _whole_of_partitive(words, first):
        modifiers, act = (*modifiers, "whole"), None  # "six of the seven members": the board, not who voted
    if _outcome_of_others(act, counted, words, first):
        act = None  # "five people have died ..., as outages peaked at 1.31 million homes": no homes died
    actor = actor_of(words, parts.clauses, parts.actors, act, acting_from, reach=FRAME_WINDOW)
    place, place_inherited = place_of(words, parts.clauses, parts.places, first)
    claimant = claimant_for(parts.claimants, first, after)
    modality = modality_of(words, parts.clauses, first, after, published_at, kind, parts.partial)
    time, as_of = time_of(parts.clauses, parts.times, first, published_at)
    frame = Frame(
        counted=counted,
        noun=noun,
        modifiers=modifiers,
        action=act.cls if act else None,
        action_word=act.text if act else None,
        actor=actor,
        place=place,
        place_inherited=place_inherited,
        action_inherited=inherited(words, act, first),
        time=time,
        as_of=as_of,
        attribution=parts.attribution,
        negated=negated(words, first),
        origin=origin_of(modifiers, act, actor),
        polarity=polarity_of(words, parts.clauses, first, after, claim.trend),
        when_said=(kind in ("date", "time") and says_when(words, first, after)
                   or parts.partial and kind == "percent" and counts_progress(words, after)),
        holder=_holder(parts, kind, first, after, modality),
        measure=_measure(words, parts.clauses, claim, first, after),
        claimant=claimant,
        modality=modality,
        window=window_of(words, parts.clauses, kind, after, first),
    )
    return _as_extracted(claim, frame)


MAIN_VERB_WORDS = 8  # the furthest the verb of the main clause stands after an opening phrase's comma


def _main_clause_act(words: list[Token], acts: list[Act], first: int) -> Act | None:
    """The verb of the main clause after a short opening phrase that holds the date at `first` ("On
    Sunday, Ukraine hit targets"; "Early on May 16, rebels fired 40 rockets"): the date is that verb's."""
    comma = opening_comma(words)
    opens = first == 0 or words[0].norm in lx.words("frame", "opening", "starts")  # "Sunday," / "On Sunday,"
    if comma is None or first >= comma or not opens:
        return None
    return next((a for a in acts if comma < a.start <= comma + MAIN_VERB_WORDS), None)


def _past_whole(words: list[Token], i: int) -> int:
    """After "N of the", skip a possessive and the whole's own number ("of the train's nine carriages")."""
    if i < len(words) and words[i].lower.endswith(("'s", "’s")) and words[i].is_word:
        i += 1
    if i + 1 < len(words) and is_number(words[i]) and words[i + 1].is_word:
        i += 1
    return i


def _whole_of_partitive(words: list[Token], first: int) -> bool:
    """Is the count at `first` the whole a partitive counts from ("six of the seven members", "four of the
    train's nine carriages")? Its size is the set's, not the figure the sentence reports."""
    k = first - 1
    if k >= 0 and words[k].is_word and words[k].lower.endswith(("'s", "’s")):
        k -= 1
    if k >= 0 and words[k].norm in DETERMINERS:
        k -= 1
    return k >= 1 and words[k].norm == "of" and is_number(words[k - 1])


AGENT_WORDS = 3  # words of the agent right before a count's verb read for its sector


def _agent_sectors(words: list[Token], clauses: list[int], verb: int) -> tuple[str, ...]:
    """'private employers added 160,000': the sector of the agent right before the count's verb narrows the
    count (lexicon/frame.toml [subtypes] sectors)."""
    sectors = lx.words("frame", "subtypes", "sectors")
    found = []
    k = verb - 1
    while k >= 0 and verb - k <= AGENT_WORDS and words[k].is_word and clauses[k] == clauses[verb]:
        if words[k].norm in sectors:
            found.append(words[k].norm)
        k -= 1
    return tuple(found)


def _measure(words: list[Token], clauses: list[int], claim: Claim, first: int, after: int) -> str | None:
    """What a measure measures; a reading on a scale names what it reads ("an aftershock of magnitude 6.4",
    "a 7.7-magnitude quake")."""
    if claim.kind == "number" and claim.value.dimension and claim.value.unit in (None, claim.value.dimension):
        return scale_subject(words, first, after, claim.value.dimension)
    return measure_of(words, clauses, first, after) if claim.kind not in (*_COUNTS, "date") else None


def _holder(parts: SentenceParts, kind: str, first: int, after: int, modality: str) -> str | None:
    if kind == "date":
        return None
    if kind == "age":
        found = age_holder(parts.words, parts.names, first, after)
        if found:
            return found
    found = holder_of(parts.words, parts.figure_clauses, parts.names, first, after)
    if found or kind not in _PERFORMANCES or modality in _OTHER_TIME:
        return found  # a count is what was done (its actor); a course's length is the course's; a broken
        # record was another's
    return participle_subject(parts.words, parts.figure_clauses, parts.names, first)


_PERFORMANCES = frozenset(("duration", "percent", "money"))  # a time, a share, a sum someone achieved
_OTHER_TIME = frozenset(("previous", "historical"))


_PRONOUNS = frozenset(("them", "whom", "which", "those", "these"))


def _partitive(words: list[Token], first: int, np_from: int) -> bool:
    """'two of the injured', 'three of them': the number picks some of a set named after "of"."""
    return any(t.norm == "of" for t in words[first:np_from])


def _some_of_a_set(words: list[Token], i: int) -> bool:
    """'61 of them', 'two of whom': the count right before `i` picks some of a set named earlier; '18 of the
    chain's 62 shops', '821,202 of the 1,047,450 registered voters': some of a set it counts too."""
    if i + 1 >= len(words) or words[i].norm != "of":
        return False
    if words[i + 1].norm in _PRONOUNS:
        return True
    # "of 40 miners", "of the 62 shops", "of the chain's 62 shops": a determiner, a possessive, a number
    k = i + 2 if words[i + 1].norm in DETERMINERS else i + 1
    if k < len(words) and words[k].lower.endswith(("'s", "’s")):
        k += 1
    return k < len(words) and is_number(words[k])


def _combined(words: list[Token], np_end: int, counted: str) -> str:
    """'704 drones and missiles': a count of two known classes together is a class of its own
    ("drone+missile"), never compared with a count of either alone."""
    if np_end + 1 >= len(words) or words[np_end].norm not in ("and", "or"):
        return counted
    k = np_end + 1
    while k < len(words) and k <= np_end + 3:
        t = words[k]
        if is_number(t):
            return counted  # "drones and 51 missiles": a second count, not one count of both
        other = lx.counted_class(lemma(t.norm)) if t.is_word else None
        if other and other != counted and is_plural(t.norm):
            return "+".join(sorted((counted, other)))
        k += 1
    return counted


def _borrowed(parts: SentenceParts, first: int) -> tuple[str | None, str | None, tuple[str, ...]]:
    """'eight people were hurt, with three in Kyiv': 'three' counts the nearest plural known noun before
    it (within the window)."""
    i = bisect_left(parts.nouns, (first,)) - 1
    if i >= 0 and parts.nouns[i][0] >= first - FRAME_WINDOW:
        return parts.nouns[i][1]
    return None, None, ()


OWN_OUTCOME_GAP = 2  # at most this many words between an outcome verb and a count of things it is said of


def _outcome_of_others(act: Act | None, counted: str | None, words: list[Token], first: int) -> bool:
    """What happens to people (killed, injured, missing), read off a verb that is not right before it,
    applied to a count of things that are no people ("300 sheep died", "evacuated 400 homes" keep theirs)."""
    return (act is not None and counted is not None and counted not in lx.people_classes()
            and act.cls in _outcome_classes()
            and (inherited(words, act, first) or act.end <= first - OWN_OUTCOME_GAP - 1))


@cache
def _outcome_classes() -> frozenset[str]:
    """The action classes that say what happened to people (kill, wound, missing, ...)."""
    return frozenset(lx.outcomes().values())


_BULLETS = frozenset(("-", "–", "—", "•", "*"))
_LABEL_WORDS = 6  # words of a factbox label ("Calls to the SNS 24 helpline:")


@cache
def _label_ends() -> frozenset[str]:
    """The prepositions that end a label's head ("Calls to the helpline", "Deaths in Tessin")."""
    return lx.words("frame", "places", "prepositions") | {"to"}


def _labelled(words: list[Token], first: int) -> tuple[str, str, tuple[str, ...]] | None:
    """A factbox line names what its bare figure counts before a colon ("- Electric cars: over 210,000",
    "Deaths: 23", "Calls to the helpline: almost 15,000"): the label's head noun, the word before its first
    preposition, when it is plural or names an outcome."""
    start = 1 if words and words[0].norm in _BULLETS else 0
    reach = min(first, start + _LABEL_WORDS + 1)
    colon = next((k for k in range(start, reach) if words[k].norm == ":"), None)
    if colon is None or colon == start or any(not qualifying(w) for w in words[colon + 1 : first]):
        return None
    label = words[start:colon]
    end = next((k for k, w in enumerate(label) if w.norm in _label_ends()), len(label))
    if end == 0 or not label[end - 1].is_word:
        return None
    head = label[end - 1].norm
    base = lemma(head)
    if not (is_plural(head) or base in lx.outcomes()):
        return None
    mods = tuple(w.norm for w in label[: end - 1] if w.is_word)
    return lx.counted_class(base) or base, base, mods


def _as_extracted(claim: Claim, frame: Frame) -> Frame:
    """What the extractor settled wins: a reading on a scale ('magnitude 5.1', value.dimension) measures
    that scale; a count keeps its counted noun when the framing read past it ('640 staff and produce')
    or took a pronoun ('three of them')."""
    unit, dim = claim.value.unit, claim.value.dimension
    if claim.kind == "number" and dim and unit in (None, dim):
        return replace(frame, counted=dim, noun=dim)
    head = unit.rsplit(" ", 1)[-1].lower() if unit else None  # the unit names the phrase: "russian drone"
    if claim.kind == "count" and head and " per " not in unit and not (frame.noun or "").endswith(head):
        counted = "person" if head in lx.outcomes() else lx.counted_class(head) or head
        return replace(frame, counted=counted, noun=head)
    return frame


def frame_span(sentence: str, start: int, end: int, kind: str = "count", unit: str | None = None,
               published_at: date | None = None, trend: str | None = None) -> Frame:
    """Frame the figure at `sentence[start:end]` (offsets into the sentence) as a claim of `kind`."""
    claim = Claim(start, end, sentence[start:end], kind, Value(None, None, None, unit=unit),  # type: ignore
                  0, len(sentence), sentence, trend=trend)  # type: ignore[arg-type]
    return frame_in(SentenceParts.of(Sentence(0, sentence)), claim, published_at)
