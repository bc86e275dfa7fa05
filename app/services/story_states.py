"""The engine's comparison of recently computed stories, kept in this process between ingests.

    state = take(key, versions)     # a StoryState of some of `versions` (article id -> version), or None
    keep(key, state, versions)      # after the findings it gave were written

A state is only handed out for the articles it compared, at the versions it compared (revision id and
text digest): the caller adds the articles it lacks (`StoryState.add`, the findings of a rebuild) and
rebuilds it when one of its articles changed or left. Another process that wrote the story in between
costs nothing but those additions. A state is taken out while in use, so one thread uses it at a time;
one whose transaction was rolled back does not match the database's versions any more and is rebuilt.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from app import engine

KEPT = 5_000  # articles kept across stories, about 60 MB each 1,000 (the least recently changed go first)

Versions = dict[str, tuple[int | None, str]]  # article id -> (revision id, text digest)

_lock = threading.Lock()
_states: OrderedDict[tuple[str, str], tuple[engine.StoryState, Versions]] = OrderedDict()


def take(key: tuple[str, str], current: Versions) -> engine.StoryState | None:
    """The kept state of story `key` when each article it compared is in `current` at the same version."""
    with _lock:
        kept = _states.pop(key, None)
    if kept is None:
        return None
    state, versions = kept
    if any(current.get(article_id) != version for article_id, version in versions.items()):
        return None
    return state


def keep(key: tuple[str, str], state: engine.StoryState, versions: Versions, limit: int = KEPT) -> None:
    """Keep `state` (of the articles at `versions`) for the next change to the story, and at most `limit`
    articles' states in all."""
    with _lock:
        _states[key] = (state, dict(versions))
        _states.move_to_end(key)
        kept = sum(len(versions) for _, versions in _states.values())
        while kept > limit and len(_states) > 1:
            kept -= len(_states.popitem(last=False)[1][1])
