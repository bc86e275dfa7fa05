"""How much work the engine may do for one request, and how much it did: a budget every stage can charge.

    budget = Budget(deadline=time.monotonic() + 30, max_claims=20_000)
    with budget.active():
        claims = extract_claims(text)        # stops with WorkStopped when the budget runs out
    budget.steps, budget.claims              # characters examined, claims read (work done, not seconds)

The stages call `charge(steps=..., claims=...)` between sentences and claims; it adds to the active budget
(a context variable, so concurrent requests in other threads never share one) and raises `WorkStopped` when
the deadline has passed, a limit is exceeded, or `cancel()` was called from another thread (the client
went away). The engine is pure Python and a thread cannot be killed, so stopping is cooperative: work stops
at the next sentence or claim. Outside `active()` nothing is counted or limited.

What a step is: a character of a sentence the engine reads (extraction charges each sentence once, framing
charges a claim's sentence for each claim it frames, comparison one step per article of each story), so
`steps` grows with the work the stages do, and a test can assert it grows linearly with the input.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


class WorkStopped(Exception):
    """The engine stopped before finishing; `reason` says why ("deadline", "cancelled", "claims")."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass
class Budget:
    """Limits of one unit of work (None: no limit) and the counters the engine adds to."""

    deadline: float | None = None  # time.monotonic() after which work stops
    max_claims: int | None = None
    max_text_claims: int | None = None  # claims in one text (`start_text()` begins the next)
    steps: int = 0  # characters examined (see the module docstring)
    claims: int = 0
    text_claims: int = 0
    _cancelled: threading.Event = field(default_factory=threading.Event, repr=False)
    cancel_reason: str = ""

    def cancel(self, reason: str) -> None:
        """Stop the work at its next check (safe to call from any thread)."""
        self.cancel_reason = reason
        self._cancelled.set()

    def charge(self, steps: int = 0, claims: int = 0) -> None:
        """Count work done; raise WorkStopped when the budget is spent."""
        self.steps += steps
        self.claims += claims
        self.text_claims += claims
        if self._cancelled.is_set():
            raise WorkStopped("cancelled", f"the work was stopped: {self.cancel_reason}")
        if self.max_claims is not None and self.claims > self.max_claims:
            raise WorkStopped("claims", f"more than {self.max_claims} claims in one request")
        if self.max_text_claims is not None and self.text_claims > self.max_text_claims:
            raise WorkStopped("text-claims", f"more than {self.max_text_claims} claims in one text")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise WorkStopped("deadline", "the work ran past its deadline")

    @contextmanager
    def active(self) -> Iterator[Budget]:
        """Make this the budget the engine charges in the current context (thread)."""
        token = _current.set(self)
        try:
            yield self
        finally:
            _current.reset(token)


_current: ContextVar[Budget | None] = ContextVar("tally_engine_budget", default=None)


def current() -> Budget | None:
    """The active budget (None outside `Budget.active()`)."""
    return _current.get()


def start_text() -> None:
    """A new text begins: its claims are counted afresh against `max_text_claims`."""
    budget = _current.get()
    if budget is not None:
        budget.text_claims = 0


def charge(steps: int = 0, claims: int = 0) -> None:
    """Charge the active budget, if any (what the stages call between sentences and claims)."""
    budget = _current.get()
    if budget is not None:
        budget.charge(steps, claims)
