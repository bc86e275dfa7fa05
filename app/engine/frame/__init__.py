"""Frame stage: what each claim counts, the action, actor, place, time and attribution (its fact key).

Framing happens once, here, at extraction: each sentence is read once for all its claims (frame.py), and
the comparison reads the frames as they are.

    >>> from app.engine.extract.claims import read_claims
    >>> from app.engine.text import read_sentences
    >>> text = "Russia fired 472 drones on Sunday, the air force said."
    >>> sentences = read_sentences(text)
    >>> claims = frame_claims(read_claims(text, sentences), sentences)
    >>> [(c.text, c.frame.action, c.frame.time) for c in claims]
    [('472 drones', 'launch', 'sunday'), ('Sunday', 'launch', None)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from app.engine.budget import charge
from app.engine.frame.frame import SentenceParts, frame_in
from app.engine.frame.modality import CARRIED, continues_list
from app.engine.frame.time import event_time, long_before, of_a_past_date, of_another_year, reported_on
from app.engine.model import Claim, Frame
from app.engine.text import Sentence


def frame_claims(claims: Sequence[Claim], sentences: Sequence[Sentence], published_at: date | None = None
                 ) -> list[Claim]:
    """The claims of one text, read from `sentences`, framed; event times settled against the dates of
    their sentences."""
    by_start = {s.start: s for s in sentences}
    parts: dict[int, SentenceParts] = {}
    frames: list[Frame] = []
    for c in claims:
        charge(steps=len(c.sentence))
        if c.sentence_start not in parts:
            sentence = by_start.get(c.sentence_start) or Sentence(c.sentence_start, c.sentence)
            parts[c.sentence_start] = SentenceParts.of(sentence)
        frames.append(frame_in(parts[c.sentence_start], c, published_at))
    _carry_modality(claims, frames, parts)
    _compared_measure(claims, frames)
    dates: dict[int, list[Claim]] = {}
    past: dict[int, list[Claim]] = {}
    said: set[int] = set()  # where the dates that tell when something was said start
    bases: dict[int, set[str]] = {}  # days of earlier figures ("up from 61 a week ago"), per sentence
    for c, f in zip(claims, frames, strict=True):
        if c.kind == "date" and f.modality == "reported":  # not "since May", "by 2030", "next week"
            dates.setdefault(c.sentence_start, []).append(c)
            if f.when_said:
                said.add(c.start)
        elif c.kind == "date" and long_before(c, published_at):
            past.setdefault(c.sentence_start, []).append(c)
        if c.kind == "date" and f.modality == "previous" and c.value.iso:
            bases.setdefault(c.sentence_start, set()).add(c.value.iso)
    figures = [c for c in claims if c.kind not in ("date", "time")]
    # a claim is rebuilt once, with its final frame (a frame's own changes are cheap; a claim's are not)
    out = []
    for c, f in zip(claims, frames, strict=True):
        place_of_word = parts[c.sentence_start].place_of_word
        if f.time in bases.get(c.sentence_start, ()) and f.modality == "reported":
            f = replace(f, time=None, as_of=False)  # "84 cases, up from 61 a week ago": the day is 61's
        f = reported_on(event_time(c, f, dates.get(c.sentence_start, ()), said, place_of_word))
        if c.kind not in ("date", "time"):
            f = of_another_year(f, published_at)
        if c.sentence_start in past and c.kind not in ("date", "time") and f.modality == "reported":
            f = of_a_past_date(c, f, past[c.sentence_start], figures, parts[c.sentence_start].words,
                               place_of_word)
        out.append(replace(c, frame=f))
    return out


def _carry_modality(claims: Sequence[Claim], frames: list[Frame], parts: dict[int, SentenceParts]) -> None:
    """A figure with no cue of its own that continues a list of forecast, estimated or targeted figures is
    put the same way ("The exit poll gives Varga 44.1% and Brannik 31.5%"): `frames` is updated in place."""
    last: dict[tuple[int, str], int] = {}  # the figure of each kind before, in its sentence (its index)
    for k, c in enumerate(claims):
        prev = last.get((c.sentence_start, c.kind))
        if (prev is not None
                and frames[prev].modality in CARRIED and frames[k].modality == "reported"):
            p = parts[c.sentence_start]
            _, prev_after = p.place_of_word(claims[prev].end - 1)
            _, first = p.place_of_word(c.start)
            if continues_list(p.words, p.clauses, prev_after + 1, first):
                frames[k] = replace(frames[k], modality=frames[prev].modality)
        last[(c.sentence_start, c.kind)] = k


def _compared_measure(claims: Sequence[Claim], frames: list[Frame]) -> None:
    """An earlier figure a figure is compared with measures what it measures ("Profit climbed to $412m,
    compared with $380m": $380m was profit; "revenue of $4.2bn, up 6% from $3.96bn": revenue): `frames`
    is updated in place."""
    last: dict[tuple[int, str], str] = {}  # the measure of the figure of each kind before, in its sentence
    for k, c in enumerate(claims):
        f = frames[k]
        measure = last.get((c.sentence_start, c.kind))
        if measure and f.modality == "previous" and not f.measure:
            frames[k] = replace(f, measure=measure)
        elif f.measure and f.modality != "previous":
            last[(c.sentence_start, c.kind)] = f.measure


def frame_claim(claim: Claim, published_at: date | None = None) -> Frame:
    """The frame of one claim on its own (a stored claim, a claim built by hand), from its sentence."""
    return frame_in(SentenceParts.of(Sentence(claim.sentence_start, claim.sentence)), claim, published_at)
