"""Engine dataclasses and stored rows -> the response shapes of `app.schemas` (one place for both)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

from app import engine, models
from app.schemas import ClaimOut, ConvertedOut, FactKeyOut, FindingOut, FrameOut, ValueOut

CLAIM_COLUMNS = (
    "start",
    "end",
    "text",
    "kind",
    "trend",
    "context",
    "sentence",
    "sentence_start",
    "sentence_end",
    "value",
    "frame",
    "converted",
    "conversion_ok",
    "is_conversion",
)


def engine_date(published_at: date | datetime | None) -> date | None:
    """The publication day the engine anchors relative dates on."""
    if isinstance(published_at, datetime):
        return published_at.date()
    return published_at


def stored_datetime(published_at: date | datetime | None) -> tuple[datetime | None, bool]:
    """(aware UTC datetime, date_only) for a column; a bare date is stored as its UTC midnight."""
    if published_at is None:
        return None, False
    if isinstance(published_at, datetime):
        aware = published_at if published_at.tzinfo else published_at.replace(tzinfo=UTC)
        return aware.astimezone(UTC), False
    return datetime(published_at.year, published_at.month, published_at.day, tzinfo=UTC), True


def shown_datetime(published_at: datetime | None, date_only: bool) -> date | datetime | None:
    """Give back what was stored: a date when a date was submitted."""
    if published_at is None:
        return None
    return published_at.date() if date_only else published_at


def claim_fields(claim: engine.Claim) -> dict[str, Any]:
    """The stored/serialised fields of an engine claim (without id and article); `engine_claim` inverts it."""
    return {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "kind": claim.kind,
        "trend": claim.trend,
        "context": claim.context,
        "sentence": claim.sentence,
        "sentence_start": claim.sentence_start,
        "sentence_end": claim.sentence_end,
        "value": dataclasses.asdict(claim.value),
        "frame": dataclasses.asdict(claim.frame),
        "converted": [claim_fields(c) for c in claim.converted],
        "conversion_ok": claim.conversion_ok,
        "is_conversion": claim.is_conversion,
    }


def _rebuild(cls: Any, data: dict[str, Any]) -> Any:
    """A frozen engine dataclass from its `asdict` form (lists back to tuples; unknown keys dropped)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names})


def engine_claim(fields: dict[str, Any]) -> engine.Claim:
    """The engine claim that `claim_fields` (or a stored row) describes."""
    return engine.Claim(
        start=fields["start"],
        end=fields["end"],
        text=fields["text"],
        kind=fields["kind"],
        value=_rebuild(engine.Value, fields["value"]),
        sentence_start=fields["sentence_start"],
        sentence_end=fields["sentence_end"],
        sentence=fields["sentence"],
        trend=fields.get("trend"),
        frame=_rebuild(engine.Frame, fields.get("frame") or {}),
        context=fields.get("context") or "body",
        converted=tuple(engine_claim(c) for c in fields.get("converted") or ()),
        conversion_ok=fields.get("conversion_ok"),
        is_conversion=bool(fields.get("is_conversion")),
    )


def row_fields(row: models.Claim) -> dict[str, Any]:
    """The `claim_fields` form of a stored claim."""
    return {name: getattr(row, name) for name in CLAIM_COLUMNS}


def claim_out(claim_id: str, article_id: str | None, fields: dict[str, Any]) -> ClaimOut:
    """A claim document from `claim_fields` output (or a stored row's equivalent)."""
    return ClaimOut(
        id=claim_id,
        article_id=article_id,
        start=fields["start"],
        end=fields["end"],
        text=fields["text"],
        kind=fields["kind"],
        trend=fields["trend"],
        context=fields["context"],
        sentence=fields["sentence"],
        sentence_start=fields["sentence_start"],
        sentence_end=fields["sentence_end"],
        value=ValueOut(**fields["value"]),
        frame=FrameOut(**fields["frame"]),
        key=_key_out(fields),
        converted=[ConvertedOut(**{**c, "value": ValueOut(**c["value"])}) for c in fields["converted"]],
        conversion_ok=fields.get("conversion_ok"),
        is_conversion=bool(fields.get("is_conversion")),
    )


def _key_out(fields: dict[str, Any]) -> FactKeyOut:
    key = engine.fact_key(engine_claim(fields))
    return FactKeyOut(block=list(key.block or ()), measure=key.measure, scope=list(key.scope),
                      holder=key.holder, action=key.action, claimant=key.claimant, modality=key.modality,
                      event=key.event, as_of=key.as_of)


def stored_claim_id(article_id: str, revision: int, position: int) -> str:
    """Public id of a stored claim: `<article>:<revision>:<position>`."""
    return f"{article_id}:{revision}:{position}"


def stored_claim_out(row: models.Claim, revision: int) -> ClaimOut:
    """A claim document from a stored row."""
    return claim_out(stored_claim_id(row.article_id, revision, row.position), row.article_id, row_fields(row))


def finding_out(
    finding_id: str, finding: engine.Finding, claim_id: dict[tuple[str, int], str], story_id: str | None
) -> FindingOut:
    """A finding document from an engine finding; `claim_id` maps (article id, index) to public ids."""

    def ids(refs: tuple[engine.ClaimRef, ...]) -> list[str]:
        return [claim_id[(r.article_id, r.index)] for r in refs]

    return FindingOut(
        id=finding_id,
        type=finding.type,
        claims=ids(finding.claims),
        reason=finding.reason,
        severity=finding.severity,
        story_id=story_id,
        fact=finding.fact,
        verdict=finding.verdict,
        kind=finding.kind,
        confidence=finding.confidence,
        sides=[ids(side) for side in finding.sides],
        independent_sources=list(finding.independent_sources),
        old_value=finding.old_value,
        new_value=finding.new_value,
    )
