"""The report pages for people: `/stories` (the stored stories) and `/stories/{story_id}` (one story).

Server-rendered with Jinja2 (templates in app/templates, CSS and a little JavaScript in app/static). Every
text that comes from an article is escaped by the template; the answers carry a Content-Security-Policy
that lets only the app's own script and style files run, so no HTML from an article can execute.

With `TALLY_API_KEYS` set a page needs a key, like the API: a header, the `tally_key` cookie, or `?key=`
once (the page then stores it in an HttpOnly cookie and redirects to the same URL without it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from app.api.deps import SessionDep
from app.api.filters import finding_filter
from app.api.params import Limit, Offset
from app.api.responses import problems
from app.api.stories import StoryId
from app.auth import PAGE_COOKIE, page_access
from app.errors import NotFound
from app.services import desk
from app.services import reports as service
from app.services.finding_filter import FINDING_TYPES, FindingFilter

PACKAGE = Path(__file__).resolve().parents[1]
templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(PACKAGE / "templates"), autoescape=True))
router = APIRouter(tags=["pages"])

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _html(description: str, example: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"text/html": {"schema": {"type": "string"}, "example": example}},
    }


_NEEDS_KEY = _html(
    "A key is needed (TALLY_API_KEYS is set): an HTML page with a form that asks for it",
    '<!doctype html>…<h1>An API key is needed</h1>…<form method="get">…<input name="key" type="password">…',
)


def text_piece(text: str) -> Markup:
    """Escape a run of article text; a carriage return is written as `&#13;` so that the browser keeps it
    (HTML parsing turns a literal CR into LF) and the text's offsets stay those of the API."""
    return Markup(str(escape(text)).replace("\r", "&#13;"))


def http_url(url: str | None) -> str | None:
    """`url` when it is an http(s) URL (a link the page may show), else None: no `javascript:` links."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def plural(word: str, count: int = 2) -> str:
    """'discrepancy' -> 'discrepancies' (unless `count` is 1)."""
    if count == 1:
        return word
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


templates.env.filters["text_piece"] = text_piece
templates.env.filters["plural"] = plural
templates.env.filters["http_url"] = http_url


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    return response


def _gate(request: Request) -> Response | None:
    """None when the request may see the page; else the answer: the key form (401), or a redirect that
    trades a valid `?key=` for the cookie."""
    access = page_access(request)
    if access is None:
        wrong = bool(request.query_params.get("key") or request.cookies.get(PAGE_COOKIE))
        return _page(request, "key.html", {"wrong": wrong}, status=401)
    if request.query_params.get("key") and request.app.state.settings.keys:
        target = request.url.remove_query_params("key")
        redirect = RedirectResponse(target.path + (f"?{target.query}" if target.query else ""), 303)
        redirect.set_cookie(
            PAGE_COOKIE, request.query_params["key"], httponly=True, samesite="strict", path="/"
        )
        return redirect
    return None


@router.get(
    "/stories",
    operation_id="stories_page",
    response_class=HTMLResponse,
    responses={
        200: _html("The stories page", '<!doctype html>…<h1>Stories</h1>…<table class="stories">…'),
        401: _NEEDS_KEY,
        **problems(422),
    },
    summary="Page: the stored stories",
)
def stories_page(
    request: Request,
    session: SessionDep,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """An HTML table of the stories, most recently updated first, with their finding counts by type."""
    if (gate := _gate(request)) is not None:
        return gate
    stories = service.list_stories(session, limit=limit, offset=offset)
    return _page(
        request,
        "stories.html",
        {"stories": stories, "limit": limit, "offset": offset, "types": FINDING_TYPES},
    )


@router.get(
    "/stories/{story_id}",
    operation_id="story_page",
    response_class=HTMLResponse,
    responses={
        200: _html(
            "The story page",
            '<!doctype html>…<table class="findings">…<div class="sources">…'
            '<mark id="c0" class="claim discrepancy" data-start="17" data-end="31">212 passengers</mark>…',
        ),
        401: _NEEDS_KEY,
        404: _html("No such story: an HTML page", "<!doctype html>…<h1>No such story</h1>…"),
        **problems(422),
    },
    summary="Page: one story, its sources side by side and its findings",
)
def story_page(
    story_id: StoryId,
    request: Request,
    session: SessionDep,
    only: Annotated[FindingFilter, Depends(finding_filter)],
) -> Response:
    """The story's sources side by side (stacked on a narrow screen), every claim of a finding marked at
    its offsets, and one row per finding: kind, reason, the figures of each side in their sentences (in
    both units when the units differ), the outlets, and which outlets carry the same copy. `?type=` keeps
    the findings of the given types (repeatable), `?severity=` likewise."""
    if (gate := _gate(request)) is not None:
        return gate
    try:
        page = desk.story_page(session, story_id, only)
    except NotFound:
        return _page(request, "missing.html", {"story_id": story_id}, status=404)
    return _page(request, "story.html", {"page": page, "types": FINDING_TYPES})


def install(app: FastAPI) -> None:
    """Mount the pages and their static files (/static)."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=PACKAGE / "static"), name="static")
