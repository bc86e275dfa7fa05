"""Debian's Chromium, driven by Playwright for Python (nothing downloaded: `executable_path` points at the
system browser that `make test` and `.ci/run` install with apt-get).

    with chromium() as browser: page = browser.new_page(); page.goto(url)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

EXECUTABLE = os.environ.get("TALLY_CHROMIUM", "/usr/bin/chromium")
# Headless, and quiet on a machine without a network: no background requests to update or sync anything.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
ARTIFACTS = Path(
    os.environ.get("TALLY_TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "build" / "test-artifacts")
)


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium (Playwright gives each launch a fresh, empty profile)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=EXECUTABLE, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
