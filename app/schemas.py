"""What crosses HTTP: request bodies and response documents.

Claims and findings have one shape everywhere (`/v1/check`, `/v1/extract`, stored reports); the fields the
scorers read are fixed in the shared eval README: claim `id`, `article_id`, `start`, `end`, `kind`, `trend`,
`value.{nominal,low,high,unit,qualifier}`; finding `id`, `type`, `claims`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from app import validation as rules

ARTICLE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$"


def _parse_published_at(value: Any) -> Any:
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 date (2025-05-16) or date-time (2025-05-16T08:30:00Z), or null")
    text = value.strip()
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{value[:40]!r} is not an ISO 8601 date or date-time") from None


def _published(value: date | datetime | None) -> date | datetime | None:
    return None if value is None else rules.check_published(value)


PublishedAt = Annotated[
    datetime | date | None,
    BeforeValidator(_parse_published_at),
    AfterValidator(_published),
    Field(
        description=f"ISO 8601 date or date-time between {rules.EARLIEST} and {rules.LATEST}, or null",
        json_schema_extra={"pattern": rules.DATE_PATTERN},
    ),
]
ArticleText = Annotated[
    str,
    AfterValidator(rules.check_text),
    Field(
        description="the article body as plain text; not blank (white space and zero-width characters "
        "alone are refused); no control characters other than tab, line feed and carriage return",
        json_schema_extra=rules.documented(rules.TEXT_PATTERN, rules.VISIBLE_PATTERN),
    ),
]
Line = Annotated[str, AfterValidator(rules.check_line)]
_LINE_RULE = "not blank, no control characters"
_LINE_SCHEMA = rules.documented(rules.LINE_PATTERN, rules.VISIBLE_PATTERN)
Source = Annotated[
    Line,
    Field(
        min_length=1,
        max_length=200,
        description=f"who published it; {_LINE_RULE}",
        examples=["Wire Service"],
        json_schema_extra=_LINE_SCHEMA,
    ),
]
Url = Annotated[
    str,
    AfterValidator(rules.check_http_url),
    Field(
        max_length=2048,
        description="http(s) URL of the article, its identity (ASCII host: punycode for international names)",
        examples=["https://example.com/news/ferry"],
        json_schema_extra={"pattern": rules.URL_PATTERN},
    ),
]
Title = Annotated[
    str,
    AfterValidator(rules.check_title),
    Field(
        max_length=1000,
        description="plain text; no control characters other than tab, line feed and carriage return",
        json_schema_extra={"pattern": rules.TEXT_PATTERN},
    ),
]
StoryKey = Annotated[
    Line | None,
    Field(
        None,
        min_length=1,
        max_length=200,
        description="explicit story key: articles with the same key form one story, whatever the engine "
        f"says; {_LINE_RULE}",
        json_schema_extra=_LINE_SCHEMA,
    ),
]


# The request examples: two reports of one (invented) ferry accident that disagree on the passengers. The
# shared `story` key puts them in one story whatever their wording (without it the engine groups articles
# by their shared terms, and two very short texts may share too few); `app/api/examples.py` holds the
# answers, and a test posts these examples and checks that the discrepancy is found.
_EXAMPLE_A = {
    "id": "wire-1",
    "source": "Wire Service",
    "url": "https://wire.example/ferry",
    "title": "Ferry runs aground near Port Avel",
    "published_at": "2025-05-13",
    "story": "ferry-port-avel",
    "text": "A ferry carrying 212 passengers ran aground near Port Avel on Tuesday, the coast guard said. "
    "Rescuers saved more than 190 people.",
}
_EXAMPLE_B = {
    "id": "daily-1",
    "source": "The Daily",
    "url": "https://daily.example/ferry",
    "title": "Ferry strikes rocks off Port Avel",
    "published_at": "2025-05-13T18:05:00Z",
    "story": "ferry-port-avel",
    "text": "The ferry had 221 passengers on board when it ran aground near Port Avel on Tuesday, "
    "the coast guard said.",
}


class _Article(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: Source
    url: Url | None = None
    title: Title | None = None
    published_at: PublishedAt = None
    text: ArticleText
    story: StoryKey = None


class CheckArticle(_Article):
    """One article of a stateless check; `id` is yours and only has to be unique in the request."""

    id: Line = Field(
        min_length=1,
        max_length=200,
        description=f"unique in the request; {_LINE_RULE}",
        examples=["wire-1"],
        json_schema_extra=_LINE_SCHEMA,
    )


class ArticleCreate(_Article):
    """An article to store; without an `id` the service assigns one."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_EXAMPLE_A]})

    id: str | None = Field(None, pattern=ARTICLE_ID_PATTERN, examples=["wire-ferry-2025-05-16"])


class CheckRequest(BaseModel):
    """Articles to compare; nothing is stored."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"articles": [_EXAMPLE_A, _EXAMPLE_B]}]}
    )

    articles: list[CheckArticle] = Field(min_length=1)


class ExtractRequest(BaseModel):
    """One text; `published_at` anchors relative dates such as "last Tuesday"."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": _EXAMPLE_A["text"], "published_at": "2025-05-13"}]},
    )

    text: ArticleText
    published_at: PublishedAt = None


class ValueOut(BaseModel):
    """A normalised value: the interval the claim admits (null = open), in the unit it was stated in."""

    model_config = ConfigDict(extra="allow")

    nominal: float | None
    low: float | None
    high: float | None
    unit: str | None = None
    qualifier: Literal["exact", "approximate", "lower_bound", "upper_bound", "range"] = "exact"
    tolerance: float | None = None
    dimension: str | None = None
    base_unit: str | None = None
    base_nominal: float | None = None
    base_low: float | None = None
    base_high: float | None = None
    iso: str | None = Field(
        None,
        description='dates: the ISO day or interval ("2025-05-16", "2025-07-01/2025-09-30"), none when the '
        'text does not fix it (an ambiguous "04/05/2016"); clock times: the local date-time as stated '
        '("2025-09-23T23:47", in zone) when the sentence or the publication date fixes the day',
    )
    zone: str | None = Field(
        None,
        description='clock times: the zone as stated ("GMT", "UTC+3", "EST", "local"); nominal/low/high are '
        'minutes after midnight in it, and base_* the minutes after midnight UTC when base_unit is '
        '"minute UTC"',
    )


class FrameOut(BaseModel):
    """Who did what to how many of which things, where, when, according to whom (best effort)."""

    model_config = ConfigDict(extra="allow")

    counted: str | None = None
    noun: str | None = None
    modifiers: list[str] = []
    action: str | None = None
    action_word: str | None = None
    actor: str | None = None
    place: str | None = None
    time: str | None = None
    attribution: str | None = None
    negated: bool = False


class ConvertedOut(BaseModel):
    """A parenthetical restatement of a claim: "7,000 kilometers (4,300 miles)"."""

    start: int
    end: int
    text: str
    kind: str
    value: ValueOut


class FactKeyOut(BaseModel):
    """What the claim states, as the comparison keys it: two claims are one fact only when their keys fit
    (a part never conflicts with its whole, a forecast never with the actual, another year's event never
    with this one's)."""

    block: list[str] = Field([], description='what is measured, coarsely: ["count", "drone"], '
                             '["percent", "share"], ["quantity", "length"]')
    measure: str | None = Field(None, description="what is counted or measured: drone, turnout, wind")
    scope: list[str] = Field([], description="what narrows it: subtypes (ballistic), the place")
    holder: str | None = Field(None, description="whose figure it is: a candidate, a company")
    action: str | None = Field(None, description="what was done: launch, kill, wound, vaccinate")
    claimant: str | None = Field(None, description="who says so: police, health ministry")
    modality: str = Field("reported", description="reported, estimated, forecast, target, planned, "
                          "previous, peak (the highest over the event), capacity (what a thing can hold), "
                          "until (a date that ends a span), "
                          "historical, relative or partial (a count in progress)")
    event: str | None = Field(None, description="the ISO date or interval it happened on, when stated")
    as_of: str | None = Field(None, description="the ISO date the figure was given or counted to, when "
                              "stated (\"the governor said on Monday\", \"as of Monday\"): a snapshot of a "
                              "figure that may have moved since")


class ClaimOut(BaseModel):
    """One quantitative claim; `start`/`end` index the article text exactly as submitted (end exclusive)."""

    id: str
    article_id: str | None
    start: int
    end: int
    text: str
    kind: str
    trend: Literal["up", "down"] | None = None
    value: ValueOut
    context: str = "body"
    sentence: str
    sentence_start: int
    sentence_end: int
    frame: FrameOut
    key: FactKeyOut | None = Field(None, description="the claim's fact key (see FactKeyOut)")
    converted: list[ConvertedOut] = Field([], description="parenthetical restatements in other units")
    conversion_ok: bool | None = Field(None, description="false: a restatement contradicts the value")
    is_conversion: bool = Field(False, description="this claim restates the previous one in brackets")


class FindingOut(BaseModel):
    """An agreement, discrepancy or correction, with the claims (ids) it rests on and why."""

    id: str
    type: Literal["agreement", "discrepancy", "correction"]
    claims: list[str]
    reason: str
    severity: Literal["info", "low", "medium", "high"] = "info"
    story_id: str | None = None
    fact: str | None = None
    verdict: str | None = None
    kind: str | None = Field(
        None,
        description="what kind of difference or likeness it is: for discrepancies `conflict` (one quantity, "
        "one time, incompatible values), `update` (a running figure that changed between publications; the "
        "reason names the older side), `claimant` (named sources disagree), `predicate` (one figure, another "
        "action), `opposite` (surplus vs deficit); `agreement` or `compatible`; `notice`, `stale` or "
        "`revision` for corrections",
    )
    confidence: float = Field(
        1.0, ge=0, le=1, description="how sure the engine is that the claims state one fact (0..1); the "
        "reason says why when it is unsure",
    )
    sides: list[list[str]] = Field([], description="discrepancies: the incompatible camps, as claim ids")
    independent_sources: list[int] = []
    old_value: str | None = None
    new_value: str | None = None


class StoryOut(BaseModel):
    id: str
    label: str
    key_terms: list[str] = []
    article_ids: list[str]


class CheckedArticle(BaseModel):
    id: str
    source: str
    url: str | None
    title: str | None
    published_at: datetime | date | None
    story_id: str | None
    claim_count: int


class CheckResponse(BaseModel):
    """The cross-source report of the submitted articles (nothing is stored)."""

    articles: list[CheckedArticle]
    stories: list[StoryOut]
    claims: list[ClaimOut]
    findings: list[FindingOut]


class ExtractResponse(BaseModel):
    claims: list[ClaimOut]


class ArticleOut(BaseModel):
    """A stored article (its current revision's metadata)."""

    id: str
    url: str | None
    source: str
    title: str | None
    published_at: datetime | date | None
    story_id: str | None
    revision: int = Field(description="number of the current revision (1 = first text)")
    claim_count: int
    created_at: datetime
    updated_at: datetime


class ArticleIngested(ArticleOut):
    """The answer to an ingest: the stored article and what happened."""

    outcome: Literal["created", "revised", "unchanged"] = Field(
        description="created: new article; revised: new text stored as a new revision; unchanged: nothing new"
    )


class RevisionOut(BaseModel):
    number: int
    title: str | None
    published_at: datetime | date | None
    text: str
    text_sha256: str
    claim_count: int
    created_at: datetime


class Processing(BaseModel):
    """The last ingest job of an article accepted by signed ingestion."""

    status: Literal["pending", "done", "failed"] = Field(
        description="pending: queued for a worker; done: grouped into a story, claims stored; failed: see "
        "`error` (an operator runs it again with `tally jobs retry`)"
    )
    attempts: int
    error: str | None = None


class ArticleDetail(ArticleOut):
    """A stored article with its current text and every revision, oldest first."""

    text: str
    revisions: list[RevisionOut]
    processing: Processing | None = Field(
        None, description="its last webhook ingest job (null when it came in through POST /v1/articles)"
    )


class ArticleList(BaseModel):
    items: list[ArticleOut]
    total: int


class ClaimList(BaseModel):
    items: list[ClaimOut]
    total: int


class FindingCounts(BaseModel):
    agreement: int = 0
    discrepancy: int = 0
    correction: int = 0


class StorySummary(BaseModel):
    id: str
    key: str | None = Field(description="the explicit story key callers gave, if any")
    label: str
    key_terms: list[str]
    article_count: int
    findings: FindingCounts
    created_at: datetime
    updated_at: datetime


class StoryDetail(StorySummary):
    articles: list[ArticleOut]


class StoryList(BaseModel):
    items: list[StorySummary]
    total: int


class FindingList(BaseModel):
    items: list[FindingOut]
    total: int


class StoryReport(BaseModel):
    """The stored cross-source report of one story: same claim and finding shapes as `/v1/check`.

    Findings come a page at a time (`limit`, `offset`, by fact and kind; `next_offset` for the next page),
    each with the claims it rests on; every claim of an article is at `/v1/articles/{id}/claims`."""

    story: StorySummary
    articles: list[ArticleOut]
    claims: list[ClaimOut] = Field(description="the claims the findings of this page rest on")
    findings: list[FindingOut]
    findings_total: int = Field(description="findings of the story in all pages")
    next_offset: int | None = Field(
        None, description="`offset` of the next page (a page also ends once its findings cite 1,000 claims)"
    )


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: Literal["ready"]
    database: str
    migration: str


class ProblemFieldError(BaseModel):
    loc: list[str | int] = Field(description="where: ['body', 'articles', 0, 'text'] or ['query', 'limit']")
    pointer: str | None = Field(None, description="JSON pointer into the request body: #/articles/0/text")
    detail: str
    type: str


class Problem(BaseModel):
    """RFC 9457 problem details (served as application/problem+json)."""

    type: str = Field(examples=["urn:tally:problem:validation-error"])
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[ProblemFieldError] | None = None
