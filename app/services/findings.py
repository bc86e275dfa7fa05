"""A story's stored claims and findings, recomputed by the engine after each change to the story.

The engine compares the story's articles as one story (`engine.StoryState`, the findings of
`engine.compare_story`): which articles belong together was decided when each joined
(`app.services.stories`), and is not decided again here. The comparison is kept in the process between
changes (`app.services.story_states`): a new article is added to it, which costs what the article touches,
not what the story holds; a story this process has not compared yet, or whose articles changed or left,
is compared anew.

Claims are extracted once per text and engine: a revision's stored claims are handed back to the engine
while `claims_engine` matches `engine_fingerprint()`. Findings found again keep their row and id (identity =
`fingerprint`: type, verdict and the engine's anchor claim, else all their claims), so callers can tell
which findings are new; findings no longer found are deleted. Writes are batched: one insert per table,
one delete per kind of removal.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from app import engine, models
from app.services import story_states
from app.services.articles import CONTENT_ORDER
from app.services.shapes import claim_fields, engine_claim, engine_date, row_fields, shown_datetime

_CHUNK = 500  # ids per IN (...) list


def engine_article(
    article: models.Article, revision: models.ArticleRevision, key: str | None, text: str | None = None
) -> engine.ArticleText:
    """What the engine needs of a stored article's revision (`text`: its text, when read already)."""
    return engine.ArticleText(
        id=article.id,
        source=article.source,
        text=revision.text if text is None else text,
        published_at=engine_date(shown_datetime(revision.published_at, revision.published_date_only)),
        url=article.url,
        title=revision.title,
        story_key=key,
    )


def with_current_text(
    session: Session, articles: Sequence[models.Article], texts: bool = True
) -> list[tuple[models.Article, models.ArticleRevision]]:
    """Each article with its current revision, in the order given (`texts=False`: the texts are read when
    asked for, one by one; `current_texts` reads many at once)."""
    if not articles:
        return []
    statement = (
        select(models.ArticleRevision)
        .join(models.Article, col(models.Article.id) == col(models.ArticleRevision.article_id))
        .where(
            col(models.Article.id).in_([a.id for a in articles]),
            col(models.ArticleRevision.number) == col(models.Article.current_revision),
        )
    )
    if not texts:
        statement = statement.options(defer(models.ArticleRevision.text))  # type: ignore[arg-type]
    by_article = {r.article_id: r for r in session.exec(statement).all()}
    return [(a, by_article[a.id]) for a in articles]


def current_texts(
    session: Session, pairs: Sequence[tuple[models.Article, models.ArticleRevision]], key: str | None
) -> list[engine.ArticleText]:
    """`engine_article` of each pair, the texts read in one query per _CHUNK revisions."""
    ids = [r.id for _, r in pairs if r.id is not None]
    texts: dict[int, str] = {}
    revision = models.ArticleRevision
    for chunk in _chunks(ids):
        rows = session.exec(select(revision.id, revision.text).where(col(revision.id).in_(chunk))).all()
        texts.update((i, t) for i, t in rows)
    return [engine_article(a, r, key, texts.get(r.id or -1)) for a, r in pairs]


def fingerprint(finding: engine.Finding, claim_keys: dict[tuple[str, int], str]) -> str:
    """Identity of a finding across recomputations: its type and verdict and the claim the engine anchors
    it on (so it keeps its id when another source joins it), else all the claims it rests on."""
    if finding.anchor is not None:
        anchor = claim_keys[(finding.anchor.article_id, finding.anchor.index)]
        parts = [finding.type, finding.verdict or "", anchor]
    else:
        parts = [finding.type, *sorted(claim_keys[(r.article_id, r.index)] for r in finding.claims)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _stored_claims(
    session: Session, revisions: Sequence[models.ArticleRevision]
) -> dict[int, list[models.Claim]]:
    """The stored claims of each revision (one query), in text order."""
    ids = [r.id for r in revisions if r.id is not None]
    by_revision: dict[int, list[models.Claim]] = {i: [] for i in ids}
    for chunk in _chunks(ids):
        rows = session.exec(
            select(models.Claim)
            .where(col(models.Claim.revision_id).in_(chunk))
            .order_by(col(models.Claim.revision_id), col(models.Claim.position))
        ).all()
        for row in rows:
            by_revision[row.revision_id].append(row)
    return by_revision


def _claim_keys(session: Session, revisions: Sequence[models.ArticleRevision]) -> dict[int, list[Any]]:
    """What findings need of the stored claims of each revision (id, position, offsets, text), in text
    order: a large story's claims without building their ORM objects."""
    ids = [r.id for r in revisions if r.id is not None]
    by_revision: dict[int, list[Any]] = {i: [] for i in ids}
    claim = models.Claim
    for chunk in _chunks(ids):
        rows = session.exec(
            select(claim.id, claim.revision_id, claim.position, claim.start, claim.end, claim.text)
            .where(col(claim.revision_id).in_(chunk))
            .order_by(col(claim.revision_id), col(claim.position))
        ).all()
        for row in rows:
            by_revision[row.revision_id].append(row)
    return by_revision


def _sync_claims(
    session: Session,
    revision: models.ArticleRevision,
    stored: list[models.Claim],
    claims: Sequence[engine.Claim],
) -> list[models.Claim]:
    """Make the stored claims of `revision` equal the engine's.

    Claims this engine stored are kept when they still match; claims another engine stored are rewritten.
    """
    trusted = revision.claims_engine == engine_fingerprint()
    if trusted and [(c.start, c.end, c.kind, c.value) for c in stored] == [
        (c.start, c.end, c.kind, dataclasses.asdict(c.value)) for c in claims
    ]:
        return stored
    revision.claims_engine = engine_fingerprint()
    session.add(revision)
    for row in stored:
        session.expunge(row)
    if stored:
        session.execute(delete(models.Claim).where(col(models.Claim.revision_id) == revision.id))
    rows = [
        models.Claim(revision_id=revision.id, article_id=revision.article_id, position=i, **claim_fields(c))
        for i, c in enumerate(claims)
    ]
    session.add_all(rows)
    session.flush()
    return rows


def _update(row: models.Finding, finding: engine.Finding) -> None:
    values = {
        "verdict": finding.verdict,
        "kind": finding.kind,
        "confidence": finding.confidence,
        "severity": finding.severity,
        "reason": finding.reason,
        "fact": finding.fact,
        "old_value": finding.old_value,
        "new_value": finding.new_value,
        "independent_sources": list(finding.independent_sources),
    }
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


LinkKey = tuple[int, int, int | None]  # (claim row id, position in the finding, side)


def _link_keys(finding: engine.Finding, claim_row: dict[tuple[str, int], models.Claim]) -> set[LinkKey]:
    """The claim links `finding` should have: each claim once, in order, with its discrepancy side."""
    side_of = {(r.article_id, r.index): n for n, side in enumerate(finding.sides) for r in side}
    return {
        (claim_row[(r.article_id, r.index)].id, position, side_of.get((r.article_id, r.index)))  # type: ignore[misc]
        for position, r in enumerate(dict.fromkeys(finding.claims))
    }


def _links(row: models.Finding, keys: set[LinkKey]) -> list[dict[str, int | None]]:
    return [
        {"finding_id": row.id, "claim_id": claim_id, "position": position, "side": side}
        for claim_id, position, side in keys
    ]


def _stored_links(session: Session, story: models.Story) -> dict[int | None, set[LinkKey]]:
    """The claim links of each stored finding of `story` (one query)."""
    rows = session.exec(
        select(
            models.FindingClaim.finding_id,
            models.FindingClaim.claim_id,
            models.FindingClaim.position,
            models.FindingClaim.side,
        )
        .join(models.Finding, col(models.Finding.id) == col(models.FindingClaim.finding_id))
        .where(models.Finding.story_id == story.id)
    ).all()
    keyed: dict[int | None, set[LinkKey]] = {}
    for finding_id, claim_id, position, side in rows:
        keyed.setdefault(finding_id, set()).add((claim_id, position, side))
    return keyed


def _revision_findings(
    session: Session,
    pairs: Sequence[tuple[models.Article, models.ArticleRevision]],
    claims: dict[str, Sequence[engine.Claim]],
) -> list[engine.Finding]:
    """Corrections between each revised article's previous and current text (figures that changed)."""
    found: list[engine.Finding] = []
    for article, revision in pairs:
        if revision.number < 2:
            continue
        previous = session.exec(
            select(models.ArticleRevision).where(
                models.ArticleRevision.article_id == article.id,
                models.ArticleRevision.number == revision.number - 1,
            )
        ).first()
        if previous is None:
            continue
        old = replace(engine_article(article, previous, None), id=f"{article.id}@{previous.number}")
        old_claims = current_claims(session, [(article, previous)])[article.id]  # stored ones when trusted
        new = engine_article(article, revision, None)
        found.extend(engine.compare_revisions(old, new, old_claims, claims.get(article.id, ())))
    return found


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Identifies the engine's code, lexicons and libraries (claims another engine stored are redone)."""
    root = Path(engine.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    for library in ("pint",):  # quantulum3's unit words are an engine file (lexicon/quantulum_units.toml)
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{library}=={metadata.version(library)}".encode())
    return digest.hexdigest()[:32]


def current_claims(
    session: Session,
    pairs: Sequence[tuple[models.Article, models.ArticleRevision]],
    fresh: dict[str, Sequence[engine.Claim]] | None = None,
    stored: dict[int, list[models.Claim]] | None = None,
    texts: dict[str, engine.ArticleText] | None = None,
) -> dict[str, Sequence[engine.Claim]]:
    """Each article's claims: `fresh` ones, else those stored by this very engine, else extracted now.

    `stored` may pass the stored claims already loaded (revision id -> rows), `texts` the articles' texts.
    """
    claims: dict[str, Sequence[engine.Claim]] = dict(fresh or {})
    reusable = [r for a, r in pairs if a.id not in claims and r.claims_engine == engine_fingerprint()]
    reusable_ids = {r.id for r in reusable}
    if stored is None:
        stored = _stored_claims(session, reusable)
    for article, revision in pairs:
        if article.id in claims:
            continue
        if revision.id in reusable_ids and revision.id in stored:
            claims[article.id] = [engine_claim(row_fields(row)) for row in stored[revision.id]]
        else:
            text = (texts or {}).get(article.id) or engine_article(article, revision, None)
            claims[article.id] = engine.extract_claims(text.text, text.published_at)
    return claims


Sides = frozenset[tuple[int | None, str, str]]  # (side, article id, claim text) of each claim of a finding


def _stored_sides(session: Session, story: models.Story) -> dict[int, Sides]:
    """What each stored finding of `story` rests on, side by side (one query), before claims are redone."""
    rows = session.exec(
        select(
            models.FindingClaim.finding_id,
            models.FindingClaim.side,
            models.Claim.article_id,
            models.Claim.text,
        )
        .join(models.Claim, col(models.Claim.id) == col(models.FindingClaim.claim_id))
        .join(models.Finding, col(models.Finding.id) == col(models.FindingClaim.finding_id))
        .where(models.Finding.story_id == story.id)
    ).all()
    sides: dict[int, set[tuple[int | None, str, str]]] = {}
    for finding_id, side, article_id, text in rows:
        sides.setdefault(finding_id, set()).add((side, article_id, text))
    return {finding_id: frozenset(found) for finding_id, found in sides.items()}


def _sides(finding: engine.Finding, claim_row: dict[tuple[str, int], models.Claim]) -> Sides:
    side_of = {(r.article_id, r.index): n for n, side in enumerate(finding.sides) for r in side}
    return frozenset(
        (side_of.get((r.article_id, r.index)), r.article_id, claim_row[(r.article_id, r.index)].text)
        for r in finding.claims
    )


def recompute_story(
    session: Session,
    story: models.Story,
    fresh: dict[str, Sequence[engine.Claim]] | None = None,
    changed: list[models.Finding] | None = None,
) -> list[models.Finding]:
    """Re-run the engine on the story's current texts; store claims and findings; return the new findings.

    Only articles whose claims are not stored (new texts, or stored by another engine version) are
    extracted; `fresh` passes claims the caller extracted already. Findings found again whose claims
    changed (a new outlet joins a side, a figure was revised) are added to `changed`, for the caller to
    announce (`finding.updated`); the same figures found again in re-extracted claims are no change.

    The story row is locked first (PostgreSQL `FOR NO KEY UPDATE`, which does not wait for the key-share
    locks of rows being inserted with a reference to it), so concurrent ingests into one story take turns.
    """
    session.get(models.Story, story.id, with_for_update={"key_share": True}, populate_existing=True)
    articles = session.exec(
        select(models.Article).where(models.Article.story_id == story.id).order_by(*CONTENT_ORDER)
    ).all()
    pairs = with_current_text(session, articles, texts=False)  # a kept comparison needs few texts
    before = _stored_sides(session, story) if changed is not None else {}
    state, claims = _compared(session, story, pairs, fresh or {})

    # claims read back from this engine's rows are those rows: only the others need writing (or checking)
    from_rows = {
        a.id for a, r in pairs if a.id not in (fresh or {}) and r.claims_engine == engine_fingerprint()
    }
    rewritten = [r for a, r in pairs if a.id not in from_rows]
    rows: dict[int, list[Any]] = {**_claim_keys(session, [r for a, r in pairs if a.id in from_rows])}
    stored = _stored_claims(session, rewritten)
    for article, revision in pairs:
        if article.id not in from_rows:
            rows[revision.id] = _sync_claims(  # type: ignore[index]
                session, revision, stored.get(revision.id or -1, []), claims.get(article.id, ())
            )
    claim_row: dict[tuple[str, int], Any] = {}
    claim_key: dict[tuple[str, int], str] = {}
    for article, revision in pairs:
        for row in rows.get(revision.id or -1, []):
            claim_row[(article.id, row.position)] = row
            claim_key[(article.id, row.position)] = f"{article.id}:{revision.number}:{row.start}:{row.end}"

    existing = {
        f.fingerprint: f
        for f in session.exec(select(models.Finding).where(models.Finding.story_id == story.id)).all()
    }
    linked = _stored_links(session, story)
    added: list[tuple[models.Finding, engine.Finding]] = []
    relink: list[tuple[models.Finding, engine.Finding]] = []
    seen: set[str] = set()
    for finding in [*state.findings(), *_revision_findings(session, pairs, claims)]:
        refs = [*finding.claims, *([finding.anchor] if finding.anchor else [])]
        if any((r.article_id, r.index) not in claim_row for r in refs):
            continue  # the engine pointed outside this story's claims: nothing to prove it with
        print_ = fingerprint(finding, claim_key)
        if print_ in seen:  # two findings on one anchor: tell them apart by all their claims
            print_ = fingerprint(replace(finding, anchor=None), claim_key)
        if print_ in seen:
            continue
        seen.add(print_)
        row = existing.get(print_)
        if row is None:
            row = models.Finding(story_id=story.id, fingerprint=print_, type=finding.type, reason="")
            added.append((row, finding))
        elif _link_keys(finding, claim_row) != linked.get(row.id):
            relink.append((row, finding))  # other claims now, or its claim rows were replaced
            if changed is not None and before.get(row.id or -1) != _sides(finding, claim_row):
                changed.append(row)
        _update(row, finding)
    session.add_all(row for row, _ in added)
    session.flush()

    relinked_ids = [row.id for row, _ in relink if row.id is not None]
    for ids in _chunks(relinked_ids):
        session.execute(delete(models.FindingClaim).where(col(models.FindingClaim.finding_id).in_(ids)))
    links = [link for row, found in [*added, *relink] for link in _links(row, _link_keys(found, claim_row))]
    if links:  # rows, not ORM objects: a finding of a large story has thousands
        session.execute(insert(models.FindingClaim), links)
    gone = [row.id for print_, row in existing.items() if print_ not in seen and row.id is not None]
    for row in (row for print_, row in existing.items() if print_ not in seen):
        session.expunge(row)
    for ids in _chunks(gone):
        session.execute(delete(models.Finding).where(col(models.Finding.id).in_(ids)))

    _relabel(story)
    story.updated_at = models.utcnow()
    session.add(story)
    session.flush()
    story_states.keep(_state_key(session, story), state, _versions(pairs))
    return [row for row, _ in added]


REBUILD_AFTER = 16  # articles a kept comparison lacks beyond which the story is compared anew


def _compared(
    session: Session,
    story: models.Story,
    pairs: Sequence[tuple[models.Article, models.ArticleRevision]],
    fresh: dict[str, Sequence[engine.Claim]],
) -> tuple[engine.StoryState, dict[str, Sequence[engine.Claim]]]:
    """The engine's comparison of the story's current texts and the claims it compared: the one this
    process kept from the story's last change, given the articles it lacks, else compared anew (only the
    articles it lacks are loaded and extracted)."""
    state = story_states.take(_state_key(session, story), _versions(pairs))
    known = state.article_ids if state is not None else set()
    lacking = [(a, r) for a, r in pairs if a.id not in known]
    if state is None or len(lacking) > REBUILD_AFTER:
        state, lacking = None, list(pairs)
    texts = current_texts(session, lacking, story.id)
    loaded = current_claims(session, lacking, fresh, texts={t.id: t for t in texts})
    if state is None:
        state = engine.StoryState.build(story.id, texts, loaded)
    else:
        for text in texts:
            state.add(text, loaded[text.id])
    return state, state.claims()


def _state_key(session: Session, story: models.Story) -> tuple[str, str]:
    return (str(session.get_bind().url), story.id)


def _versions(pairs: Sequence[tuple[models.Article, models.ArticleRevision]]) -> story_states.Versions:
    return {a.id: (r.id, r.text_sha256) for a, r in pairs}


def _relabel(story: models.Story) -> None:
    """An engine-found story is labelled by the words that weigh most across its representatives."""
    if story.key is not None or not story.representatives:
        return
    terms = engine.story_label([engine.signature_from_dict(r) for r in story.representatives], 8)
    if terms:
        story.label = ", ".join(terms[:4])[:500]
    story.key_terms = list(terms)
