"""What an ingest webhook may carry, turned into articles: one article, a batch, or IPTC ninjs items.

    articles_of({"source": "Wire", "text": "..."})                          # one article
    articles_of({"articles": [{...}, {...}]})  /  articles_of([{...}, ...])  # a batch
    articles_of({"uri": "urn:...", "versionCreated": "...", "bodies": [...]})  # ninjs 3.x (or 2.x)

ninjs 2.x spells its fields in lower case (`versioncreated`, `headline`, `body_text`, `body_html`), 3.x in
camelCase with lists (`versionCreated`, `headlines`, `bodies` with a `contentType`). Plain text is preferred
to HTML; HTML is turned into text by trafilatura, and a headline's tags are stripped (its entities decoded).
Pure: no database, no HTTP.

    data = parse_json(raw_body)    # MalformedBody beyond MAX_DEPTH nesting or MAX_INT_DIGITS digits
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from typing import Any

from pydantic import ValidationError

from app.errors import TallyError, field_error
from app.schemas import ArticleCreate

_BLOCKS = re.compile(r"</?(p|div|br|li|h[1-6]|tr|blockquote|section|article|ul|ol|table)\b[^>]*>", re.I)


MAX_DEPTH = 32  # a ninjs item nests 4 or 5 levels; nothing we read is deeper
MAX_INT_DIGITS = 20  # integers beyond 64 bits are not data we read (Python refuses 4,300+ digits anyway)
_BATCH_KEYS = {"articles"}


class MalformedBody(TallyError):
    """The signed body is not JSON, or not an article, a batch or a ninjs item."""

    status, slug, title = 400, "malformed-webhook-body", "Malformed webhook body"


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise MalformedBody(f"the body holds an integer of {len(digits)} digits; at most {MAX_INT_DIGITS}")
    return int(digits)


def _constant(name: str) -> Any:
    raise MalformedBody(f"the body holds {name}, which is not JSON")


def _depth(data: Any) -> int:
    """How deeply arrays and objects nest in `data` (iteratively: no recursion on hostile input)."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                break
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return deepest


def parse_json(raw: bytes) -> Any:
    """The JSON value of a webhook body, refusing what cannot be data: NaN, huge integers, deep nesting."""
    try:
        data = json.loads(raw, parse_int=_integer, parse_constant=_constant)
    except RecursionError:
        raise MalformedBody(f"the body nests arrays or objects deeper than {MAX_DEPTH} levels") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedBody(f"the body is not JSON: {exc}") from None
    if _depth(data) > MAX_DEPTH:
        raise MalformedBody(f"the body nests arrays or objects deeper than {MAX_DEPTH} levels")
    return data


def is_ninjs(item: dict[str, Any]) -> bool:
    """A ninjs item names itself by `uri` and carries ninjs fields rather than an article `text`."""
    markers = (
        "bodies",
        "body_text",
        "body_html",
        "headlines",
        "headline",
        "versionCreated",
        "versioncreated",
    )
    return "uri" in item and "text" not in item and any(key in item for key in markers)


def html_to_text(html: str) -> str:
    """The readable text of an HTML body, paragraphs on their own lines (trafilatura, lxml fallback)."""
    import trafilatura  # imported on first use: it takes a moment to load

    text = trafilatura.extract(html, favor_recall=True, include_comments=False, include_tables=True)
    if text and text.strip():
        return text.strip()
    # trafilatura gives up on very short fragments: keep their text, one block per line
    from lxml import html as lxml_html

    marked = _BLOCKS.sub(lambda m: "\n" + m.group(0), html)
    try:
        root = lxml_html.fragment_fromstring(marked, create_parent="div")
    except Exception:  # lxml raises several types on junk; nothing readable then
        return ""
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _first(item: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if item.get(key) not in (None, "", []):
            return item[key]
    return None


def plain_headline(value: str) -> str:
    """A headline as text: tags (and scripts) stripped, entities decoded, white space collapsed.

    >>> plain_headline("<b>5</b> &amp; 6 <script>x()</script>")
    '5 & 6'
    """
    if "<" in value:
        from lxml import html as lxml_html

        try:
            root = lxml_html.fragment_fromstring(value, create_parent="div")
            for hidden in root.xpath(".//script|.//style"):
                hidden.drop_tree()
            value = root.text_content()
        except Exception:  # lxml raises several types on junk: fall back to dropping anything tag-like
            value = re.sub(r"<[^>]*>", " ", value)
    return " ".join(html.unescape(value).split())


def _headline(item: dict[str, Any]) -> str | None:
    headlines = item.get("headlines")
    value: Any = item.get("headline")
    if isinstance(headlines, list) and headlines:
        chosen = next((h for h in headlines if isinstance(h, dict) and h.get("role") == "main"), headlines[0])
        value = chosen.get("value") if isinstance(chosen, dict) else chosen
    return plain_headline(str(value)) or None if value else None


def _body(item: dict[str, Any]) -> str | None:
    bodies = item.get("bodies")
    if isinstance(bodies, list):
        typed = [b for b in bodies if isinstance(b, dict) and isinstance(b.get("value"), str)]
        typed.sort(key=lambda b: b.get("role") not in (None, "main"))  # the main body first
        for wanted in ("text/plain", "text/html"):
            for body in typed:
                if str(body.get("contentType", body.get("contenttype", ""))).split(";")[0].strip() == wanted:
                    return body["value"] if wanted == "text/plain" else html_to_text(body["value"])
    if isinstance(item.get("body_text"), str) and item["body_text"].strip():
        return item["body_text"]
    if isinstance(item.get("body_html"), str):
        return html_to_text(item["body_html"])
    return None


def _source(item: dict[str, Any]) -> str:
    for key in ("infoSources", "infosources", "providers"):
        sources = item.get(key)
        if isinstance(sources, list):
            for source in sources:
                if isinstance(source, dict) and source.get("name"):
                    return str(source["name"])[:200]
    holder = _first(item, "copyrightHolder", "copyrightholder", "provider")
    if isinstance(holder, dict):
        holder = holder.get("name")
    return str(holder)[:200] if holder else "ninjs"


def uri_identity(uri: Any) -> dict[str, str]:
    """How a ninjs `uri` identifies its article: an http(s) URI is its `url`; any other (`urn:newsml:...`,
    `tag:...`) becomes its `id`, readable and unique: `urn-newsml-wire.example-2025-ferry-3f9a0c1b`."""
    if not isinstance(uri, str) or not uri:
        return {}
    if re.match(r"(?i)https?://", uri):
        return {"url": uri}
    slug = re.sub(r"[^A-Za-z0-9._~-]+", "-", uri).strip("-._~")[:100] or "ninjs"
    return {"id": f"{slug}-{hashlib.sha256(uri.encode('utf-8', 'replace')).hexdigest()[:8]}"}


def ninjs_article(item: dict[str, Any]) -> dict[str, Any]:
    """The article fields of one ninjs item (validated later, like any article)."""
    article: dict[str, Any] = {
        **uri_identity(item.get("uri")),
        "source": _source(item),
        "title": _headline(item),
        "published_at": _first(item, "versionCreated", "versioncreated", "firstCreated", "firstcreated"),
        "text": _body(item) or "",
    }
    if isinstance(item.get("story"), str):
        article["story"] = item["story"]
    return article


def _items(data: Any) -> tuple[list[Any], list[str | int]]:
    if isinstance(data, list):
        return data, []
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        unknown = sorted(set(data) - _BATCH_KEYS)
        if unknown:
            errors = [
                field_error(["body", key], "not allowed beside 'articles'", "extra_forbidden")
                for key in unknown
            ]
            raise MalformedBody(
                f'a batch is {{"articles": [...]}} alone; unknown key(s): {", ".join(unknown)[:200]}',
                errors=errors[:20],
            )
        return data["articles"], ["articles"]
    return [data], []


def articles_of(data: Any, max_articles: int) -> list[ArticleCreate]:
    """The articles a parsed webhook body holds; MalformedBody names every offending field."""
    items, prefix = _items(data)
    if not items:
        raise MalformedBody("the batch holds no articles")
    if len(items) > max_articles:
        raise MalformedBody(f"{len(items)} articles in one webhook; the limit is {max_articles}")
    articles: list[ArticleCreate] = []
    errors: list[dict[str, Any]] = []
    for position, item in enumerate(items):
        where: list[str | int] = ["body", *prefix, position] if prefix or len(items) > 1 else ["body"]
        if not isinstance(item, dict):
            errors.append(field_error(where, "expected an article or a ninjs item (a JSON object)"))
            continue
        fields = ninjs_article(item) if is_ninjs(item) else item
        try:
            articles.append(ArticleCreate.model_validate(fields))
        except ValidationError as exc:
            errors.extend(field_error([*where, *e["loc"]], e["msg"], e["type"]) for e in exc.errors())
    if errors:
        shown = "; ".join(f"{e['pointer']}: {e['detail']}" for e in errors[:3])
        raise MalformedBody(f"{len(errors)} invalid field{'s' * (len(errors) != 1)}: {shown}", errors=errors)
    return articles
