"""Access control: with `TALLY_API_KEYS` unset the API is open; once set, every /v1 route needs a key.

A key comes in `Authorization: Bearer KEY` or `X-API-Key: KEY`; the HTML pages (`/stories`) also take it
from the `tally_key` cookie or a `?key=` query parameter (`page_access`). Read-only keys (`KEY:ro`) may call
the routes that change nothing (GETs, `/v1/check`, `/v1/extract`); routes that store or delete need `KEY:rw`.
Keys are compared in constant time, against every configured key.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from app.api.deps import SettingsDep
from app.config import Access, ApiKey
from app.errors import Forbidden, Unauthorized

_bearer = HTTPBearer(auto_error=False, description="an API key as a bearer token")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="an API key")


def match_key(presented: str, keys: tuple[ApiKey, ...]) -> Access | None:
    """The access of the configured key equal to `presented` (None when none is)."""
    given = presented.encode("utf-8")
    found: Access | None = None
    for key in keys:
        if hmac.compare_digest(given, key.key.encode("utf-8")) and found is None:
            found = key.access
    return found


def _access(
    settings: SettingsDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    header: Annotated[str | None, Depends(_header)],
) -> Access:
    keys = settings.keys
    if not keys:
        return "rw"
    presented = bearer.credentials if bearer else header
    if not presented:
        raise Unauthorized("this API needs a key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'")
    access = match_key(presented, keys)
    if access is None:
        raise Unauthorized("the API key is not known")
    return access


def require_read(access: Annotated[Access, Depends(_access)]) -> None:
    """Any valid key (or an open API)."""


def require_write(access: Annotated[Access, Depends(_access)]) -> None:
    """A read-write key (or an open API)."""
    if access != "rw":
        raise Forbidden("this key is read-only; changing stored data needs a read-write key (KEY:rw)")


PAGE_COOKIE = "tally_key"


def page_key(request: Request) -> str | None:
    """The key a page request presents: a header, the `tally_key` cookie, or `?key=` (first found)."""
    authorization = request.headers.get("authorization", "")
    scheme, _, credentials = authorization.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    return (
        request.headers.get("x-api-key")
        or request.query_params.get("key")
        or request.cookies.get(PAGE_COOKIE)
        or None
    )


def page_access(request: Request) -> Access | None:
    """The access of a page request; None when keys are set and no known key was presented."""
    keys = request.app.state.settings.keys
    if not keys:
        return "rw"
    presented = page_key(request)
    return match_key(presented, keys) if presented else None
