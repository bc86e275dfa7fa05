"""The examples in the quantity engine's docstrings run and say what they show."""

import doctest
import importlib

import pytest

MODULES = [
    "tokens",
    "numbers",
    "units",
    "dates",
    "text",
    "idents",
    "trends",
    "cues",
    "elision",
    "quantities",
    "extract",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(f"app.engine.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
