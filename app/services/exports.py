"""A story's findings for fact-check desks: schema.org ClaimReview (JSON-LD) and CSV for spreadsheets.

    claim_reviews(session, story_id, settings)    # {"@context": "https://schema.org", "@graph": [...]}
    findings_csv(session, story_id, FindingFilter())   # text/csv, one row per finding

One ClaimReview per discrepancy and per correction (agreements review nothing); its `itemReviewed` is the
disputed `Claim`, with an `appearance` per outlet that printed it.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from sqlmodel import Session

from app.config import Settings
from app.schemas import ArticleOut, ClaimOut, FindingOut
from app.services import reports
from app.services.copies import copy_groups_of
from app.services.desk import names
from app.services.figures import restatements
from app.services.finding_filter import FindingFilter

RATINGS = {
    ("discrepancy", None): "Conflicting figures",
    ("correction", "notice"): "Corrected by the outlet",
    ("correction", "stale"): "Outdated figure: corrected elsewhere",
    ("correction", None): "Corrected figure",
}
CSV_COLUMNS = (
    "finding_id",
    "type",
    "kind",
    "severity",
    "verdict",
    "reason",
    "values",
    "outlets",
    "copies",
    "old_value",
    "new_value",
    "claims",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _rating(finding: FindingOut) -> str:
    return RATINGS.get((finding.type, finding.verdict)) or RATINGS[(finding.type, None)]


def _appearance(article: ArticleOut) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "publisher": {"@type": "Organization", "name": article.source},
    }
    if article.url:
        work["url"] = article.url
    if article.title:
        work["headline"] = article.title
    if article.published_at:
        work["datePublished"] = article.published_at.isoformat()
    return work


def _claim_reviewed(finding: FindingOut, claims: dict[str, ClaimOut], outlet: dict[str, str]) -> str:
    """What was claimed, side by side: "'472 drones' (Meridian Press) vs '427 drones' (Northern Ledger)"."""
    sides = finding.sides or [finding.claims]
    parts = []
    for side in sides:
        quoted = dict.fromkeys(f"'{claims[c].text}'" for c in side if c in claims)
        by = names([outlet.get(claims[c].article_id or "", "") for c in side if c in claims])
        parts.append(f"{' / '.join(quoted)} ({by})")
    return " vs ".join(parts)


def claim_reviews(session: Session, story_id: str, settings: Settings, base_url: str = "") -> dict[str, Any]:
    """The JSON-LD document of the story's discrepancies and corrections; links start with
    `TALLY_PUBLIC_URL`, else with `base_url` (the URL the request came to)."""
    story = reports.get_story(session, story_id)
    report = reports.story_report(session, story_id)
    claims = {c.id: c for c in report.claims}
    articles = {a.id: a for a in report.articles}
    outlet = {a.id: a.source for a in report.articles}
    base = (settings.public_url or base_url).rstrip("/")
    author: dict[str, Any] = {"@type": "Organization", "name": settings.claimreview_author}
    if base:
        author["url"] = base
    reviews = []
    only = FindingFilter(types=("discrepancy", "correction"))
    for row, finding in reports.stored_findings(session, story, only):
        shown = [
            articles[i] for i in dict.fromkeys(claims[c].article_id for c in finding.claims if c in claims)
        ]
        dated = sorted((a for a in shown if a.published_at), key=lambda a: str(a.published_at))
        item: dict[str, Any] = {"@type": "Claim", "appearance": [_appearance(a) for a in shown]}
        if dated:
            item["firstAppearance"] = _appearance(dated[0])
            item["datePublished"] = dated[0].published_at.isoformat()  # type: ignore[union-attr]
        reviews.append(
            {
                "@type": "ClaimReview",
                "@id": f"{base}/stories/{story.id}#{finding.id}",
                "url": f"{base}/stories/{story.id}#{finding.id}",
                "claimReviewed": _claim_reviewed(finding, claims, outlet),
                "reviewBody": finding.reason,
                "itemReviewed": item,
                "reviewRating": {
                    "@type": "Rating",
                    "alternateName": _rating(finding),
                    "ratingExplanation": finding.reason,
                },
                "author": author,
                "datePublished": row.created_at.date().isoformat(),
            }
        )
    return {"@context": "https://schema.org", "@graph": reviews}


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: a leading =, +, -, @ would make it a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def findings_csv(session: Session, story_id: str, only: FindingFilter) -> str:
    """One row per finding `only` admits, columns `CSV_COLUMNS`; a header row first."""
    story = reports.get_story(session, story_id)
    report = reports.story_report(session, story_id)
    claims = {c.id: c for c in report.claims}
    outlet = {a.id: a.source for a in report.articles}
    groups = copy_groups_of(session, story)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for finding in reports.story_findings(session, story, only):
        present = [claims[c] for c in finding.claims if c in claims]
        articles = {c.article_id for c in present}
        values = []
        for c in present:
            others = [o for o in present if o.value.unit != c.value.unit]
            restated = restatements(c, others)
            extra = f" (≈ {', '.join(restated)})" if restated else ""
            values.append(f"{outlet.get(c.article_id or '', '')}: {c.text}{extra}")
        copies = [
            names(sorted(outlet[i] for i in g if i in articles)) for g in groups if len(articles & set(g)) > 1
        ]
        first = present[0] if present else None
        row = [
            finding.id,
            finding.type,
            getattr(finding, "kind", None) or (first.kind if first else ""),
            finding.severity,
            finding.verdict,
            finding.reason,
            "; ".join(values),
            names(sorted({outlet.get(a or "", "") for a in articles})),
            " | ".join(copies),
            finding.old_value,
            finding.new_value,
            " ".join(finding.claims),
        ]
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()
