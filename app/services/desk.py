"""The editor's desk: what the page of one story shows, built from its stored report.

    page = story_page(session, story_id, FindingFilter(types=("discrepancy",)))

Every article's text is cut into plain pieces and marked claims (at the claims' exact offsets); every
finding becomes a row with its kind, reason, the quoted claims of each side in their sentences, the values
restated in the units they are compared with, and the outlets that carry copies of one text. Nothing here
renders HTML: the template escapes every piece of text it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session

from app import engine
from app.schemas import ArticleOut, ClaimOut, FindingOut, StorySummary
from app.services import reports
from app.services.copies import copy_groups_of_texts
from app.services.figures import restatements
from app.services.finding_filter import EVERY, FINDING_TYPES, FindingFilter

_RANK = {kind: n for n, kind in enumerate(FINDING_TYPES)}  # a claim in several findings shows the first


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of an article's text; `mark` names the marked claim's anchor (None: plain text)."""

    text: str
    start: int
    end: int
    mark: str | None = None
    claim_id: str | None = None
    finding_type: str | None = None
    findings: tuple[str, ...] = ()


@dataclass(slots=True)
class ArticleView:
    article: ArticleOut
    pieces: list[Piece]
    copies_with: list[str] = field(default_factory=list)  # outlets whose article is a copy of the same text


@dataclass(frozen=True, slots=True)
class Quote:
    """One claim of a finding, in its sentence: before, the claim, after; and its value in other units."""

    claim_id: str
    anchor: str
    outlet: str
    before: str
    text: str
    after: str
    restated: tuple[str, ...] = ()


@dataclass(slots=True)
class FindingRow:
    finding: FindingOut
    kind: str
    sides: list[list[Quote]]
    copies: list[str]  # "Lakeshore 9 News and Meridian Press carry the same copy"


@dataclass(slots=True)
class StoryPage:
    story: StorySummary
    articles: list[ArticleView]
    findings: list[FindingRow]
    counts: dict[str, int]
    shown_types: tuple[str, ...]


def story_page(session: Session, story_id: str, only: FindingFilter = EVERY) -> StoryPage:
    """The page of one stored story, its findings narrowed by `only`."""
    report = reports.story_report(session, story_id)
    shown = [f for f in report.findings if only.admits(f)]
    texts = reports.current_texts(session, [a.id for a in report.articles])
    groups = copy_groups_of_texts(
        [
            engine.ArticleText(id=a.id, source=a.source, text=texts[a.id])
            for a in sorted(report.articles, key=_id)
        ]
    )
    claims = {c.id: c for c in report.claims}
    outlet = {a.id: a.source for a in report.articles}
    anchors = {c.id: f"c{n}" for n, c in enumerate(report.claims)}
    findings_of: dict[str, list[FindingOut]] = {}
    for finding in shown:
        for claim_id in finding.claims:
            findings_of.setdefault(claim_id, []).append(finding)
    by_article: dict[str, list[ClaimOut]] = {}
    for claim in report.claims:
        if claim.id in findings_of and claim.article_id:
            by_article.setdefault(claim.article_id, []).append(claim)
    articles = [
        ArticleView(
            article=a,
            pieces=pieces(texts.get(a.id, ""), by_article.get(a.id, []), anchors, findings_of),
            copies_with=[outlet[i] for g in groups if a.id in g for i in g if i != a.id],
        )
        for a in report.articles
    ]
    rows = [_row(f, claims, anchors, outlet, groups) for f in shown]
    rows.sort(key=lambda r: _RANK.get(r.finding.type, len(_RANK)))
    counts = {kind: sum(f.type == kind for f in report.findings) for kind in FINDING_TYPES}
    return StoryPage(
        story=report.story, articles=articles, findings=rows, counts=counts, shown_types=only.types
    )


def _id(article: ArticleOut) -> str:
    return article.id


def pieces(
    text: str,
    claims: Sequence[ClaimOut],
    anchors: dict[str, str],
    findings_of: dict[str, list[FindingOut]],
) -> list[Piece]:
    """`text` cut at the claims' offsets; a claim overlapping the one before it stays plain."""
    out: list[Piece] = []
    at = 0
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if claim.start < at or claim.end > len(text) or text[claim.start : claim.end] != claim.text:
            continue
        if claim.start > at:
            out.append(Piece(text[at : claim.start], at, claim.start))
        found = sorted(findings_of.get(claim.id, []), key=lambda f: _RANK.get(f.type, len(_RANK)))
        out.append(
            Piece(
                claim.text,
                claim.start,
                claim.end,
                mark=anchors[claim.id],
                claim_id=claim.id,
                finding_type=found[0].type if found else None,
                findings=tuple(f.id for f in found),
            )
        )
        at = claim.end
    if at < len(text):
        out.append(Piece(text[at:], at, len(text)))
    return out


def _row(
    finding: FindingOut,
    claims: dict[str, ClaimOut],
    anchors: dict[str, str],
    outlet: dict[str, str],
    groups: list[list[str]],
) -> FindingRow:
    sides = finding.sides or [finding.claims]
    quoted: list[list[Quote]] = []
    for side in sides:
        others = [claims[c] for other in sides if other is not side for c in other if c in claims]
        quoted.append([_quote(claims[c], anchors, outlet, others) for c in side if c in claims])
    articles = {claims[c].article_id for c in finding.claims if c in claims}
    copies = [
        f"{names(sorted(outlet[i] for i in g if i in articles))} carry the same copy"
        for g in groups
        if len(articles.intersection(g)) > 1
    ]
    first = claims.get(finding.claims[0]) if finding.claims else None
    kind = getattr(finding, "kind", None) or (first.kind if first else "")
    return FindingRow(finding=finding, kind=kind, sides=quoted, copies=copies)


def _quote(claim: ClaimOut, anchors: dict[str, str], outlet: dict[str, str], others: list[ClaimOut]) -> Quote:
    start = claim.start - claim.sentence_start
    sentence = claim.sentence
    if not (start >= 0 and sentence[start : start + len(claim.text)] == claim.text):
        sentence, start = claim.text, 0
    end = start + len(claim.text)
    return Quote(
        claim_id=claim.id,
        anchor=anchors[claim.id],
        outlet=outlet.get(claim.article_id or "", claim.article_id or ""),
        before=sentence[:start],
        text=sentence[start:end],
        after=sentence[end:],
        restated=tuple(restatements(claim, others)),
    )


def names(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(dict.fromkeys(items))
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
