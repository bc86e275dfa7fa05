"""The lexicons: one loader, one format for tables (TOML), plain word lists, each concept listed once."""

from pathlib import Path

import pytest

import app.engine.lexicon as lexicon
from app.engine.lexicon.load import HERE

TABLES = sorted(p.stem for p in HERE.glob("*.toml"))
LISTS = sorted(p.stem for p in HERE.glob("*.txt"))


def test_data_files_are_toml_tables_or_word_lists():
    data = [p for p in HERE.iterdir() if p.suffix not in (".py",) and p.name != "__pycache__"]
    assert data and all(p.suffix in (".toml", ".txt") for p in data), sorted(p.name for p in data)


@pytest.mark.parametrize("name", TABLES)
def test_every_table_loads(name):
    assert lexicon.table(name)


@pytest.mark.parametrize("name", LISTS)
def test_every_word_list_loads_lower_cased(name):
    words = lexicon.word_list(name)
    assert words and all(w == w.lower() for w in words)


def test_a_section_holding_words_is_named_alone():
    assert lexicon.words("frame", "negation") == lexicon.words("frame", "negation", "words")


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in [k, *_strings(v)]]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def test_calendar_words_are_listed_once():
    """Month names, weekdays and relative days live in calendar.toml only: two lists cannot disagree."""
    cal = lexicon.calendar()
    calendar_words = set(cal.names) | {" ".join(p) for p in (*cal.relative_days, *cal.relative_spans)}
    calendar_words.discard("may")  # also the modal verb, which ends a noun phrase
    for name in TABLES:
        if name != "calendar":
            found = {s.lower() for s in _strings(lexicon.table(name))} & calendar_words
            assert not found, f"{name}.toml lists calendar words {sorted(found)}"
    for name in LISTS:
        found = set(lexicon.word_list(name)) & calendar_words
        assert not found, f"{name}.txt lists calendar words {sorted(found)}"


def test_qualifier_phrases_are_listed_once():
    """Qualifier phrases and their properties (bound side, strictness, reach) are in qualifiers.toml only
    (one-word ones such as "past" or "over" have other uses elsewhere; the unambiguous ones are checked)."""
    table = lexicon.qualifiers()
    phrases = {" ".join(k) for k in (*table.before, *table.after) if len(k) > 1}
    phrases |= {"barely", "nearly", "almost", "roughly", "approximately"}
    assert {"barely", "nearly", "more than", "or more"} <= phrases
    for name in TABLES:
        if name != "qualifiers":
            found = {s.lower() for s in _strings(lexicon.table(name))} & phrases
            assert not found, f"{name}.toml lists qualifier phrases {sorted(found)}"


def test_the_loader_reads_only_its_own_folder():
    assert Path(lexicon.load.__file__).parent == HERE
