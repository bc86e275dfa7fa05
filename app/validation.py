"""What a string, a date or a number crossing HTTP may hold: the rules `app.schemas` attaches to fields.

    check_line("Wire Service")          # one-line fields: no control character at all, not blank
    check_text("5 drones.\\n")           # texts: tab, line feed and carriage return allowed, not blank
    check_http_url("https://x.example/a")
    check_published("9999-12-31")       # ValueError: outside 1800-01-01 .. 2999-12-31

Each rule is written once here as a regular expression that Python and JSON Schema (ECMA 262) read the same
way (only `\\xHH` and `\\uHHHH` escapes, no `\\s`), so that `openapi.yaml` states exactly what is refused:

- control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) are refused in every string, except
  tab, line feed and carriage return in texts and titles; PostgreSQL cannot store a NUL at all;
- a text or a source made only of white space and invisible format characters (zero-width space, joiners,
  bidi marks, BOM, soft hyphen) is blank, and refused;
- a `url` is an http(s) URL with an ASCII host (punycode for international names);
- integers a client sends (offset, revision) stay within PostgreSQL's `integer`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

INT32_MAX = 2**31 - 1
EARLIEST = date(1800, 1, 1)
LATEST = date(2999, 12, 31)

_CC = r"\x00-\x1f\x7f-\x9f"
_CC_BUT_LINES = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_BLANK = (
    r"\x09-\x0d\x20\x85\xa0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f"
    r"\u3000\ufeff"
)
LINE_PATTERN = f"^[^{_CC}]*$"
TEXT_PATTERN = f"^[^{_CC_BUT_LINES}]*$"
VISIBLE_PATTERN = f"[^{_CC}{_BLANK}]"
URL_PATTERN = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://([A-Za-z0-9._~%!$&'()*+,;=:-]*@)?[A-Za-z0-9._~%!$&'()*+,;=-]+(:[0-9]*)?"
    r"([/?#][^\x00-\x20\x7f-\x9f]*)?$"
)
_PORT = r"([0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"
WEBHOOK_URL_PATTERN = (
    rf"^[Hh][Tt][Tt][Pp][Ss]?://([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:{_PORT}?)?([/?#][^\x00-\x20\x7f-\x9f]*)?$"
)
_B64 = "[A-Za-z0-9+/]"
# a Standard Webhooks secret: whsec_ and the base64 of at least 16 bytes (22 characters or more)
SECRET_PATTERN = (
    f"^whsec_(?:{_B64}{{4}}){{5}}(?:{_B64}{{2}}(?:==)?|{_B64}{{3}}=?)$"
    f"|^whsec_(?:{_B64}{{4}}){{6,}}(?:{_B64}{{2}}(?:==)?|{_B64}{{3}}=?)?$"
)
DATE_PATTERN = r"^(1[89][0-9]{2}|2[0-9]{3})-"

_LINE_BAD = re.compile(f"[{_CC}]")
_TEXT_BAD = re.compile(f"[{_CC_BUT_LINES}]")
_VISIBLE = re.compile(VISIBLE_PATTERN)
_URL = re.compile(URL_PATTERN)


def _printable(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("holds an unpaired surrogate escape and is not valid Unicode") from None


def _control(found: re.Match[str]) -> ValueError:
    return ValueError(f"holds the control character U+{ord(found.group()):04X} at offset {found.start()}")


def check_line(value: str) -> str:
    """A one-line field (source, story key, query value): no control character, something visible."""
    if found := _LINE_BAD.search(value):
        raise _control(found)
    _printable(value)
    if not _VISIBLE.search(value):
        raise ValueError("is blank (only white space or invisible characters)")
    return value


def check_text(value: str) -> str:
    """An article text: tab, line feed and carriage return are the only control characters allowed."""
    if found := _TEXT_BAD.search(value):
        raise _control(found)
    _printable(value)
    if not _VISIBLE.search(value):
        raise ValueError("is blank (only white space or invisible characters)")
    return value


def check_title(value: str) -> str:
    """A title: the character rule of texts; it may be empty."""
    if found := _TEXT_BAD.search(value):
        raise _control(found)
    _printable(value)
    return value


def check_http_url(value: str) -> str:
    """An http:// or https:// URL with an ASCII host, no white space or control characters."""
    if not _URL.match(value):
        raise ValueError("is not an http:// or https:// URL (ASCII host, no spaces or control characters)")
    return value


def check_published(value: date | datetime) -> date | datetime:
    """Publication dates the engine can resolve relative dates against: 1800-01-01 .. 2999-12-31."""
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"{day.isoformat()} is outside {EARLIEST.isoformat()} .. {LATEST.isoformat()}")
    return value


def documented(*patterns: str, **extra: Any) -> dict[str, Any]:
    """JSON Schema keywords stating `patterns` (all must match) for `json_schema_extra`."""
    if len(patterns) == 1:
        return {"pattern": patterns[0], **extra}
    return {"allOf": [{"pattern": p} for p in patterns], **extra}
