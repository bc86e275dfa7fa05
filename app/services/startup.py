"""Starting a process quickly: the server listens at once, the engine warms up beside it.

    startup = Startup(database, settings)
    startup.begin()          # returns at once; a thread warms the engine, then starts the worker
    startup.ready            # False until then: /readyz answers 503 "warming up", /healthz answers already
    startup.end()            # at shutdown: waits for the warm-up, stops the worker

Loading the engine's tables (units, quantulum3's names, word frequencies) takes seconds. Done before the
server listens, a worker process answers nothing for that long, and a supervisor that pings it (uvicorn
with several workers, a container's health check) may restart it, over and over under load. Done beside the
listening server, `/healthz` answers within the first second, `/readyz` says when the engine is warm (a
load balancer sends traffic only then), and a request that arrives early is simply served more slowly.
"""

from __future__ import annotations

import logging
import threading
import time

from app import engine
from app.config import Settings
from app.db import Database
from app.services.findings import engine_fingerprint
from app.services.health import migration_head
from app.services.worker import RunningWorker, start_in_thread

log = logging.getLogger("tally.startup")


class Startup:
    """The warm-up of one app process, and the background worker it starts once warm."""

    def __init__(self, database: Database, settings: Settings) -> None:
        self.database, self.settings = database, settings
        self.warm = threading.Event()
        self.stopping = threading.Event()
        self.worker: RunningWorker | None = None
        self.thread = threading.Thread(target=self._warm_up, name="tally-warm-up", daemon=True)

    @property
    def ready(self) -> bool:
        """Whether the engine is warm (and the worker started, when enabled)."""
        return self.warm.is_set()

    def begin(self) -> None:
        """Start warming up in a thread; return at once."""
        self.thread.start()

    def _warm_up(self) -> None:
        t0 = time.perf_counter()
        engine.warm_up()
        engine_fingerprint()  # reads the engine's files once, here rather than inside the first ingest
        migration_head()  # reads migrations/ once (and imports Alembic), here rather than in /readyz
        if self.settings.worker_enabled and not self.stopping.is_set():
            self.worker = start_in_thread(self.database, self.settings)
        self.warm.set()
        log.info("engine warm in %.2f s", time.perf_counter() - t0,
                 extra={"event": "warm", "seconds": round(time.perf_counter() - t0, 3)})

    def end(self, timeout: float = 60.0) -> None:
        """Wait for the warm-up to finish, then stop the worker (if it was started)."""
        self.stopping.set()
        self.thread.join(timeout)
        if self.worker is not None:
            self.worker.stop()
