"""Lexicon stage: the data files, apart from the code, and the one loader that reads them.

Tables are TOML (one table per concept: calendar.toml, qualifiers.toml, units.toml, actions.toml, ...),
plain word lists are .txt. To teach the engine a word, edit a file here: no code to read.

    >>> words("frame", "negation") >= {"no", "not"}
    True
"""

from app.engine.lexicon.calendar import Calendar, calendar
from app.engine.lexicon.load import phrase_table, table, word_list, words
from app.engine.lexicon.lookups import (
    action_phrases,
    actions_compatible,
    actions_contradict,
    actor_aliases,
    capitals,
    counted_class,
    counted_classes,
    measures,
    outcomes,
    people_classes,
    state_of,
    stopwords,
    synonyms,
)
from app.engine.lexicon.qualifiers import Qualifier, Qualifiers, qualifiers

__all__ = [
    "Calendar",
    "Qualifier",
    "Qualifiers",
    "action_phrases",
    "actions_compatible",
    "actions_contradict",
    "actor_aliases",
    "calendar",
    "capitals",
    "counted_class",
    "counted_classes",
    "people_classes",
    "measures",
    "outcomes",
    "state_of",
    "phrase_table",
    "qualifiers",
    "stopwords",
    "synonyms",
    "table",
    "word_list",
    "words",
]
