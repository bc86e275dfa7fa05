"""Fixtures of the browser tests: one Chromium per session, a page per test, screenshots kept."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.chromium import ARTIFACTS, DESKTOP, chromium


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with chromium() as running:
        yield running


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A desktop-sized page; its last state is saved as build/test-artifacts/<test>.png."""
    context = browser.new_context(viewport=DESKTOP)
    opened = context.new_page()
    yield opened
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    opened.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


def shoot(page: Page, name: str) -> None:
    """Keep a screenshot of `page` as build/test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
