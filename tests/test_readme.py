"""README.md stays true: every setting, route and command that exists is documented there."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import cli
from app.config import Settings
from app.main import create_app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
ROUTES = [
    f"{method.upper()} {path}"
    for path, operations in create_app(Settings(_env_file=None)).openapi()["paths"].items()  # type: ignore[call-arg]
    for method in operations
]


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_readme_documents_every_setting(name):
    assert f"`TALLY_{name.upper()}`" in README


@pytest.mark.parametrize("route", ROUTES)
def test_readme_documents_every_route(route):
    assert f"`{route}`" in README


@pytest.mark.parametrize("command", sorted(c.name or c.callback.__name__ for c in cli.registered_commands))
def test_readme_documents_every_command(command):
    assert f"`tally {command}" in README
