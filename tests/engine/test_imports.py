"""The engine's stages import only from the stages before them, never in a cycle, never from the layers above.

Every import is read from the source (also those under `if TYPE_CHECKING:` and inside functions), so an
import that only a type checker follows counts as much as one that runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import app.engine

ROOT = Path(app.engine.__file__).parent
# The stages, in the order a newcomer reads them; a module may import from its own stage or earlier ones.
STAGES = {"model": 0, "budget": 0, "lexicon": 0, "text": 1, "extract": 2, "frame": 3, "compare": 4}
TOP = 5  # app/engine/__init__.py chains the stages
FORBIDDEN = ("fastapi", "starlette", "sqlmodel", "sqlalchemy", "httpx", "alembic", "app.services", "app.api")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, as dotted names: `from a import b` names a.b when a.b is a module, else a
    (the parent packages that Python runs on the way are not counted: they are the route, not the source)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: relative import"
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.add(sub if sub in MODULES else node.module)
    return out


def _stage(module: str) -> int:
    parts = module.split(".")
    return TOP if len(parts) == 2 else STAGES[parts[2]]


GRAPH = {m: {i for i in _imports(p) if i in MODULES and i != m} for m, p in MODULES.items()}


def test_every_engine_module_belongs_to_a_stage():
    assert all(m == "app.engine" or m.split(".")[2] in STAGES for m in MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_stage_order(module):
    later = sorted(i for i in GRAPH[module] if _stage(i) > _stage(module))
    assert not later, f"{module} imports from later stages: {later}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_engine_imports_nothing_of_the_layers_above(module):
    bad = sorted(i for i in _imports(MODULES[module])
                 if any(i == f or i.startswith(f + ".") for f in FORBIDDEN)
                 or (i.startswith("app.") and not i.startswith("app.engine")))
    assert not bad, f"{module} imports {bad}"


def test_no_import_cycle():
    state: dict[str, int] = {}  # 1 = on the path, 2 = done

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for nxt in sorted(GRAPH[m]):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):] + [nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[m] = 2

    for m in sorted(MODULES):
        if m not in state:
            visit(m, [m])


def test_the_walk_sees_type_checking_imports(tmp_path):
    """The reader counts an import under `if TYPE_CHECKING:` (a cycle through one would be caught)."""
    src = tmp_path / "m.py"
    src.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.engine.model import Claim\n"
    )
    assert "app.engine.model" in _imports(src)
