"""/docs and /redoc render in Chromium with nothing fetched from outside the app (offline docs)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from app.openapi import openapi_document


@pytest.mark.parametrize(("path", "ready"), [("/docs", ".opblock"), ("/redoc", "[data-section-id]")])
def test_the_docs_render_from_the_apps_own_files(live_server, page: Page, path, ready):
    base = live_server()
    origin = urlsplit(base).netloc
    requested: list[str] = []
    blocked: list[str] = []  # stopped by the page's Content-Security-Policy before any network access
    page.on("request", lambda request: requested.append(request.url))
    page.on("requestfailed", lambda request: request.failure == "csp" and blocked.append(request.url))
    page.route(lambda url: urlsplit(url).netloc != origin, lambda route: route.abort())
    page.goto(f"{base}{path}")
    page.wait_for_selector(ready)
    web = [u for u in requested if urlsplit(u).scheme in ("http", "https")]
    outside = [u for u in web if urlsplit(u).netloc != origin and u not in blocked]
    assert outside == []
    if path == "/docs":
        document = openapi_document()
        operations = sum(len(ops) for part in ("paths", "webhooks") for ops in document[part].values())
        assert page.locator(".opblock").count() == operations
