"""Bounded engine work: a size check before it starts, a budget and a deadline while it runs, and a stop
when the client has gone.

    check_sizes([a.text for a in body.articles], settings)          # 413 before any work starts
    report = await run_off_loop(request, lambda: service.check(body), budget_for(settings))
    with bounded(budget_for(settings)): ingest(...)                 # in a worker thread already

The engine runs in a worker thread (never on the event loop) and charges `app.engine.budget.Budget` between
sentences and claims; the event loop meanwhile watches the deadline and the connection. At the deadline the
request is answered 503 with `Retry-After` and the budget is cancelled; when the client disconnects the
budget is cancelled too. Either way the engine stops at its next sentence: a thread cannot be killed, so
stopping is cooperative. Too many claims stop the work with 413.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import anyio.to_thread
from starlette.requests import Request

from app.config import Settings
from app.engine.budget import Budget, WorkStopped
from app.errors import TallyError
from app.schemas import ClaimOut

log = logging.getLogger("tally.work")
T = TypeVar("T")


class TooMuchWork(TallyError):
    """The request asks for more than one request may: text, claims or answer size over the budget."""

    status, slug, title = 413, "budget-exceeded", "Request over the work budget"


class DeadlinePassed(TallyError):
    """The work ran past TALLY_WORK_DEADLINE and was stopped."""

    status, slug, title = 503, "deadline-exceeded", "Work stopped at its deadline"


class ClientGone(TallyError):
    """The client disconnected; the work was stopped and nobody reads this answer."""

    status, slug, title = 499, "client-closed-request", "Client closed the request"


def budget_for(settings: Settings, deadline: float | None = None) -> Budget:
    """A fresh budget: the settings' claim limit and a deadline `deadline` seconds from now."""
    seconds = settings.work_deadline if deadline is None else deadline
    return Budget(
        deadline=time.monotonic() + seconds,
        max_claims=settings.max_claims,
        max_text_claims=settings.max_claims_per_text,
    )


def check_sizes(texts: Sequence[str], settings: Settings, where: str = "articles") -> None:
    """Refuse (413, before any work) a text over TALLY_MAX_TEXT_CHARS, or all over TALLY_MAX_REQUEST_CHARS."""
    for position, text in enumerate(texts):
        if len(text) > settings.max_text_chars:
            raise TooMuchWork(
                f"{where}[{position}] has {len(text)} characters of text; the limit is "
                f"{settings.max_text_chars} per text (TALLY_MAX_TEXT_CHARS)"
            )
    total = sum(len(t) for t in texts)
    if total > settings.max_request_chars:
        raise TooMuchWork(
            f"the request holds {total} characters of text; the limit is {settings.max_request_chars} "
            "(TALLY_MAX_REQUEST_CHARS): send fewer or shorter articles per request"
        )


def claim_sizes(claims: Sequence[ClaimOut]) -> list[int]:
    """About how many bytes each claim takes in an answer (its sentence and text, and ~800 of fields)."""
    return [800 + len(c.sentence) + len(c.text) for c in claims]


def check_answer(sizes: Sequence[int], settings: Settings) -> None:
    """Refuse (413) an answer whose estimated size (bytes per claim) is over TALLY_MAX_ANSWER_BYTES."""
    estimate = sum(sizes)
    if estimate > settings.max_answer_bytes:
        raise TooMuchWork(
            f"the answer would be about {estimate} bytes; the limit is {settings.max_answer_bytes} "
            "(TALLY_MAX_ANSWER_BYTES)"
        )


def stopped(exc: WorkStopped, settings: Settings) -> TallyError:
    """The problem to answer for work the budget stopped."""
    if exc.reason == "deadline":
        retry = str(max(1, math.ceil(settings.work_deadline)))
        return DeadlinePassed(
            f"{exc.detail} of {settings.work_deadline:g} s (TALLY_WORK_DEADLINE); retry later or send less",
            headers={"Retry-After": retry},
        )
    if exc.reason == "claims":
        return TooMuchWork(f"{exc.detail} (TALLY_MAX_CLAIMS): send fewer or shorter articles")
    if exc.reason == "text-claims":
        return TooMuchWork(f"{exc.detail} (TALLY_MAX_CLAIMS_PER_TEXT): an article holds fewer")
    return ClientGone(exc.detail)


@contextmanager
def bounded(budget: Budget, settings: Settings) -> Iterator[Budget]:
    """Run the engine calls of the block under `budget` (in this thread); a stop becomes its problem."""
    try:
        with budget.active():
            yield budget
    except WorkStopped as exc:
        raise stopped(exc, settings) from None


async def run_off_loop(request: Request, work: Callable[[], T], budget: Budget, settings: Settings) -> T:
    """Run `work` in a worker thread under `budget`; stop it at the deadline (503) or when the client goes."""

    what = f"{request.method} {request.url.path}"

    def in_thread() -> T:
        log.debug("engine work started for %s", what)
        with budget.active():
            return work()

    task = asyncio.ensure_future(anyio.to_thread.run_sync(in_thread))
    gone = asyncio.ensure_future(_disconnected(request))
    remaining = None if budget.deadline is None else max(0.0, budget.deadline - time.monotonic())
    done, _ = await asyncio.wait({task, gone}, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
    gone.cancel()
    if task in done:
        try:
            return task.result()
        except WorkStopped as exc:
            raise stopped(exc, settings) from None
    task.add_done_callback(_forget)  # the thread ends at its next check; nobody waits for it
    if gone in done:
        budget.cancel("the client disconnected")
        log.info("stopped %s: the client disconnected (after %d steps)", what, budget.steps)
        raise ClientGone("the client disconnected")
    budget.cancel("the deadline passed")
    log.warning("stopped %s at its deadline (after %d steps)", what, budget.steps)
    raise stopped(WorkStopped("deadline", "the work ran past its deadline"), settings)


async def _disconnected(request: Request) -> None:
    """Return when the client disconnects (the body has been read: only a disconnect can come)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return


def _forget(task: asyncio.Future[object]) -> None:
    """Log how abandoned work ended (normally: stopped at its next check, reason "cancelled")."""
    if task.cancelled():
        return
    error = task.exception()
    if isinstance(error, WorkStopped):
        log.info("abandoned work stopped (%s)", error.reason)
    elif error is not None:
        log.warning("abandoned work failed: %r", error)
    else:
        log.info("abandoned work finished before its next check")
