"""Page furniture: lines that are not body text (photo captions, "Click to Gallery", copyright lines, tag
lists), so their figures are never compared. The patterns are data (lexicon/furniture.toml).

    >>> line_context("Click to Gallery"), line_context("Crews rescued 12 people. (AP Photo/Ana Writer)")
    ('boilerplate', 'caption')
"""

from __future__ import annotations

import re
from functools import cache

from app.engine import lexicon
from app.engine.model import Context


@cache
def _patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    d = lexicon.table("furniture")
    boiler = [re.compile(p, re.IGNORECASE) for p in d["boilerplate"]]
    caption = [re.compile(p, re.IGNORECASE) for p in d["caption"]]
    return boiler, caption


def line_context(line: str) -> Context:
    """'caption', 'boilerplate' or 'body' for one stripped line of an article."""
    boiler, caption = _patterns()
    if any(p.match(line) for p in boiler):
        return "boilerplate"
    if any(p.match(line) for p in caption):
        return "caption"
    if _is_tag_list(line):
        return "boilerplate"
    return "body"


def _is_tag_list(line: str) -> bool:
    """'Volodymyr Zelenskyy, General news, Drones, ...': many short comma-separated items, no verb ending."""
    items = [x.strip() for x in line.split(",")]
    if len(items) < 6 or line.rstrip().endswith((".", "!", "?", '"', "”")):
        return False
    return sum(len(x.split()) <= 4 for x in items) >= 0.8 * len(items)
