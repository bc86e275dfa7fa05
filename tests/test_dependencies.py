"""pyproject.toml declares what the app imports: no runtime dependency goes unused, none is test-only."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# Needed at run time although no module imports it by name.
LOADED_BY_NAME = {"psycopg": "the PostgreSQL driver SQLAlchemy loads for postgresql+psycopg:// URLs"}
# Modules of app/ that are development tools, run with the dev extras installed.
DEV_TOOLS = {"app/openapi.py": "`make openapi` writes openapi.yaml (PyYAML)"}


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group(0)).lower()


def _modules_of() -> dict[str, set[str]]:
    """Distribution name -> the top-level modules it installs."""
    modules: dict[str, set[str]] = {}
    for module, distributions in metadata.packages_distributions().items():
        for distribution in distributions:
            modules.setdefault(_name(distribution), set()).add(module)
    return modules


def _imported(paths: list[Path]) -> set[str]:
    found: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names)


RUNTIME_CODE = [
    p
    for p in [*(ROOT / "app").rglob("*.py"), ROOT / "migrations" / "env.py"]
    if p.relative_to(ROOT).as_posix() not in DEV_TOOLS
]
MODULES_OF = _modules_of()


@pytest.mark.parametrize("requirement", PROJECT["dependencies"])
def test_every_runtime_dependency_is_imported_by_the_app(requirement):
    name = _name(requirement)
    if name in LOADED_BY_NAME:
        return
    assert MODULES_OF.get(name, set()) & _imported(RUNTIME_CODE), (
        f"{name} is a runtime dependency that app/ never imports: remove it, or move it to the dev extras"
    )


def test_the_running_app_needs_no_dev_extra():
    dev = PROJECT["optional-dependencies"]["dev"]
    dev_modules = set().union(*(MODULES_OF.get(_name(r), set()) for r in dev))
    assert dev_modules & _imported(RUNTIME_CODE) == set()
