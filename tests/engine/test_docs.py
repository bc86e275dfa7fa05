"""The examples in the engine's docstrings run and say what they show: every module is found by walking the
package, none is listed by hand."""

import doctest
import importlib
import pkgutil

import pytest

import app.engine


def _modules() -> list[str]:
    names = [app.engine.__name__]
    names += [m.name for m in pkgutil.walk_packages(app.engine.__path__, prefix="app.engine.")]
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module)
    assert result.failed == 0


def test_every_stage_shows_an_example():
    """Each stage package has at least one module with a docstring example (so the walk finds something)."""
    shown = {name.split(".")[2] for name in _modules() if name.count(".") >= 2
             and doctest.DocTestFinder().find(importlib.import_module(name))
             and any(t.examples for t in doctest.DocTestFinder().find(importlib.import_module(name)))}
    assert {"lexicon", "text", "extract", "frame", "compare"} <= shown
