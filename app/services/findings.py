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
import secrets
from collections.abc import Sequence
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
from app.services.stored_rows import Before, ClaimRow, StoredRows, chunks, claim_key, write_findings


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
    """`engine_article` of each pair, the texts read in one query per 500 revisions."""
    ids = [r.id for _, r in pairs if r.id is not None]
    texts: dict[int, str] = {}
    revision = models.ArticleRevision
    for chunk in chunks(ids):
        rows = session.exec(select(revision.id, revision.text).where(col(revision.id).in_(chunk))).all()
        texts.update((i, t) for i, t in rows)
    return [engine_article(a, r, key, texts.get(r.id or -1)) for a, r in pairs]


def _stored_claims(
    session: Session, revisions: Sequence[models.ArticleRevision]
) -> dict[int, list[models.Claim]]:
    """The stored claims of each revision (one query), in text order."""
    ids = [r.id for r in revisions if r.id is not None]
    by_revision: dict[int, list[models.Claim]] = {i: [] for i in ids}
    for chunk in chunks(ids):
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
    for chunk in chunks(ids):
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
) -> Sequence[Any]:
    """Make the stored claims of `revision` equal the engine's; the rows, with at least id, position,
    start, end and text.

    Claims this engine stored are kept when they still match; claims another engine stored are rewritten.
    New rows are inserted as plain rows (one statement; no ORM object to build per claim).
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
    if not claims:
        return []
    session.flush()  # the revision row (and its new claims_engine) before the claims that point at it
    table = models.Claim.__table__  # type: ignore[attr-defined]
    values = [
        {"revision_id": revision.id, "article_id": revision.article_id, "position": i, **claim_fields(c)}
        for i, c in enumerate(claims)
    ]
    returning = (table.c.id, table.c.position, table.c.start, table.c.end, table.c.text)
    # ordered here, not by `sort_by_parameter_order`: on SQLite that option inserts one row per statement
    rows = session.connection().execute(insert(table).returning(*returning), values).all()
    return sorted(rows, key=lambda row: row.position)


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


def recompute_story(
    session: Session,
    story: models.Story,
    fresh: dict[str, Sequence[engine.Claim]] | None = None,
    changed: list[models.Finding] | None = None,
) -> list[models.Finding]:
    """Re-run the engine on the story's current texts; store claims and findings; return the new findings.

    `fresh` passes the claims of the articles that joined or changed (extracted by the caller); every other
    article's claims are read back from their rows (extracted again only when another engine stored them).
    While the story's stamp is the one this process wrote, the comparison kept from its last change only
    takes the articles of `fresh`, and nothing of the others is read. Findings found again whose claims
    changed (a new outlet joins a side, a figure was revised) are added to `changed`, for the caller to
    announce (`finding.updated`); the same figures found again in re-extracted claims are no change.

    The story row is locked first (PostgreSQL `FOR NO KEY UPDATE`, which does not wait for the key-share
    locks of rows being inserted with a reference to it), so concurrent ingests into one story take turns.
    """
    session.get(models.Story, story.id, with_for_update={"key_share": True}, populate_existing=True)
    key = _state_key(session, story)
    kept = story_states.take(key)
    if kept is not None and fresh and kept.trusted(story.stamp):
        added = _add_to_kept(session, story, kept, fresh, changed)
        if added is not None:
            return added
    return _recompute_all(session, story, kept, fresh or {}, changed)


def _add_to_kept(
    session: Session,
    story: models.Story,
    kept: story_states.Kept,
    fresh: dict[str, Sequence[engine.Claim]],
    changed: list[models.Finding] | None,
) -> list[models.Finding] | None:
    """Add the articles of `fresh` to the comparison and rows this process wrote under the story's stamp;
    None (nothing changed yet) when one of them was compared at another version (a revision)."""
    articles = [session.get(models.Article, article_id) for article_id in fresh]
    if any(a is None or a.story_id != story.id for a in articles):
        return None
    pairs = with_current_text(session, [a for a in articles if a is not None], texts=False)
    joining = [(a, r) for a, r in pairs if kept.versions.get(a.id) != (r.id, r.text_sha256)]
    if any(a.id in kept.versions for a, _ in joining):
        return None
    texts = current_texts(session, joining, story.id)
    claims = current_claims(session, joining, fresh, texts={t.id: t for t in texts})
    for text in texts:
        kept.state.add(text, claims[text.id])
    stored = _stored_claims(session, [r for _, r in joining])
    for article, revision in joining:
        rows = _sync_claims(session, revision, stored.get(revision.id or -1, []), claims[article.id])
        kept.rows.claims.set(article.id, _claim_rows(article.id, revision, rows))
        kept.versions[article.id] = (revision.id, revision.text_sha256)
    found = [*kept.state.findings(), *kept.rows.revisions]
    added, kept.rows.findings = write_findings(
        session, story, found, kept.rows.claims, Before.kept(kept.rows), changed
    )
    _written(session, story, kept)
    return added


def _recompute_all(
    session: Session,
    story: models.Story,
    kept: story_states.Kept | None,
    fresh: dict[str, Sequence[engine.Claim]],
    changed: list[models.Finding] | None,
) -> list[models.Finding]:
    """Compare the story's current articles (with the kept state when it is still of some of them) and
    write claims and findings over what the database holds."""
    articles = session.exec(
        select(models.Article).where(models.Article.story_id == story.id).order_by(*CONTENT_ORDER)
    ).all()
    pairs = with_current_text(session, articles, texts=False)  # a kept comparison needs few texts
    before = Before.read(session, story, sides=changed is not None)  # before claims are redone
    versions = _versions(pairs)
    state, claims = _compared(session, story, pairs, fresh, kept.state_for(versions) if kept else None)

    # claims read back from this engine's rows are those rows: only the others need writing (or checking)
    from_rows = {a.id for a, r in pairs if a.id not in fresh and r.claims_engine == engine_fingerprint()}
    rewritten = [r for a, r in pairs if a.id not in from_rows]
    rows: dict[int, list[Any]] = {**_claim_keys(session, [r for a, r in pairs if a.id in from_rows])}
    stored = _stored_claims(session, rewritten)
    for article, revision in pairs:
        if article.id not in from_rows:
            rows[revision.id] = _sync_claims(  # type: ignore[index]
                session, revision, stored.get(revision.id or -1, []), claims.get(article.id, ())
            )
    written = StoredRows(revisions=_revision_findings(session, pairs, claims))
    for article, revision in pairs:
        written.claims.set(article.id, _claim_rows(article.id, revision, rows.get(revision.id or -1, [])))
    added, written.findings = write_findings(
        session, story, [*state.findings(), *written.revisions], written.claims, before, changed
    )
    _written(session, story, story_states.Kept(state, versions, None, written))
    return added


def _claim_rows(
    article_id: str, revision: models.ArticleRevision, rows: Sequence[Any]
) -> dict[int, ClaimRow]:
    """Position -> what findings need of each stored claim row of `revision`."""
    number = revision.number
    return {r.position: ClaimRow(r.id, r.text, claim_key(article_id, number, r.start, r.end)) for r in rows}


def _written(session: Session, story: models.Story, kept: story_states.Kept) -> None:
    """The story's findings are written: a fresh stamp, and the comparison kept under it."""
    _relabel(story)
    story.updated_at = models.utcnow()
    story.stamp = kept.stamp = secrets.token_hex(16)
    session.add(story)
    session.flush()
    story_states.keep(_state_key(session, story), kept)


REBUILD_AFTER = 16  # articles a kept comparison lacks beyond which the story is compared anew


def _compared(
    session: Session,
    story: models.Story,
    pairs: Sequence[tuple[models.Article, models.ArticleRevision]],
    fresh: dict[str, Sequence[engine.Claim]],
    state: engine.StoryState | None,
) -> tuple[engine.StoryState, dict[str, Sequence[engine.Claim]]]:
    """The engine's comparison of the story's current texts and the claims it compared: `state` (kept from
    the story's last change, of some of its articles) given the articles it lacks, else compared anew (only
    the articles it lacks are loaded and extracted)."""
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
    return story_states.key_of(session.get_bind().url, story.id)


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
