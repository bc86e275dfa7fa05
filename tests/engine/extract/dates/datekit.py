"""Read the dates of a sentence through the whole engine, as /v1/extract does."""

from __future__ import annotations

from datetime import date

from app.engine import extract_claims
from app.engine.model import Claim


def dates(text: str, published: date | None) -> list[Claim]:
    """The date claims of `text`."""
    return [c for c in extract_claims(text, published) if c.kind == "date"]


def iso(text: str, published: date | None, surface: str | None = None) -> str | None:
    """The ISO value of the one date claim of `text` (or of the one whose text is `surface`)."""
    found = [c for c in dates(text, published) if surface is None or c.text == surface]
    assert len(found) == 1, [(c.text, c.value.iso) for c in dates(text, published)]
    return found[0].value.iso


def isos(text: str, published: date | None) -> list[tuple[str, str | None]]:
    """(text, ISO value) of every date claim of `text`."""
    return [(c.text, c.value.iso) for c in dates(text, published)]
