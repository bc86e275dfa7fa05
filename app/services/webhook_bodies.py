"""What an ingest webhook may carry, turned into articles: one article, a batch, or IPTC ninjs items.

    articles_of({"source": "Wire", "text": "..."})                          # one article
    articles_of({"articles": [{...}, {...}]})  /  articles_of([{...}, ...])  # a batch
    articles_of({"uri": "urn:...", "versionCreated": "...", "bodies": [...]})  # ninjs 3.x (or 2.x)

ninjs 2.x spells its fields in lower case (`versioncreated`, `headline`, `body_text`, `body_html`), 3.x in
camelCase with lists (`versionCreated`, `headlines`, `bodies` with a `contentType`). Plain text is preferred
to HTML; HTML is turned into text by trafilatura. Pure: no database, no HTTP.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from app.errors import TallyError, field_error
from app.schemas import ArticleCreate

_BLOCKS = re.compile(r"</?(p|div|br|li|h[1-6]|tr|blockquote|section|article|ul|ol|table)\b[^>]*>", re.I)


class MalformedBody(TallyError):
    """The signed body is not JSON, or not an article, a batch or a ninjs item."""

    status, slug, title = 400, "malformed-webhook-body", "Malformed webhook body"


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


def _headline(item: dict[str, Any]) -> str | None:
    headlines = item.get("headlines")
    if isinstance(headlines, list) and headlines:
        chosen = next((h for h in headlines if isinstance(h, dict) and h.get("role") == "main"), headlines[0])
        value = chosen.get("value") if isinstance(chosen, dict) else chosen
        return str(value) if value else None
    headline = item.get("headline")
    return str(headline) if headline else None


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


def ninjs_article(item: dict[str, Any]) -> dict[str, Any]:
    """The article fields of one ninjs item (validated later, like any article)."""
    article: dict[str, Any] = {
        "url": item.get("uri"),
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
