"""EditorJS JSON → sanitised HTML.

Descriptions and producer stories arrive as EditorJS documents (as in Saleor). Their text may
contain inline HTML (EditorJS's own bold/italic/link markup) and, from a hostile producer,
``<script>`` or event handlers. Every block is rendered through ``nh3`` with a small allow-list,
so what reaches a page is inert. Unknown block types are dropped, not echoed.
"""

from __future__ import annotations

import html
import json
from typing import Any

import nh3

_INLINE_TAGS = {"b", "strong", "i", "em", "u", "a", "br", "mark", "code", "s"}
_ATTRIBUTES = {"a": {"href", "title"}}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}


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
    return ""


def render_html(document: Any) -> str:
    """Render an EditorJS document to sanitised HTML (one pass through nh3 at the end too)."""
    blocks = parse(document).get("blocks") or []
    body = "".join(_render_block(b) for b in blocks if isinstance(b, dict))
    return nh3.clean(
        body,
        tags=_INLINE_TAGS
        | {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "cite", "hr"},
        attributes=_ATTRIBUTES,
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


def sanitise_document(document: Any) -> dict[str, Any]:
    """Clean every text field of a document on write, so stored JSON is safe for any client
    (Saleor clients render description JSON themselves)."""
    doc = parse(document)
    blocks = []
    for block in doc.get("blocks") or []:
        if not isinstance(block, dict) or not isinstance(block.get("data"), dict):
            continue
        data = dict(block["data"])
        for key in ("text", "caption"):
            if key in data:
                data[key] = clean_inline(str(data[key]))
        if isinstance(data.get("items"), list):
            data["items"] = [
                {**i, "content": clean_inline(str(i.get("content", "")))}
                if isinstance(i, dict)
                else clean_inline(str(i))
                for i in data["items"]
            ]
        blocks.append({k: v for k, v in block.items() if k != "data"} | {"data": data})
    result = {k: v for k, v in doc.items() if k != "blocks"}
    result["blocks"] = blocks
    return result
