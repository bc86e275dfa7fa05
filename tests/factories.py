"""Articles written for the tests (invented events, our own words)."""

from __future__ import annotations

from typing import Any

FERRY_WIRE = (
    "A ferry carrying 212 passengers ran aground near Port Avel on Tuesday. "
    "Coast guard boats rescued 198 people and 14 crew members were taken to hospital."
)
FERRY_DAILY = (
    "Rescuers pulled 198 people from the water after the ferry struck rocks on Tuesday. "
    "The vessel had 212 passengers on board, officials said, and 3 lifeboats were launched."
)
FERRY_DAILY_CORRECTED = FERRY_DAILY.replace("3 lifeboats", "4 lifeboats")


def article(id_: str | None = "wire-1", **fields: Any) -> dict[str, Any]:
    """A valid article body; `fields` override the defaults."""
    body: dict[str, Any] = {
        "source": "Wire Service",
        "url": f"https://wire.example/{id_ or 'story'}",
        "title": "Ferry runs aground",
        "published_at": "2025-05-13",
        "text": FERRY_WIRE,
    }
    if id_ is not None:
        body["id"] = id_
    body.update(fields)
    return body
