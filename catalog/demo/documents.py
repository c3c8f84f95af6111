"""EditorJS documents for the DEMO DATA (producer stories, descriptions, pages): the shape
Saleor clients and the storefront read, built from short block lists kept in the data modules."""

from __future__ import annotations

import hashlib
from typing import Any

EDITORJS_VERSION = "2.28.0"
# Fixed, so a document built twice is the same document (2025-01-01T00:00:00Z in ms).
DOCUMENT_TIME = 1_735_689_600_000

Blocks = list[tuple[str, Any]]


def editorjs_document(blocks: Blocks, *, key: str, note: str = "") -> dict[str, Any]:
    """An EditorJS document from ``("p", text)``, ``("h", text)`` and ``("l", [items])``
    blocks, with stable block ids, optionally ending with a ``note`` paragraph."""
    if note:
        blocks = [*blocks, ("p", note)]
    out = []
    for index, (kind, value) in enumerate(blocks):
        block_id = hashlib.blake2s(f"{key}:{index}".encode(), digest_size=5).hexdigest()
        if kind == "h":
            out.append({"id": block_id, "type": "header", "data": {"text": value, "level": 3}})
        elif kind == "l":
            out.append(
                {
                    "id": block_id,
                    "type": "list",
                    "data": {"style": "unordered", "items": list(value)},
                }
            )
        else:
            out.append({"id": block_id, "type": "paragraph", "data": {"text": value}})
    return {"time": DOCUMENT_TIME, "blocks": out, "version": EDITORJS_VERSION}
