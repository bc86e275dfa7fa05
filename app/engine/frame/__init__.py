"""Framing: what each claim counts, the action, actor, place, time and attribution (its fact key).

Framing happens once, here, at extraction: the comparison reads the frames as they are.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.engine.frame.circumstances import settle_event_times
from app.engine.frame.frame import frame_claim
from app.engine.model import Claim


def frame_claims(claims: list[Claim], published_at: date | None = None) -> list[Claim]:
    """The claims of one text with their frames, event times settled against the dates of their sentences."""
    return settle_event_times([replace(c, frame=frame_claim(c, published_at)) for c in claims])
