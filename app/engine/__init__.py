"""The pure core of Tally: strings in, dataclasses out; no database, HTTP or framework imports.

>>> from app.engine import extract_claims
>>> [c.text for c in extract_claims("Russia fired 653 drones.")]
['653 drones']
"""

from app.engine.corrections import compare_revisions
from app.engine.extract import extract_claims, warm_up
from app.engine.model import (
    ArticleText,
    Claim,
    ClaimRef,
    Finding,
    Frame,
    Report,
    Segment,
    Story,
    Value,
)
from app.engine.report import check_articles, group_into_stories

__all__ = [
    "ArticleText",
    "Claim",
    "ClaimRef",
    "Finding",
    "Frame",
    "Report",
    "Segment",
    "Story",
    "Value",
    "check_articles",
    "compare_revisions",
    "extract_claims",
    "group_into_stories",
    "warm_up",
]
