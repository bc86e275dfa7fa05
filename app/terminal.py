"""How a cross-source report looks in a terminal: rich tables for `tally check`.

Works on the report exactly as `POST /v1/check` answers it (the JSON dict), so the terminal shows what the
API says and nothing else:

    render_report(response.model_dump(mode="json"), Console())
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

_TYPE_STYLE = {"agreement": "green", "discrepancy": "bold red", "correction": "yellow"}
_QUOTE_CONTEXT = 60  # characters of sentence shown around a quoted span


def render_report(report: Mapping[str, Any], console: Console) -> None:
    """Print the stories, the findings (with the quoted spans that prove them) and a one-line summary."""
    articles = {a["id"]: a for a in report.get("articles", [])}
    claims = {c["id"]: c for c in report.get("claims", [])}
    findings = report.get("findings", [])
    if report.get("stories"):
        console.print(_stories_table(report["stories"], articles))
    if findings:
        console.print(_findings_table(findings, claims, articles))
    console.print(_summary(report, findings))


def _stories_table(stories: list[Mapping[str, Any]], articles: Mapping[str, Mapping[str, Any]]) -> Table:
    table = Table(title="Stories", title_justify="left", show_lines=False)
    table.add_column("story", style="cyan", no_wrap=True)
    table.add_column("label")
    table.add_column("articles")
    for story in stories:
        ids = story.get("article_ids") or story.get("articles") or []
        names = [_article_name(articles.get(i), i) for i in ids]
        table.add_row(str(story.get("id", "")), str(story.get("label") or ""), ", ".join(names))
    return table


def _findings_table(
    findings: list[Mapping[str, Any]],
    claims: Mapping[str, Mapping[str, Any]],
    articles: Mapping[str, Mapping[str, Any]],
) -> Table:
    table = Table(title="Findings", title_justify="left", show_lines=True, expand=True)
    table.add_column("type", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("reason", ratio=2)
    table.add_column("evidence (quoted spans)", ratio=3)
    for finding in sorted(findings, key=_finding_order):
        kind = str(finding.get("type", ""))
        table.add_row(
            Text(kind, style=_TYPE_STYLE.get(kind, "")),
            str(finding.get("severity") or ""),
            str(finding.get("reason") or ""),
            Group(*(_evidence(claims.get(cid), cid, articles) for cid in _claim_ids(finding))),
        )
    return table


def _finding_order(finding: Mapping[str, Any]) -> tuple[int, str]:
    order = {"discrepancy": 0, "correction": 1, "agreement": 2}
    return order.get(str(finding.get("type")), 3), str(finding.get("id", ""))


def _claim_ids(finding: Mapping[str, Any]) -> list[str]:
    """The ids of a finding's claims, whether given as ids or as embedded claim objects."""
    return [c if isinstance(c, str) else str(c.get("id")) for c in finding.get("claims", [])]


def _evidence(
    claim: Mapping[str, Any] | None, claim_id: str, articles: Mapping[str, Mapping[str, Any]]
) -> Text:
    """One line per claim: the source, then the quoted span highlighted inside its sentence."""
    if claim is None:
        return Text(f"{claim_id} (claim not in the report)", style="dim")
    article_id = claim.get("article_id", "")
    line = Text(f"{_article_name(articles.get(article_id), article_id)}: ", style="bold")
    sentence, start, end = _sentence_and_span(claim)
    left = sentence[max(0, start - _QUOTE_CONTEXT) : start].lstrip()
    right = sentence[end : end + _QUOTE_CONTEXT].rstrip()
    line.append("“" + ("…" if start > _QUOTE_CONTEXT else "") + left)
    line.append(sentence[start:end], style="reverse")
    line.append(right + ("…" if len(sentence) - end > _QUOTE_CONTEXT else "") + "”")
    line.append(f" [{claim.get('start')}:{claim.get('end')}]", style="dim")
    return line


def _sentence_and_span(claim: Mapping[str, Any]) -> tuple[str, int, int]:
    """The claim's sentence and the span's offsets inside it (the span alone when there is no sentence)."""
    text = str(claim.get("text") or "")
    sentence = claim.get("sentence")
    sentence_start = claim.get("sentence_start")
    if isinstance(sentence, str) and isinstance(sentence_start, int) and isinstance(claim.get("start"), int):
        start = claim["start"] - sentence_start
        if start >= 0 and sentence[start : start + len(text)] == text:
            return sentence, start, start + len(text)
    if isinstance(sentence, str) and text and text in sentence:
        start = sentence.index(text)
        return sentence, start, start + len(text)
    return text, 0, len(text)


def _article_name(article: Mapping[str, Any] | None, article_id: str) -> str:
    if article and article.get("source"):
        return f"{article['source']} ({article_id})"
    return article_id


def _summary(report: Mapping[str, Any], findings: list[Mapping[str, Any]]) -> Text:
    counts = {kind: 0 for kind in _TYPE_STYLE}
    for finding in findings:
        counts[str(finding.get("type"))] = counts.get(str(finding.get("type")), 0) + 1
    summary = Text(
        f"{len(report.get('articles', []))} articles, {len(report.get('stories', []))} stories, "
        f"{len(report.get('claims', []))} claims: "
    )
    summary.append(f"{counts['discrepancy']} discrepancies", style=_TYPE_STYLE["discrepancy"])
    summary.append(", ")
    summary.append(f"{counts['correction']} corrections", style=_TYPE_STYLE["correction"])
    summary.append(", ")
    summary.append(f"{counts['agreement']} agreements", style=_TYPE_STYLE["agreement"])
    return summary
