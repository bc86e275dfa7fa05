"""The `tally` command: serve the API, check article files, import a folder, score, benchmark.

    tally serve --port 8000 --workers 2
    tally check seeds/01_mp-barrage.json seeds/03_ledger-barrage.json
    tally check --json a.json b.json          # the raw answer of POST /v1/check
    tally import seeds/                       # ingest every *.json, as POST /v1/articles does
    tally eval ../shared/eval                 # the evaluation scorers, in process
    tally bench extract                       # benchmarks/bench_extract.py
    tally worker                              # ingest jobs and outgoing webhooks, in the foreground
    tally jobs list --status failed           # ingest jobs that failed, with their reason
    tally jobs retry [JOB_ID...]              # queue failed jobs again

Every command goes through the same service functions as the HTTP API, so the terminal and the API
never disagree. The long ones (check, import, eval) show their progress from their first moment: the
modules that take long to load (FastAPI, SQLAlchemy, the engine) are imported under the progress display.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from app.config import Settings, get_settings
from app.schemas import ArticleCreate, CheckRequest
from app.terminal import FINDING_TYPES, Steps, progress, render_report

if TYPE_CHECKING:
    from app.db import Database

# The benchmarks are scripts of the source tree (not installed): `tally bench` runs them from a checkout.
BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

cli = typer.Typer(
    name="tally",
    help="Tally: cross-source fact-consistency checks for newsrooms.",
    no_args_is_help=True,
    add_completion=False,
)


# `tally check --only` choices: the finding types of the answer.
FindingType = StrEnum("FindingType", {name: name for name in FINDING_TYPES})


def _stdout() -> Console:
    # Built per command, so that the terminal width (COLUMNS) and the streams are those of this call.
    return Console()


def _stderr() -> Console:
    return Console(stderr=True)


class ArticleFileError(ValueError):
    """An article file that cannot be read: not JSON, or not an article, a list or {"articles": [...]}."""


def load_article_file(path: Path) -> list[dict[str, Any]]:
    """The articles of one JSON file: a single article, a list of them, or {"articles": [...]}.

    >>> load_article_file(Path("seeds/01_mp-barrage.json"))[0]["id"]
    'mp-barrage'
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArticleFileError(f"{path}: {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(item, dict) for item in items):
        raise ArticleFileError(f'{path}: expected an article object, a list of them or {{"articles": [...]}}')
    return items


def _load_all(paths: list[Path], steps: Steps) -> list[dict[str, Any]]:
    articles: list[dict[str, Any]] = []
    for done, path in enumerate(paths, start=1):
        articles.extend(load_article_file(path))
        steps("read", done, len(paths))
    return articles


def _warm_up(steps: Steps) -> None:
    """Load the engine (its modules, lexicons, unit tables) under the progress display."""
    steps("warm-up")
    from app import engine

    engine.warm_up()


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind [default: TALLY_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [default: TALLY_PORT]")] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes [default: TALLY_WORKERS]")
    ] = None,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development, one worker)")] = False,
) -> None:
    """Serve the HTTP API with uvicorn (Swagger UI at /docs). Apply the migrations first.

    With several workers, /metrics adds up all of them: their counters are kept in a directory they share
    (PROMETHEUS_MULTIPROC_DIR; a fresh temporary one unless it is set).
    """
    import os
    import tempfile

    import uvicorn

    from app.logs import uvicorn_log_config

    settings = get_settings()
    processes = None if reload else (workers or settings.workers)
    with tempfile.TemporaryDirectory(prefix="tally-metrics-") as shared:
        if (processes or 1) > 1:
            os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", shared)
        uvicorn.run(
            "app.main:app",
            host=host or settings.host,
            port=port or settings.port,
            workers=processes,
            reload=reload,
            http="app.protocol:HttpToolsProtocol",  # protocol errors as problem+json, a header timeout
            timeout_keep_alive=5,
            timeout_worker_healthcheck=settings.healthcheck_timeout,
            log_config=uvicorn_log_config(settings.log_format),
        )


@cli.command()
def check(
    files: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help="Article JSON files")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the raw answer of POST /v1/check")] = False,
    only: Annotated[
        list[FindingType] | None,
        typer.Option(help="Show only findings of this type (repeatable); the summary counts all"),
    ] = None,
    fail_on_discrepancy: Annotated[
        bool, typer.Option(help="Exit with status 1 when the report holds a discrepancy")
    ] = False,
) -> None:
    """Check articles against each other, as POST /v1/check does; nothing is stored.

    Each file holds one article, a list of articles, or {"articles": [...]}.
    """
    settings = get_settings()
    errors: list[str] = []
    with progress(_stderr()) as steps:  # stderr: stdout is the answer (`--json` prints it byte for byte)
        from app.errors import TallyError
        from app.services import check as check_service

        _warm_up(steps)
        try:
            request = CheckRequest.model_validate({"articles": _load_all(files, steps)})
            response = check_service.check(request, settings.max_articles, steps)
        except ArticleFileError as exc:
            errors = [str(exc)]
        except ValidationError as exc:
            errors = _validation_lines(exc)
        except TallyError as exc:
            errors = [
                exc.detail,
                *(f"{_where(e.get('loc', []))}: {e.get('detail')}" for e in exc.errors or []),
            ]
    if errors:
        _fail(errors)
    if as_json:
        # FastAPI serialises a response_model this way (by alias, nothing excluded).
        typer.echo(response.model_dump_json(by_alias=True))
    else:
        render_report(response, _stdout(), types=[t.value for t in only] if only else FINDING_TYPES)
    if fail_on_discrepancy and any(f.type == "discrepancy" for f in response.findings):
        raise typer.Exit(1)


@cli.command("import")
def import_articles(
    directory: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="Folder of *.json articles")
    ],
) -> None:
    """Store every *.json article of DIRECTORY, as POST /v1/articles does (idempotent by URL and text).

    Prints how many articles were created, revised (same URL, new text) or unchanged.
    """
    settings = get_settings()
    files = sorted(directory.glob("*.json"))
    if not files:
        _fail([f"{directory}: no *.json files"])
    with progress(_stdout(), transient=False) as steps:
        from app.db import database_for

        db = database_for(settings)
        try:
            problem = _migration_problem(db)
            if problem is None:
                _warm_up(steps)
                outcomes, failures = _ingest_files(db, files, settings, steps)
        finally:
            db.dispose()
    if problem is not None:
        _fail([problem])
    table = Table(title=f"Imported {directory}", title_justify="left")
    for column in ("created", "revised", "unchanged", "failed"):
        table.add_column(column, justify="right")
    table.add_row(*(str(outcomes[k]) for k in ("created", "revised", "unchanged")), str(len(failures)))
    _stdout().print(table)
    for failure in failures:
        _stderr().print(f"[red]failed:[/red] {escape(failure)}", highlight=False, soft_wrap=True)
    if failures:
        raise typer.Exit(1)


class Scorer(StrEnum):
    """The scorers of an evaluation folder."""

    dev = "dev"
    newsquant = "newsquant"


@cli.command("eval")
def evaluate(
    eval_dir: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="The evaluation folder (dev/, newsquant/)")
    ],
    only: Annotated[Scorer | None, typer.Option(help="Run one scorer only")] = None,
    verbose: Annotated[bool, typer.Option(help="Print every miss and false alarm")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object of metrics")] = False,
) -> None:
    """Score the engine with the evaluation folder's scorers, in process (no server needed).

    The answers are built by the same service functions as POST /v1/check and POST /v1/extract, so the
    figures equal those of `score.py --url` and `newsquant_score.py --url` against a running service.
    """
    settings = get_settings()
    results: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    with progress(_stderr()) as steps:
        from app import evaluation

        _warm_up(steps)
        runs = {
            Scorer.dev: lambda: evaluation.score_reports(eval_dir, settings.max_articles, steps),
            Scorer.newsquant: lambda: evaluation.score_extraction(eval_dir, steps),
        }
        for name, run in runs.items():
            if only not in (None, name):
                continue
            try:
                metrics, missed = run()
            except evaluation.EvalFolderError as exc:
                notes, results = [str(exc)], {}
                break
            notes.extend(missed)
            results[name.value] = metrics
    if not results and notes:
        _fail(notes)
    if verbose:
        _stderr().print("\n".join(notes), highlight=False, markup=False, soft_wrap=True)
    if as_json:
        typer.echo(json.dumps(results))
        return
    table = Table("scorer", "metric", "value", title=f"Evaluation on {eval_dir}", title_justify="left")
    for name, metrics in results.items():
        for metric, value in metrics.items():
            table.add_row(name, metric, json.dumps(value))
    _stdout().print(table)


@cli.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def bench(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Which benchmark: benchmarks/bench_NAME.py")],
) -> None:
    """Run a benchmark of benchmarks/ (e.g. `tally bench extract`, `tally bench report 10 100`).

    Arguments after NAME go to the benchmark; `tally bench NAME -- --help` shows them.
    """
    script = BENCHMARKS / f"bench_{name}.py"
    if not script.is_file():
        available = ", ".join(sorted(p.stem.removeprefix("bench_") for p in BENCHMARKS.glob("bench_*.py")))
        _fail([f"no benchmark {name!r} in {BENCHMARKS}; available: {available or 'none'}"])
    completed = subprocess.run([sys.executable, str(script), *ctx.args], cwd=BENCHMARKS.parent, check=False)
    raise typer.Exit(completed.returncode)


jobs = typer.Typer(help="Ingest jobs of signed webhooks: list them, retry failed ones.", no_args_is_help=True)
cli.add_typer(jobs, name="jobs")


@jobs.command("list")
def jobs_list(
    status: Annotated[str | None, typer.Option(help="Only this status: pending, done, failed")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many, newest first")] = 100,
) -> None:
    """Print the jobs (id, article, status, attempts, last error), newest first."""
    from app.db import make_database
    from app.services.jobs import list_jobs

    db = make_database(get_settings().database_url)
    try:
        if (problem := _migration_problem(db)) is not None:
            _fail([problem])
        rows = list_jobs(db, status=status, limit=limit)
    finally:
        db.dispose()
    table = Table("job", "article", "status", "attempts", "last error", title="Jobs", title_justify="left")
    for job in rows:
        error = escape(job.last_error or "")
        table.add_row(str(job.id), job.article_id, job.status, str(job.attempts), error)
    _stdout().print(table)


@jobs.command("retry")
def jobs_retry(
    job_ids: Annotated[list[int] | None, typer.Argument(help="Job ids [default: every failed job]")] = None,
) -> None:
    """Queue failed jobs again (attempts reset); a worker runs them on its next poll."""
    from app.db import make_database
    from app.services.jobs import retry_jobs

    db = make_database(get_settings().database_url)
    try:
        if (problem := _migration_problem(db)) is not None:
            _fail([problem])
        queued = retry_jobs(db, job_ids or None)
    finally:
        db.dispose()
    typer.echo(f"queued {queued} failed job{'s' * (queued != 1)} again")


@cli.command()
def worker(
    once: Annotated[bool, typer.Option(help="Handle what is due now, then exit")] = False,
) -> None:
    """Process accepted webhook ingests and send outgoing webhooks (what each `tally serve` process also
    does unless TALLY_WORKER_ENABLED=false). Any number may run side by side."""
    import contextlib
    import signal
    import threading

    from app.db import database_for
    from app.logs import configure_logging
    from app.services.worker import Worker

    settings = get_settings()
    configure_logging(settings.log_format, settings.log_level)
    db = database_for(settings)
    problem = _migration_problem(db)
    if problem is not None:
        _fail([problem])
    running = Worker(db, settings)
    try:
        if once:
            handled = 0
            while (step := running.run_once()) > 0:
                handled += step
            typer.echo(f"handled {handled} jobs and deliveries")
            return
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        with contextlib.suppress(KeyboardInterrupt):
            running.run_until(stop)
    finally:
        running.close()
        db.dispose()


def _migration_problem(db: Database) -> str | None:
    """Why `db` cannot be used (not reachable, not migrated to head), or None."""
    from sqlmodel import Session

    from app.errors import NotReady
    from app.services.health import migration_head, readiness

    with Session(db) as session:
        try:
            readiness(session, migration_head())
        except NotReady as exc:
            return exc.detail
    return None


def _ingest_files(
    db: Database, files: list[Path], settings: Settings, steps: Steps
) -> tuple[Counter[str], list[str]]:
    """Ingest each article in its own transaction, so that one bad article does not undo the others."""
    from sqlmodel import Session

    from app.errors import TallyError
    from app.services.ingest import ingest_and_commit

    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    for done, path in enumerate(files):
        steps("import", done, len(files), path.name)
        try:
            articles = load_article_file(path)
        except ArticleFileError as exc:
            failures.append(str(exc))
            articles = []
        for position, raw in enumerate(articles):
            label = path.name if len(articles) == 1 else f"{path.name}[{position}]"
            try:
                data = ArticleCreate.model_validate(raw)
                with Session(db, expire_on_commit=False) as session:
                    result = ingest_and_commit(session, data, settings)
                outcomes[result.outcome] += 1
            except ValidationError as exc:
                failures.append(f"{label}: " + "; ".join(_validation_lines(exc)))
            except TallyError as exc:
                failures.append(f"{label}: {exc.detail}")
    steps("import", len(files), len(files))
    steps.done("imported")
    return outcomes, failures


def _validation_lines(exc: ValidationError) -> list[str]:
    return [f"{_where(error['loc'])}: {error['msg']}" for error in exc.errors()]


def _where(loc: Sequence[str | int]) -> str:
    return ".".join(str(part) for part in loc if part != "body") or "article"


def _fail(lines: list[str]) -> NoReturn:
    errors = _stderr()
    for line in lines:
        errors.print(f"[red]error:[/red] {escape(line)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def main() -> None:
    """Entry point of the `tally` script."""
    cli()


if __name__ == "__main__":
    main()
