"""Claim framing: what is counted, the action, the actor, the place, the attribution.

Placeholder implementation; the comparison work replaces it with lexicon-driven framing.
"""

from __future__ import annotations

from app.engine.model import Claim, Frame


def frame_claim(claim: Claim) -> Frame:
    """Describe who did what to the things `claim` counts, from its sentence."""
    return Frame(counted=claim.value.unit, noun=claim.value.unit)
