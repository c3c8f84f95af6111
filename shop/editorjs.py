"""EditorJS documents: cleaned on write against an allow-list, rendered to sanitised HTML.

Descriptions, producer stories and page contents arrive as EditorJS documents (as in Saleor).
Their text may contain inline HTML (EditorJS's own bold/italic/link markup) and, from a hostile
producer, ``<script>``, event handlers or ``javascript:`` URLs. Our own pages render through
``nh3``, but Saleor-compatible storefronts render the stored JSON themselves (often by string
concatenation), so the stored document itself must be inert: :func:`sanitise_document` keeps only
known block types, rebuilds each block's ``data`` from a schema per type (types of every field,
enumerations, http/https URLs, inline text through the HTML sanitiser, bounded sizes) and drops
everything else (``raw``, ``code``, ``tunes``, unknown keys). The model field
``catalog.models.fields.EditorJSField`` calls it on every save, so no write path can skip it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import nh3

_INLINE_TAGS = {"b", "strong", "i", "em", "u", "a", "br", "mark", "code", "s"}
_ATTRIBUTES = {"a": {"href", "title"}}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "cite", "hr",
    "figure", "img", "figcaption", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


def clean_inline(text: str) -> str:
    """Keep EditorJS inline markup, drop everything else (scripts, handlers, styles)."""
    return nh3.clean(
        text or "",
        tags=_INLINE_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def parse(document: Any) -> dict[str, Any]:
    """Accept a dict or a JSON string; anything else is an empty document."""
    if isinstance(document, str):
        try:
            document = json.loads(document) if document.strip() else {}
        except json.JSONDecodeError:
            return {"blocks": [{"type": "paragraph", "data": {"text": html.escape(document)}}]}
    return document if isinstance(document, dict) else {}


def _render_list(items: list[Any], ordered: bool) -> str:
    tag = "ol" if ordered else "ul"
    parts = []
    for item in items:
        if isinstance(item, dict):  # EditorJS nested-list format
            content = clean_inline(str(item.get("content", "")))
            nested = item.get("items") or []
            inner = _render_list(nested, ordered) if nested else ""
            parts.append(f"<li>{content}{inner}</li>")
        else:
            parts.append(f"<li>{clean_inline(str(item))}</li>")
    return f"<{tag}>{''.join(parts)}</{tag}>"


def _render_block(block: dict[str, Any]) -> str:
    kind = block.get("type")
    data = block.get("data") or {}
    if not isinstance(data, dict):
        return ""
    if kind == "paragraph":
        return f"<p>{clean_inline(str(data.get('text', '')))}</p>"
    if kind == "header":
        level = data.get("level", 2)
        level = level if isinstance(level, int) and 1 <= level <= 6 else 2
        return f"<h{level}>{clean_inline(str(data.get('text', '')))}</h{level}>"
    if kind == "list":
        items = data.get("items") or []
        return _render_list(
            items if isinstance(items, list) else [], data.get("style") == "ordered"
        )
    if kind == "quote":
        caption = clean_inline(str(data.get("caption", "")))
        cite = f"<cite>{caption}</cite>" if caption else ""
        return f"<blockquote><p>{clean_inline(str(data.get('text', '')))}</p>{cite}</blockquote>"
    if kind == "delimiter":
        return "<hr>"
    if kind == "image":
        return _render_image(data)
    if kind == "embed":
        # A link, not an iframe: our pages' Content-Security-Policy frames nothing.
        url = _url(data.get("source"))
        caption = clean_inline(str(data.get("caption", ""))) or html.escape(url or "")
        return f'<p><a href="{html.escape(url)}">{caption}</a></p>' if url else ""
    if kind == "table":
        return _render_table(data)
    return ""


def _render_image(data: dict[str, Any]) -> str:
    file = data.get("file")
    url = _url(file.get("url")) if isinstance(file, dict) else None
    if url is None:
        return ""
    caption = clean_inline(str(data.get("caption", "")))
    alt = html.escape(plain_text({"blocks": [{"type": "paragraph", "data": {"text": caption}}]}))
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure><img src="{html.escape(url)}" alt="{alt}" loading="lazy">{figcaption}</figure>'


def _render_table(data: dict[str, Any]) -> str:
    rows = [row for row in data.get("content") or [] if isinstance(row, list)]
    if not rows:
        return ""
    head = ""
    if data.get("withHeadings") is True:
        head = "<thead><tr>" + "".join(f"<th>{clean_inline(str(c))}</th>" for c in rows[0])
        head += "</tr></thead>"
        rows = rows[1:]
    body = "".join(
        "<tr>" + "".join(f"<td>{clean_inline(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table>{head}<tbody>{body}</tbody></table>"


def render_html(document: Any) -> str:
    """Render an EditorJS document to sanitised HTML (one pass through nh3 at the end too)."""
    blocks = parse(document).get("blocks") or []
    body = "".join(_render_block(b) for b in blocks if isinstance(b, dict))
    return nh3.clean(
        body,
        tags=_INLINE_TAGS | _BLOCK_TAGS,
        attributes={**_ATTRIBUTES, "img": {"src", "alt", "loading"}},
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def plain_text(document: Any) -> str:
    """The document's words without markup, for search and SEO descriptions."""
    blocks = parse(document).get("blocks") or []
    texts: list[str] = []
    for block in blocks:
        data = block.get("data") if isinstance(block, dict) else None
        if not isinstance(data, dict):
            continue
        if "text" in data:
            texts.append(str(data["text"]))
        for item in data.get("items") or []:
            texts.append(str(item.get("content", "")) if isinstance(item, dict) else str(item))
    joined = " ".join(texts)
    return html.unescape(nh3.clean(joined, tags=set())).strip()


# --- Cleaning on write ---------------------------------------------------------------------

MAX_BLOCKS = 500
MAX_TEXT = 20_000
MAX_LIST_DEPTH = 5
MAX_LIST_ITEMS = 500
MAX_TABLE_CELLS = 2_500
_BLOCK_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
_URL_FORBIDDEN = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f]")
# Embeds are iframes in a storefront: only players we know, over https.
EMBED_HOSTS: dict[str, frozenset[str]] = {
    "youtube": frozenset({"www.youtube.com", "youtube.com", "www.youtube-nocookie.com"}),
    "vimeo": frozenset({"player.vimeo.com"}),
}
EMBED_SOURCE_HOSTS: dict[str, frozenset[str]] = {
    "youtube": frozenset({"www.youtube.com", "youtube.com", "m.youtube.com", "youtu.be"}),
    "vimeo": frozenset({"vimeo.com", "www.vimeo.com"}),
}


def _text(value: Any) -> str:
    """Inline text: a string (numbers are written as text), through the HTML sanitiser."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    return clean_inline(str(value)[:MAX_TEXT])


def _flag(value: Any) -> bool:
    return value is True


def _url(value: Any, *, hosts: frozenset[str] | None = None) -> str | None:
    """An absolute http(s) URL with nothing that could break out of an attribute, or None."""
    if not isinstance(value, str) or not value or len(value) > 2_048:
        return None
    if _URL_FORBIDDEN.search(value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if hosts is not None and (parts.scheme != "https" or parts.hostname not in hosts):
        return None
    return value


def _dimension(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 10_000:
        return value
    return None


def _paragraph(data: dict[str, Any]) -> dict[str, Any]:
    return {"text": _text(data.get("text"))}


def _header(data: dict[str, Any]) -> dict[str, Any]:
    level = data.get("level")
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 6:
        level = 2
    return {"text": _text(data.get("text")), "level": level}


def _list_items(items: Any, depth: int) -> list[Any]:
    if not isinstance(items, list) or depth > MAX_LIST_DEPTH:
        return []
    cleaned: list[Any] = []
    for item in items[:MAX_LIST_ITEMS]:
        if isinstance(item, dict):  # EditorJS nested-list format
            cleaned.append(
                {
                    "content": _text(item.get("content")),
                    "items": _list_items(item.get("items"), depth + 1),
                }
            )
        elif isinstance(item, str):
            cleaned.append(_text(item))
    return cleaned


def _list(data: dict[str, Any]) -> dict[str, Any]:
    style = data.get("style") if data.get("style") in ("ordered", "unordered") else "unordered"
    return {"style": style, "items": _list_items(data.get("items"), 1)}


def _quote(data: dict[str, Any]) -> dict[str, Any]:
    alignment = data.get("alignment") if data.get("alignment") in ("left", "center") else "left"
    return {
        "text": _text(data.get("text")),
        "caption": _text(data.get("caption")),
        "alignment": alignment,
    }


def _delimiter(_data: dict[str, Any]) -> dict[str, Any]:
    return {}


def _image(data: dict[str, Any]) -> dict[str, Any] | None:
    file = data.get("file")
    url = _url(file.get("url")) if isinstance(file, dict) else _url(data.get("url"))
    if url is None:
        return None
    return {
        "file": {"url": url},
        "caption": _text(data.get("caption")),
        "withBorder": _flag(data.get("withBorder")),
        "stretched": _flag(data.get("stretched")),
        "withBackground": _flag(data.get("withBackground")),
    }


def _embed(data: dict[str, Any]) -> dict[str, Any] | None:
    service = data.get("service")
    if not isinstance(service, str) or service not in EMBED_HOSTS:
        return None
    source = _url(data.get("source"), hosts=EMBED_SOURCE_HOSTS[service])
    embed = _url(data.get("embed"), hosts=EMBED_HOSTS[service])
    if source is None or embed is None:
        return None
    cleaned: dict[str, Any] = {"service": service, "source": source, "embed": embed}
    for key in ("width", "height"):
        if (size := _dimension(data.get(key))) is not None:
            cleaned[key] = size
    cleaned["caption"] = _text(data.get("caption"))
    return cleaned


def _table(data: dict[str, Any]) -> dict[str, Any] | None:
    rows = data.get("content")
    if not isinstance(rows, list):
        return None
    content: list[list[str]] = []
    cells = 0
    for row in rows:
        if not isinstance(row, list):
            continue
        cells += len(row)
        if cells > MAX_TABLE_CELLS:
            break
        content.append([_text(cell) for cell in row])
    return {"withHeadings": _flag(data.get("withHeadings")), "content": content}


# The allow-list: a block type not here (raw, code, html, warning, unknown...) is dropped.
# ``code`` is dropped too: common EditorJS renderers put its text into HTML unescaped.
BLOCK_SCHEMAS: dict[str, Callable[[dict[str, Any]], dict[str, Any] | None]] = {
    "paragraph": _paragraph,
    "header": _header,
    "list": _list,
    "quote": _quote,
    "delimiter": _delimiter,
    "image": _image,
    "embed": _embed,
    "table": _table,
}


def _block(block: Any) -> dict[str, Any] | None:
    if not isinstance(block, dict) or not isinstance(block.get("data", {}), dict):
        return None
    schema = BLOCK_SCHEMAS.get(block.get("type"))  # type: ignore[arg-type]
    if schema is None:
        return None
    data = schema(block.get("data") or {})
    if data is None:
        return None
    cleaned: dict[str, Any] = {"type": block["type"], "data": data}
    block_id = block.get("id")
    if isinstance(block_id, str) and _BLOCK_ID.match(block_id):
        cleaned = {"id": block_id, **cleaned}
    return cleaned  # ``tunes`` and any other key are dropped


def sanitise_document(document: Any) -> dict[str, Any]:
    """A clean EditorJS document from anything (dict or JSON string): only ``time`` (int),
    ``version`` (short string) and ``blocks``, each block rebuilt from its type's schema.
    Idempotent, so it can run on every save."""
    doc = parse(document)
    blocks = doc.get("blocks")
    cleaned_blocks = [
        cleaned
        for block in (blocks if isinstance(blocks, list) else [])[:MAX_BLOCKS]
        if (cleaned := _block(block)) is not None
    ]
    result: dict[str, Any] = {}
    time = doc.get("time")
    if isinstance(time, int) and not isinstance(time, bool) and 0 <= time < 10**15:
        result["time"] = time
    result["blocks"] = cleaned_blocks
    version = doc.get("version")
    if isinstance(version, str) and re.fullmatch(r"[0-9A-Za-z.\-]{1,20}", version):
        result["version"] = version
    return result
