"""The `tally` command: serve the API, check article files, import a folder of articles.

    tally serve --port 8000 --workers 2
    tally check seeds/01_mp-barrage.json seeds/03_ledger-barrage.json
    tally check --json a.json b.json          # the raw answer of POST /v1/check
    tally import seeds/                       # ingest every *.json, as POST /v1/articles does

Every command goes through the same service functions as the HTTP API, so the terminal and the API
never disagree.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.config import Settings, get_settings
from app.db import make_engine
from app.errors import NotReady, TallyError
from app.schemas import ArticleCreate, CheckRequest
from app.services import check as check_service
from app.services.health import migration_head, readiness
from app.services.ingest import ingest_article
from app.terminal import render_report

cli = typer.Typer(
    name="tally",
    help="Tally: cross-source fact-consistency checks for newsrooms.",
    no_args_is_help=True,
    add_completion=False,
)


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


def _load_all(paths: list[Path]) -> list[dict[str, Any]]:
    articles: list[dict[str, Any]] = []
    for path in paths:
        try:
            articles.extend(load_article_file(path))
        except ArticleFileError as exc:
            _fail([str(exc)])
    return articles


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind [default: TALLY_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [default: TALLY_PORT]")] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes [default: TALLY_WORKERS]")
    ] = None,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development, one worker)")] = False,
) -> None:
    """Serve the HTTP API with uvicorn (Swagger UI at /docs). Apply the migrations first."""
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        "app.main:app",
        host=host or settings.host,
        port=port or settings.port,
        workers=None if reload else (workers or settings.workers),
        reload=reload,
    )


@cli.command()
def check(
    files: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help="Article JSON files")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the raw answer of POST /v1/check")] = False,
    fail_on_discrepancy: Annotated[
        bool, typer.Option(help="Exit with status 1 when the report holds a discrepancy")
    ] = False,
) -> None:
    """Check articles against each other, as POST /v1/check does; nothing is stored.

    Each file holds one article, a list of articles, or {"articles": [...]}.
    """
    settings = get_settings()
    try:
        request = CheckRequest.model_validate({"articles": _load_all(files)})
        response = check_service.check(request, settings.max_articles)
    except ValidationError as exc:
        _fail(_validation_lines(exc))
    except TallyError as exc:
        _fail([exc.detail, *(f"{_where(e.get('loc', []))}: {e.get('detail')}" for e in exc.errors or [])])
    if as_json:
        # FastAPI serialises a response_model this way (by alias, nothing excluded).
        typer.echo(response.model_dump_json(by_alias=True))
    else:
        render_report(response.model_dump(mode="json", by_alias=True), _stdout())
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
    engine = make_engine(settings.database_url)
    try:
        _require_migrated(engine)
        outcomes, failures = _ingest_files(engine, files, settings)
    finally:
        engine.dispose()
    table = Table(title=f"Imported {directory}", title_justify="left")
    for column in ("created", "revised", "unchanged", "failed"):
        table.add_column(column, justify="right")
    table.add_row(*(str(outcomes[k]) for k in ("created", "revised", "unchanged")), str(len(failures)))
    _stdout().print(table)
    for failure in failures:
        _stderr().print(f"[red]failed:[/red] {failure}", highlight=False)
    if failures:
        raise typer.Exit(1)


def _require_migrated(engine: Engine) -> None:
    with Session(engine) as session:
        try:
            readiness(session, migration_head())
        except NotReady as exc:
            _fail([exc.detail])


def _ingest_files(engine: Engine, files: list[Path], settings: Settings) -> tuple[Counter[str], list[str]]:
    """Ingest each article in its own transaction, so that one bad article does not undo the others."""
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=_stdout()) as progress:
        task = progress.add_task("importing", total=len(files))
        for path in files:
            progress.update(task, description=path.name)
            try:
                articles = load_article_file(path)
            except ArticleFileError as exc:
                failures.append(str(exc))
                articles = []
            for position, raw in enumerate(articles):
                label = path.name if len(articles) == 1 else f"{path.name}[{position}]"
                try:
                    data = ArticleCreate.model_validate(raw)
                    with Session(engine, expire_on_commit=False) as session:
                        result = ingest_article(session, data, settings)
                        session.commit()
                    outcomes[result.outcome] += 1
                except ValidationError as exc:
                    failures.append(f"{label}: " + "; ".join(_validation_lines(exc)))
                except TallyError as exc:
                    failures.append(f"{label}: {exc.detail}")
            progress.advance(task)
        progress.update(task, description="imported")
    return outcomes, failures


def _validation_lines(exc: ValidationError) -> list[str]:
    return [f"{_where(error['loc'])}: {error['msg']}" for error in exc.errors()]


def _where(loc: Sequence[str | int]) -> str:
    return ".".join(str(part) for part in loc if part != "body") or "article"


def _fail(lines: list[str]) -> NoReturn:
    errors = _stderr()
    for line in lines:
        errors.print(f"[red]error:[/red] {line}", highlight=False)
    raise typer.Exit(2)


def main() -> None:
    """Entry point of the `tally` script."""
    cli()


if __name__ == "__main__":
    main()
