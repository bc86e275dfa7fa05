"""Signed ingestion: accept a webhook's articles durably, answer at once, process them later.

    answer, replayed = accept(session, webhook_id, raw_body, articles)   # commits

Accepting stores each article (or recognises it as unchanged), a job row per article that needs
processing, and the answer under the `webhook-id`, all in one transaction: after the commit the work
survives a crash, and a redelivery of the same webhook-id gets the stored answer and stores nothing.
`run_job` (called by the worker) does the processing: story, claims, findings, outbox events.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlmodel import Session

from app import models
from app.config import Settings
from app.db import Database
from app.errors import Conflict, TallyError
from app.metrics import JOBS, RETRIES
from app.schemas import ArticleCreate
from app.services.extraction import Prepared, prepare_revision
from app.services.ingest import current_revision, needs_processing, process_revision, store_article
from app.services.leases import backoff, release
from app.services.retry import commit_with_retry
from app.services.work import budget_for
from app.webhook_schemas import IngestedArticle, WebhookAccepted

log = logging.getLogger("tally.webhooks")
MAX_ID_LENGTH = 256


def _replay(session: Session, webhook_id: str, digest: str) -> WebhookAccepted | None:
    seen = session.get(models.InboundWebhook, webhook_id)
    if seen is None:
        return None
    if seen.body_sha256 != digest:
        raise Conflict(f"webhook-id {webhook_id!r} was already used for a different body")
    return WebhookAccepted.model_validate(seen.response)


def _store(session: Session, webhook_id: str, digest: str, articles: list[ArticleCreate]) -> WebhookAccepted:
    items: list[IngestedArticle] = []
    for data in articles:
        stored = store_article(session, data)
        queued = needs_processing(session, stored, data.story)
        if queued:
            session.add(models.Job(article_id=stored.article.id, story_key=data.story, webhook_id=webhook_id))
        items.append(
            IngestedArticle(
                id=stored.article.id,
                outcome=stored.outcome,
                processing="queued" if queued else "none",
                href=f"/v1/articles/{stored.article.id}",
            )
        )
    answer = WebhookAccepted(webhook_id=webhook_id, received_at=models.utcnow(), articles=items)
    session.add(
        models.InboundWebhook(
            id=webhook_id, body_sha256=digest, status_code=202, response=answer.model_dump(mode="json")
        )
    )
    session.flush()
    return answer


def accept(
    session: Session, webhook_id: str, body: bytes, articles: list[ArticleCreate]
) -> tuple[WebhookAccepted, bool]:
    """Store the articles and their jobs under `webhook_id` and commit; return (answer, replayed).

    A redelivery (same id, same body) returns the first answer with replayed=True and stores nothing; the
    same id with another body is a Conflict. Lost races with concurrent requests (a concurrent delivery of
    the same id, or of the same article URL) are replayed whole (`commit_with_retry`).
    """
    if len(webhook_id) > MAX_ID_LENGTH:
        raise TallyError(f"webhook-id is longer than {MAX_ID_LENGTH} characters")
    digest = hashlib.sha256(body).hexdigest()

    def attempt() -> tuple[WebhookAccepted, bool]:
        seen = _replay(session, webhook_id, digest)
        if seen is not None:
            return seen, True
        return _store(session, webhook_id, digest, articles), False

    return commit_with_retry(
        session,
        attempt,
        what="webhook ingest",
        gave_up="concurrent requests kept changing these articles; send the webhook again",
    )


def run_job(db: Database, job_id: int, token: str, settings: Settings) -> str:
    """Process the article of a claimed job in one transaction with marking the job done.

    Returns the job's new status. A failure rolls the processing back and schedules another try (or marks
    the job failed after `job_max_attempts`); a job whose lease another worker took over is left alone.
    """
    with Session(db, expire_on_commit=False) as session:
        job = session.get(models.Job, job_id)
        if job is None or job.lock_token != token:
            return "lost"
        if job.attempts > settings.job_max_attempts:
            return _finish(session, job_id, token, "failed", "gave up: the job kept failing or crashing")
        try:
            with budget_for(settings, settings.job_deadline).active():
                prepared = _prepare(session, job.article_id)  # extraction before the write transaction
                article = session.get(models.Article, job.article_id)
                if article is not None:
                    process_revision(session, article, job.story_key, settings, prepared)
            return _finish(session, job_id, token, "done", None)
        except Exception as exc:  # anything: the job must be rescheduled or failed, not lost
            session.rollback()
            error = f"{type(exc).__name__}: {exc}"[:2000]
            reason = type(exc).__name__
            fields = {"event": "job_failed", "job": job_id, "attempt": job.attempts, "reason": reason}
            if not transient(exc):  # the same input fails the same way: fail once, say why
                log.warning(
                    "ingest job %s failed and would fail again: %r", job_id, exc, extra=fields, exc_info=True
                )
                return _finish(session, job_id, token, "failed", f"will fail again if retried as is: {error}")
            if job.attempts >= settings.job_max_attempts:
                log.warning(
                    "ingest job %s failed at attempt %s, giving up: %r",
                    job_id,
                    job.attempts,
                    exc,
                    extra=fields,
                    exc_info=True,
                )
                return _finish(session, job_id, token, "failed", error)
            wait = backoff(job.attempts, 2 * settings.worker_poll_interval, settings.webhook_backoff_max)
            log.warning(
                "ingest job %s failed at attempt %s, retrying in %.1f s: %r",
                job_id,
                job.attempts,
                wait,
                exc,
                extra={**fields, "event": "job_retry"},
                exc_info=True,
            )
            RETRIES.labels("job", reason).inc()
            return _finish(session, job_id, token, "pending", error, retry_in=wait)


def transient(exc: BaseException) -> bool:
    """Whether a job that failed with `exc` may succeed when tried again: a database that was busy or
    away, a lost race. Anything else (the engine refusing its input, a budget run out, a bug) is
    deterministic: the job fails at once, and `tally jobs retry` runs it again once the cause is fixed."""
    retryable = (OperationalError, InterfaceError, IntegrityError, Conflict, OSError, MemoryError)
    return isinstance(exc, retryable)


def _prepare(session: Session, article_id: str) -> Prepared | None:
    """The claims and signature of the article's current text, computed after ending the read transaction
    (so no snapshot or lock is held meanwhile)."""
    article = session.get(models.Article, article_id)
    if article is None:
        return None
    revision = current_revision(session, article)
    session.expunge(article)  # detached, they keep what was read
    session.expunge(revision)
    session.rollback()
    return prepare_revision(article, revision)


def _finish(
    session: Session, job_id: int, token: str, status: str, error: str | None, retry_in: float = 0.0
) -> str:
    """Release the job with `status` in the session's transaction and commit (only if we still hold it)."""
    now = models.utcnow()
    released = release(
        session,
        models.Job,
        job_id,
        token,
        status=status,
        last_error=error,
        run_after=now + timedelta(seconds=retry_in),
        finished_at=None if status == "pending" else now,
    )
    if not released:
        session.rollback()
        JOBS.labels("lost").inc()
        return "lost"
    session.commit()
    JOBS.labels("retry" if status == "pending" else status).inc()
    return status
