"""quantulum3's unit words kept as data (lexicon/quantulum_units.toml, by scripts/gen_quantulum_units.py)."""

import importlib.util
import subprocess
import sys
from pathlib import Path

from app.engine import lexicon
from app.engine.extract.units import quantulum_surfaces

ROOT = Path(__file__).resolve().parents[3]


def _generator():
    path = ROOT / "scripts" / "gen_quantulum_units.py"
    spec = importlib.util.spec_from_file_location("gen_quantulum_units", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_table_still_matches_the_installed_quantulum3():
    assert lexicon.table("quantulum_units")["surfaces"] == _generator().surfaces()


def test_the_engine_reads_unit_words_without_importing_quantulum3():
    code = (
        "import sys; from app.engine import extract_claims, warm_up; warm_up(); "
        "c = extract_claims('The horse ran 5 furlongs.'); "
        "print(c[0].value.unit, 'quantulum3' in sys.modules, 'inflect' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["furlong", "False", "False"]


def test_a_word_of_ordinary_prose_is_left_out_of_the_table():
    assert "times" not in quantulum_surfaces() and quantulum_surfaces()["furlongs"] == "furlong"
