"""The word engine means one thing: `app.engine`, Tally's pure core. Code that handles the database calls
the SQLAlchemy handle the *database* (`app.db.make_database`, `app.state.database`, `db`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATABASE_MODULES = ("sqlalchemy", "sqlmodel", "app.db", "alembic")


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
    return names


def _handles_the_database(path: Path) -> bool:
    return any(name == m or name.startswith(m + ".") for name in _imports(path) for m in DATABASE_MODULES)


FILES = sorted(
    path
    for folder in ("app", "tests", "benchmarks", "migrations")
    for path in (ROOT / folder).rglob("*.py")
    if path.relative_to(ROOT).parts[:2] not in {("app", "engine"), ("tests", "engine")}
    and "versions" not in path.parts
    and _handles_the_database(path)
)


def engine_names(tree: ast.AST) -> list[str]:
    """Where a file calls something other than the `app.engine` module "engine"."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id == "engine":
            found.append(f"line {node.lineno}: variable `engine`")
        elif isinstance(node, ast.arg) and node.arg == "engine":
            found.append(f"line {node.lineno}: argument `engine`")
        elif isinstance(node, ast.Attribute) and node.attr == "engine" and not _is_app(node.value):
            found.append(f"line {node.lineno}: attribute `.engine`")
        elif isinstance(node, ast.Name | ast.alias) and getattr(node, "id", getattr(node, "name", "")) in (
            "Engine",
            "make_engine",
        ):
            found.append(f"line {node.lineno}: `{getattr(node, 'id', getattr(node, 'name', ''))}`")
    return found


def _is_app(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "app"  # `app.engine`, the package


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_but_app_engine_is_called_engine(path):
    assert engine_names(ast.parse(path.read_text(encoding="utf-8"))) == []


def _calls_create_engine(path: Path) -> bool:
    return any(
        isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", "")) == "create_engine"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    )


def test_only_app_db_creates_a_database():
    creators = [p.relative_to(ROOT).as_posix() for p in FILES if _calls_create_engine(p)]
    assert creators == ["app/db.py"]
