"""Stories in the database: which story a stored article joins, and the story's recomputed findings.

Grouping is the engine's: a new article is checked together with a few recent articles of the most
recently updated stories, and joins the stored story of the articles the engine groups it with (a new
story when it groups with none). An explicit story key from the caller wins over the engine.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from sqlalchemy import delete
from sqlmodel import Session, col, select

from app import engine, models
from app.config import Settings
from app.services.shapes import claim_fields, engine_date, shown_datetime

ARTICLES_PER_STORY = 3  # recent articles of each candidate story shown to the engine


def _engine_article(
    article: models.Article, revision: models.ArticleRevision, key: str | None
) -> engine.ArticleText:
    return engine.ArticleText(
        id=article.id,
        source=article.source,
        text=revision.text,
        published_at=engine_date(shown_datetime(revision.published_at, revision.published_date_only)),
        url=article.url,
        title=revision.title,
        story_key=key,
    )


def _with_current_text(
    session: Session, articles: list[models.Article]
) -> list[tuple[models.Article, models.ArticleRevision]]:
    pairs = []
    for article in articles:
        statement = select(models.ArticleRevision).where(
            models.ArticleRevision.article_id == article.id,
            models.ArticleRevision.number == article.current_revision,
        )
        pairs.append((article, session.exec(statement).one()))
    return pairs


def story_by_key(session: Session, key: str) -> models.Story:
    """The story with explicit key `key`, created when new."""
    story = session.exec(select(models.Story).where(models.Story.key == key)).first()
    if story is None:
        story = models.Story(id=models.new_id("st"), key=key, label=key)
        session.add(story)
        session.flush()
    return story


def assign_story(
    session: Session, article: models.Article, key: str | None, settings: Settings
) -> models.Story:
    """The story `article` belongs to: by explicit key, its current story, or the engine's grouping."""
    if key is not None:
        return story_by_key(session, key)
    if article.story_id is not None:
        current = session.get(models.Story, article.story_id)
        if current is not None:
            return current
    candidates = session.exec(
        select(models.Story)
        .where(col(models.Story.key).is_(None))
        .order_by(col(models.Story.updated_at).desc())
        .limit(settings.story_window)
    ).all()
    pool: list[models.Article] = []
    for story in candidates:
        pool.extend(
            session.exec(
                select(models.Article)
                .where(models.Article.story_id == story.id, models.Article.id != article.id)
                .order_by(col(models.Article.created_at).desc())
                .limit(ARTICLES_PER_STORY)
            ).all()
        )
    if pool:
        pairs = _with_current_text(session, [*pool, article])
        report = engine.check_articles([_engine_article(a, r, None) for a, r in pairs])
        stored_story = {a.id: a.story_id for a in pool}
        for group in report.stories:
            if article.id in group.article_ids:
                votes = Counter(stored_story[i] for i in group.article_ids if stored_story.get(i))
                if votes:
                    chosen = session.get(models.Story, votes.most_common(1)[0][0])
                    if chosen is not None:
                        return chosen
    story = models.Story(id=models.new_id("st"), label=article.title or article.source)
    session.add(story)
    session.flush()
    return story


def fingerprint(finding: engine.Finding, claim_keys: dict[tuple[str, int], str]) -> str:
    """Identity of a finding across recomputations: its type and verdict and the claim the engine anchors
    it on (so it keeps its id when another source joins it), else all the claims it rests on."""
    if finding.anchor is not None:
        anchor = claim_keys[(finding.anchor.article_id, finding.anchor.index)]
        parts = [finding.type, finding.verdict or "", anchor]
    else:
        parts = [finding.type, *sorted(claim_keys[(r.article_id, r.index)] for r in finding.claims)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _sync_claims(
    session: Session, revision: models.ArticleRevision, claims: tuple[engine.Claim, ...]
) -> list[models.Claim]:
    """Make the stored claims of `revision` equal the engine's (rewritten only when they differ)."""
    stored = session.exec(
        select(models.Claim)
        .where(models.Claim.revision_id == revision.id)
        .order_by(col(models.Claim.position))
    ).all()
    wanted = [claim_fields(c) for c in claims]
    if [(c.start, c.end, c.kind, c.value) for c in stored] == [
        (w["start"], w["end"], w["kind"], w["value"]) for w in wanted
    ]:
        return list(stored)
    if stored:
        for row in stored:
            session.expunge(row)
        session.execute(delete(models.Claim).where(col(models.Claim.revision_id) == revision.id))
    rows = [
        models.Claim(revision_id=revision.id, article_id=revision.article_id, position=i, **fields)
        for i, fields in enumerate(wanted)
    ]
    session.add_all(rows)
    session.flush()
    return rows


def recompute_story(session: Session, story: models.Story) -> list[models.Finding]:
    """Re-run the engine on the story's current texts; store claims and findings; return the new findings.

    Findings found again keep their row; findings no longer found are deleted. The story row is locked
    first (PostgreSQL), so concurrent ingests into one story recompute it one after the other.
    """
    session.get(models.Story, story.id, with_for_update=True, populate_existing=True)
    articles = session.exec(
        select(models.Article).where(models.Article.story_id == story.id).order_by(col(models.Article.id))
    ).all()
    pairs = _with_current_text(session, list(articles))
    report = engine.check_articles([_engine_article(a, r, story.id) for a, r in pairs])
    claim_row: dict[tuple[str, int], models.Claim] = {}
    claim_key: dict[tuple[str, int], str] = {}
    for article, revision in pairs:
        rows = _sync_claims(session, revision, report.claims.get(article.id, ()))
        for row in rows:
            claim_row[(article.id, row.position)] = row
            claim_key[(article.id, row.position)] = f"{article.id}:{revision.number}:{row.start}:{row.end}"
    existing = {
        f.fingerprint: f
        for f in session.exec(select(models.Finding).where(models.Finding.story_id == story.id)).all()
    }
    added: list[models.Finding] = []
    seen: set[str] = set()
    for finding in report.findings:
        if any((r.article_id, r.index) not in claim_row for r in finding.claims):
            continue  # the engine pointed outside this story's claims: nothing to prove it with
        print_ = fingerprint(finding, claim_key)
        if print_ in seen:
            continue
        seen.add(print_)
        row = existing.get(print_)
        if row is None:
            row = models.Finding(
                story_id=story.id, fingerprint=print_, type=finding.type, reason=finding.reason
            )
            added.append(row)
        row.verdict, row.severity, row.reason = finding.verdict, finding.severity, finding.reason
        row.fact, row.old_value, row.new_value = finding.fact, finding.old_value, finding.new_value
        row.independent_sources = list(finding.independent_sources)
        session.add(row)
        session.flush()
        _link_claims(session, row, finding, claim_row)
    for print_, row in existing.items():
        if print_ not in seen:
            session.delete(row)
    _relabel(story, report)
    story.updated_at = models.utcnow()
    session.add(story)
    session.flush()
    return added


def forget_or_recompute(session: Session, story: models.Story) -> None:
    """After an article left `story`: delete the story if it is now empty, else recompute it."""
    remaining = session.exec(select(models.Article.id).where(models.Article.story_id == story.id)).first()
    if remaining is None:
        session.delete(story)
        session.flush()
    else:
        recompute_story(session, story)


def _link_claims(
    session: Session,
    row: models.Finding,
    finding: engine.Finding,
    claim_row: dict[tuple[str, int], models.Claim],
) -> None:
    """(Re)write the finding's claim links: claim rows may have been rewritten since they were made."""
    session.execute(delete(models.FindingClaim).where(col(models.FindingClaim.finding_id) == row.id))
    side_of = {(r.article_id, r.index): n for n, side in enumerate(finding.sides) for r in side}
    session.add_all(
        models.FindingClaim(
            finding_id=row.id,  # type: ignore[arg-type]
            claim_id=claim_row[(r.article_id, r.index)].id,  # type: ignore[arg-type]
            position=position,
            side=side_of.get((r.article_id, r.index)),
        )
        for position, r in enumerate(dict.fromkeys(finding.claims))
    )


def _relabel(story: models.Story, report: engine.Report) -> None:
    if story.key is not None or not report.stories:
        return
    biggest = max(report.stories, key=lambda s: len(s.article_ids))
    if biggest.label:
        story.label = biggest.label[:500]
    story.key_terms = list(biggest.key_terms)
