"""The engine's vocabulary: the dataclasses that cross module boundaries.

Everything here is plain data. Offsets (`start`, `end`) always index the article text exactly as submitted
(Python string indexing, end exclusive), so a caller can slice the original text with them.

The pipeline: packages read left to right, each importing only from the ones before it, chained in
app/engine/__init__.py (a test walks the imports):

    lexicon/   the data files and their one loader
    text/      -> Segment: sentences with offsets and context (body | caption | boilerplate), tokens, lemmas
    extract/   -> Claim with a Value: numbers, units, dates, counted nouns; one text -> unframed claims
    frame/     -> Frame: what is counted, action, actor, place, time, attribution (the claim's fact key)
    compare/   -> Story, Finding, Report: stories, wire copies, aligned facts, verdicts, corrections
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Qualifier = Literal["exact", "approximate", "lower_bound", "upper_bound", "range"]
Trend = Literal["up", "down"]
ClaimKind = Literal[
    "count",  # a number of things: "653 drones"  (value.unit = the counted noun's class, e.g. "drone")
    "quantity",  # a physical quantity with a unit: "7,000 kilometers"
    "money",  # a currency amount: "$7 billion"
    "percent",  # "2.5%", "3 percentage points"
    "duration",  # "18 months", "a year and a half"
    "age",  # "a 17-year-old girl"
    "date",  # "May 16", "Sunday", "last night" (value.low/high are ordinal days, see Value)
    "time",  # clock times: "11 a.m.", "23:47 GMT" (value: minutes after midnight, value.zone; see Value)
    "number",  # a bare dimensionless number we could not attach to anything
]
Context = Literal["body", "caption", "boilerplate"]
FindingType = Literal["agreement", "discrepancy", "correction"]
Severity = Literal["info", "low", "medium", "high"]


@dataclass(frozen=True, slots=True)
class Value:
    """A normalised value: the interval a claim admits, in the unit it was stated in.

    `nominal` is the number as stated ("more than 40" -> 40); `low`/`high` the interval it admits
    (None = open on that side): "more than 40" -> (40, None) strict, "nearly 40" -> (None, 40) with a close
    `tolerance`, "about 40" -> (36, 44) with the tolerance named in `tolerance`; "between 10 and 20" ->
    (10, 20), qualifier "range". The qualifier's properties are recorded here once, at extraction, so the
    verdicts never read the claim's words again.
    For dates, `low`/`high` are proleptic ordinals (date.toordinal()) and `iso` holds the ISO date/interval.
    For clock times (kind "time"), `nominal`/`low`/`high` are minutes after midnight as stated ("23:47" ->
    1427; "shortly before 8 p.m." -> high 1200), `zone` the zone as stated ("GMT", "UTC+3", "EST", "local",
    None when none is stated) and, when the zone has a fixed UTC offset, `base_unit` is "minute UTC" and
    `base_*` the minutes after midnight UTC (mod 1440); `iso` is the local date-time as stated
    ("2025-09-23T23:47", in `zone`) when the sentence or the publication date fixes the day. Durations
    and elapsed times ("2:06:23", "2 hours, 1 minute and 39 seconds") have `base_unit` "second".
    `base_*` restate low/nominal/high in `base_unit` (pint's base unit of the dimension, e.g. "meter",
    "second", or "USD" for money) so that values in different units compare directly.
    """

    nominal: float | None
    low: float | None
    high: float | None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    # relative reach: of an approximation ("about 40": 36..44, already in low/high), or of a close bound
    # ("nearly 40" lies a little under 40, "just over 40" a little over; from lexicon/qualifiers.toml)
    tolerance: float | None = None
    strict: bool = False  # the bound excludes the figure itself: "more than 40" does not admit 40
    # a scaled round figure admits values up to this far either side (exclusive): "1.5 million" is rounded
    # to the nearest 0.1 million, so it admits 1.52 million (rounding 50,000); None for exact counts
    rounding: float | None = None
    # the place value of the last digit that counts, in `unit`: 1,000 for "about 48,000" (trailing zeros of
    # a whole figure do not count), 100,000 for "roughly 1.5 million", 1 for "40-50" (a range: its finer
    # end's last digit); None for figures in words. What an approximation or a range is written to.
    place: float | None = None
    dimension: str | None = None  # "length", "currency", "count", "duration", "date", "percent", ...
    base_unit: str | None = None
    base_nominal: float | None = None
    base_low: float | None = None
    base_high: float | None = None
    iso: str | None = None  # dates: "2025-05-16" or "2025-05-31/2025-06-01"; times: "2025-05-16T23:47"
    zone: str | None = None  # clock times: the zone as stated, normalised ("GMT", "UTC+3", "local")


@dataclass(frozen=True, slots=True)
class Frame:
    """Who did what to how many of which things, where, when, according to whom.

    Every field is optional: framing is best-effort and each field comes from a lexicon kept as data.
    """

    counted: str | None = None  # the counted class from the lexicon: "drone", "aircraft", "person"
    noun: str | None = None  # the counted noun lemma as written: "warplane", "bomber jet"
    modifiers: tuple[str, ...] = ()  # adjectives/nouns qualifying the noun: ("ukrainian",), ("ballistic",)
    action: str | None = None  # the action class: "launch", "intercept", "kill", "wound", "destroy", ...
    action_word: str | None = None  # the verb as written: "shot down", "fired"
    actor: str | None = None  # who acted: "russia", "ukraine"
    place: str | None = None  # "kyiv region", "kherson"
    time: str | None = None  # ISO date or interval of the event, when the sentence says
    attribution: str | None = None  # "the air force said"
    negated: bool = False
    origin: str | None = None  # whose things were counted: "Ukrainian drones" -> "ukraine"
    place_inherited: bool = False  # the place comes from the main clause, not the claim's own clause
    # the action is the verb of another count in the sentence ("1,150 homes destroyed, including 14 schools")
    action_inherited: bool = False
    # which way the figure points: ("trend", "up") for "rose 2%", ("balance", "-") for "a deficit of 2%"
    polarity: tuple[str, str] | None = None
    # a date that tells when something was said ("officials said Friday"), or the share of the vote counted
    # when the figures were given ("with 80% of ballots counted"): no fact of the story
    when_said: bool = False
    # whose figure it is: a name the figure belongs to ("Varga has 41.4%", "Halvorsen's profit of £312m")
    holder: str | None = None
    # what a measure measures, when the sentence names it: "turnout" (61%), "wind" (215 km/h), "toll" (24)
    measure: str | None = None
    claimant: str | None = None  # who says so, as a name: "health ministry", "police", "usgs"
    # how the figure is put: "reported" (the default), "estimated", "forecast" ("economists expected
    # 170,000"), "target" ("aims to vaccinate 1.2 million"), "previous" ("the previous record of 2:06:12"),
    # "historical" (another year's event: "in 1970 a quake killed 300"); see lexicon/modality.toml
    modality: str = "reported"
    # the span the figure built up over, when its clause says: "4.5 hours" ("7 inches of rain in just 4.5
    # hours"); see lexicon/frame.toml [window]
    window: str | None = None
    # `time` is when the figure was given or counted to ("the governor said on Monday", "as of Monday"), not
    # when what it counts happened: a snapshot of a figure that may have moved since
    as_of: bool = False


@dataclass(frozen=True, slots=True)
class FactKey:
    """What a claim states, as the comparison keys it: two claims are one fact only when their keys fit.

    `block` is what is measured, coarsely ("count", "drone"), ("percent", "share"), ("quantity", "length");
    `scope` what narrows it (subtypes, the place); `event` the ISO date or interval it happened on; `as_of`
    the date it was given or counted to ("the governor said on Monday", "as of Monday"), for a figure that
    may have moved since.
    """

    block: tuple[str, ...] | None
    measure: str | None = None
    scope: tuple[str, ...] = ()
    holder: str | None = None
    action: str | None = None
    claimant: str | None = None
    modality: str = "reported"
    event: str | None = None
    as_of: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence (or a line of page furniture) of an article, with its offsets."""

    start: int
    end: int
    text: str
    context: Context = "body"


@dataclass(frozen=True, slots=True)
class Claim:
    """One quantitative claim of one article."""

    start: int
    end: int
    text: str  # text[start:end] of the article
    kind: ClaimKind
    value: Value
    sentence_start: int
    sentence_end: int
    sentence: str
    trend: Trend | None = None
    frame: Frame = field(default_factory=Frame)
    context: Context = "body"
    converted: tuple[Claim, ...] = ()  # a parenthetical restatement: "7,000 kilometers (4,300 miles)"
    # True/False when `converted` was checked against this claim's value (False: the conversion is wrong)
    conversion_ok: bool | None = None
    is_conversion: bool = False  # this claim restates the claim before it in brackets: not a fact of its own


@dataclass(frozen=True, slots=True)
class ArticleText:
    """What the engine needs of an article."""

    id: str
    source: str
    text: str
    published_at: date | None = None
    url: str | None = None
    title: str | None = None
    story_key: str | None = None  # an explicit story given by the caller; overrides automatic grouping


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """Points at one claim: the article and the claim's index in that article's claim list."""

    article_id: str
    index: int


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report the same event."""

    id: str
    article_ids: tuple[str, ...]
    label: str  # a few key terms, for people
    key_terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """An agreement, discrepancy or correction, with the claims that prove it."""

    type: FindingType
    claims: tuple[ClaimRef, ...]
    reason: str  # one line a person can check by reading the sentences
    story_id: str | None = None
    severity: Severity = "info"
    fact: str | None = None  # what the fact is about: "drones Russia fired on Sunday"
    verdict: str | None = None  # finer grain: "exact", "compatible", "value", "predicate", "stale", ...
    sides: tuple[tuple[ClaimRef, ...], ...] = ()  # for discrepancies: the incompatible camps
    independent_sources: tuple[int, ...] = ()  # per side: independent sources (copies counted once)
    old_value: str | None = None  # corrections: the value corrected away
    new_value: str | None = None  # corrections: the value it was corrected to
    anchor: ClaimRef | None = None  # the claim that identifies the finding when it is recomputed (the
    # first claim of its fact): a finding keeps its anchor when another source joins it
    # what kind of difference (or likeness) it is: for discrepancies "conflict" (one quantity, one time,
    # incompatible values), "update" (a running figure that changed between publications), "claimant"
    # (named sources disagree), "predicate" (one figure, another action), "opposite" (surplus vs deficit);
    # "agreement" or "compatible" for agreements; "notice", "stale" or "revision" for corrections
    kind: str | None = None
    confidence: float = 1.0  # 0..1: how sure the engine is that the claims state one fact


@dataclass(frozen=True, slots=True)
class Report:
    """The cross-source report of a set of articles."""

    stories: tuple[Story, ...]
    claims: dict[str, tuple[Claim, ...]]  # article id -> its claims, in text order
    findings: tuple[Finding, ...]
