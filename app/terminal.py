"""How a cross-source report looks in a terminal: rich tables for `tally check`.

Renders the answer of `POST /v1/check` (the same `CheckResponse` the API serialises), so the terminal shows
what the API says and nothing else:

    render_report(app.services.check.check(request, max_articles), Console())

and how a long command shows what it is doing (`progress`, on stderr: stdout stays the command's answer).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager

from rich.console import Console, Group
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from app.schemas import CheckedArticle, CheckResponse, ClaimOut, FindingOut, StoryOut

FINDING_TYPES = ("discrepancy", "correction", "agreement")  # the order findings are listed in
_TYPE_STYLE = {"agreement": "green", "discrepancy": "bold red", "correction": "yellow"}
_QUOTE_CONTEXT = 60  # characters of the sentence shown on each side of a quoted span


def render_report(report: CheckResponse, console: Console, types: Collection[str] = FINDING_TYPES) -> None:
    """Print the stories, the findings of `types` with the quoted spans that prove them, and a summary."""
    articles = {a.id: a for a in report.articles}
    claims = {c.id: c for c in report.claims}
    shown = [f for f in report.findings if f.type in types]
    if report.stories:
        console.print(_stories_table(report.stories, articles))
    if shown:
        console.print(_findings_table(shown, claims, articles))
    console.print(_summary(report, hidden=len(report.findings) - len(shown)))


def _stories_table(stories: list[StoryOut], articles: Mapping[str, CheckedArticle]) -> Table:
    table = Table(title="Stories", title_justify="left")
    table.add_column("story", style="cyan", no_wrap=True)
    table.add_column("label")
    table.add_column("articles")
    for story in stories:
        names = ", ".join(_article_name(articles.get(i), i) for i in story.article_ids)
        table.add_row(story.id, story.label, names)
    return table


def _findings_table(
    findings: list[FindingOut], claims: Mapping[str, ClaimOut], articles: Mapping[str, CheckedArticle]
) -> Table:
    table = Table(title="Findings", title_justify="left", show_lines=True, expand=True)
    table.add_column("type", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("reason", ratio=2)
    table.add_column("evidence: ⟦span⟧ in its sentence", ratio=3)
    # Discrepancies first, then corrections, then agreements; the answer's order within each type.
    for finding in sorted(findings, key=lambda f: FINDING_TYPES.index(f.type)):
        table.add_row(
            Text(finding.type, style=_TYPE_STYLE[finding.type]),
            finding.severity,
            finding.reason,
            Group(*(_evidence(claims.get(cid), cid, articles) for cid in finding.claims)),
        )
    return table


def _evidence(claim: ClaimOut | None, claim_id: str, articles: Mapping[str, CheckedArticle]) -> Text:
    """One line per claim: the source, then the quoted span marked inside its sentence, then its offsets."""
    if claim is None:
        return Text(f"{claim_id} (claim not in the report)", style="dim")
    article_id = claim.article_id or ""
    line = Text(f"{_article_name(articles.get(article_id), article_id)}: ", style="bold")
    sentence, start, end = _sentence_and_span(claim)
    left = sentence[max(0, start - _QUOTE_CONTEXT) : start].lstrip()
    right = sentence[end : end + _QUOTE_CONTEXT].rstrip()
    line.append("“" + ("…" if start > _QUOTE_CONTEXT else "") + left)
    line.append(f"⟦{sentence[start:end]}⟧", style="reverse")
    line.append(right + ("…" if len(sentence) - end > _QUOTE_CONTEXT else "") + "”")
    line.append(f" [{claim.start}:{claim.end}]", style="dim")
    return line


def _sentence_and_span(claim: ClaimOut) -> tuple[str, int, int]:
    """The claim's sentence and the span's offsets inside it (the span alone if the sentence lacks it)."""
    start = claim.start - claim.sentence_start
    if start >= 0 and claim.sentence[start : start + len(claim.text)] == claim.text:
        return claim.sentence, start, start + len(claim.text)
    return claim.text, 0, len(claim.text)


def _article_name(article: CheckedArticle | None, article_id: str) -> str:
    return f"{article.source} ({article_id})" if article else article_id


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _summary(report: CheckResponse, hidden: int) -> Text:
    counts = {kind: sum(f.type == kind for f in report.findings) for kind in FINDING_TYPES}
    summary = Text(
        f"{_plural(len(report.articles), 'article')}, {_plural(len(report.stories), 'story', 'stories')}, "
        f"{_plural(len(report.claims), 'claim')}: "
    )
    names = {"discrepancy": ("discrepancy", "discrepancies"), "correction": ("correction", None)}
    for position, kind in enumerate(FINDING_TYPES):
        summary.append(", " if position else "")
        summary.append(_plural(counts[kind], *names.get(kind, (kind, None))), style=_TYPE_STYLE[kind])
    if hidden:
        summary.append(f" ({hidden} not shown)", style="dim")
    return summary


# --- progress of the long commands (check, eval, import) ----------------------------------------------------

STAGES = {
    "start": "starting Tally",
    "warm-up": "warming up the engine (lexicons, units)",
    "read": "reading the article files",
    "extract": "extracting claims",
    "compare": "comparing the sources",
    "sentences": "extracting claims (NewsQuant sentences)",
    "score": "scoring",
    "import": "importing",
}


class Steps:
    """What a long command is doing, shown on a rich Progress: `steps("extract", 3, 10)` says 3 of 10
    articles are done; `steps("warm-up")` starts a stage of unknown length (a spinner). A stage ends when
    the next one starts. Services take it as their `progress` callback."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.tasks: dict[str, TaskID] = {}
        self.current: str | None = None

    def __call__(self, stage: str, done: int = 0, total: int | None = None, detail: str = "") -> None:
        if stage != self.current:
            self._finish()
            self.current = stage
            self.tasks[stage] = self.bar.add_task(STAGES.get(stage, stage), total=total)
        label = STAGES.get(stage, stage) + (f": {detail}" if detail else "")
        self.bar.update(self.tasks[stage], completed=done, total=total, description=label)

    def _finish(self) -> None:
        if self.current is not None:
            task = self.tasks[self.current]
            total = self.bar.tasks[task].total
            self.bar.update(task, total=total or 1, completed=total or 1)

    def done(self, label: str | None = None) -> None:
        """End the last stage (optionally renaming it: "imported")."""
        self._finish()
        if label is not None and self.current is not None:
            self.bar.update(self.tasks[self.current], description=label)


@contextmanager
def progress(console: Console, *, transient: bool = True) -> Iterator[Steps]:
    """Show the stages of a command on `console` from its first moment (`steps("start")` is shown at
    once); transient: the display is cleared at the end, leaving only the command's own output."""
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=transient) as bar:
        steps = Steps(bar)
        steps("start")
        yield steps
        steps.done()
