"""Plain-text descriptions ↔ EditorJS paragraphs.

Producers type plain text; it is stored as EditorJS paragraph blocks (Saleor's format) with
every character escaped, so ``<b>`` or ``<script>`` typed by a producer stays visible text and
is never markup. Blank lines separate paragraphs; single line breaks become ``<br>``.
"""

from __future__ import annotations

import html
import re
from typing import Any

from shop.editorjs import parse

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def text_to_document(text: str) -> dict[str, Any]:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [
        {
            "type": "paragraph",
            "data": {
                "text": "<br>".join(html.escape(line, quote=False) for line in part.split("\n"))
            },
        }
        for part in _PARAGRAPH_BREAK.split(text)
        if part.strip()
    ]
    return {"blocks": blocks} if blocks else {}


def document_to_text(document: Any) -> str:
    """The text a producer typed, back from a stored document (markup from other editors is
    shown as its words only)."""
    paragraphs = []
    for block in parse(document).get("blocks") or []:
        data = block.get("data") if isinstance(block, dict) else None
        if isinstance(data, dict) and "text" in data:
            text = _TAG.sub("", _BR.sub("\n", str(data["text"])))
            paragraphs.append(html.unescape(text))
    return "\n\n".join(paragraphs)
