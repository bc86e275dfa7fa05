"""The engine's comparison of recently computed stories, kept in this process between ingests, with what
the database held of each when it was kept.

    kept = take(key_of(url, story_id))              # a Kept (taken out while in use), or None
    kept.trusted(story.stamp)                       # nobody wrote the story since: trust all of it
    kept.state_for(versions)                        # else its StoryState, when still of some of `versions`
    keep(key, Kept(state, versions, stamp, rows))   # after the findings it gave were written

A story's row carries a stamp, a fresh token each time its findings are written (`stories.stamp`; None
after a merge or a new revision). While the stamp is the one this process wrote, the kept comparison and
rows are what the database holds, and an ingest reads nothing of the story's other articles. Another
process (or a transaction rolled back) that wrote the story in between changed the stamp: the state is
then handed out only for the articles it compared, at the versions it compared (revision id and text
digest), and the caller reads the rest from the database. A state is taken out while in use, so one
thread uses it at a time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from app import engine
from app.services.stored_rows import StoredRows

KEPT = 5_000  # articles kept across stories, about 60 MB each 1,000 (the least recently changed go first)

Versions = dict[str, tuple[int | None, str]]  # article id -> (revision id, text digest)


@dataclass
class Kept:
    """A story's comparison (`state`, of the articles at `versions`) and the rows it wrote (`rows`) under
    the story's `stamp`."""

    state: engine.StoryState
    versions: Versions
    stamp: str | None
    rows: StoredRows

    def trusted(self, stamp: str | None) -> bool:
        """Whether the database still holds what this process wrote (nobody wrote the story since)."""
        return stamp is not None and stamp == self.stamp

    def state_for(self, current: Versions) -> engine.StoryState | None:
        """The state, when each article it compared is in `current` at the same version."""
        if any(current.get(article_id) != version for article_id, version in self.versions.items()):
            return None
        return self.state


_lock = threading.Lock()
_kept: OrderedDict[tuple[str, str], Kept] = OrderedDict()


def key_of(url: object, story_id: str) -> tuple[str, str]:
    """The key of story `story_id` of the database at `url`."""
    return (str(url), story_id)


def take(key: tuple[str, str]) -> Kept | None:
    """What was kept of story `key`, taken out (the caller keeps it again when done)."""
    with _lock:
        return _kept.pop(key, None)


def keep(key: tuple[str, str], kept: Kept, limit: int = KEPT) -> None:
    """Keep `kept` for the next change to the story, and at most `limit` articles' states in all."""
    with _lock:
        _kept[key] = kept
        _kept.move_to_end(key)
        count = sum(len(k.versions) for k in _kept.values())
        while count > limit and len(_kept) > 1:
            count -= len(_kept.popitem(last=False)[1].versions)
