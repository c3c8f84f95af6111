"""Text folding for Vietnamese search and matching.

"Cà phê Đà Lạt" and "ca phe da lat" must meet: strip diacritics (NFD, drop combining marks),
map đ/Đ to d (it is a letter, not a mark, so NFD leaves it), lower-case and squeeze spaces.
The same function feeds the stored ``search_document`` columns and the user's query, so both
sides are folded identically on SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)


def fold(text: str) -> str:
    """Return ``text`` without accents, lower-cased, with đ → d and single spaces."""
    decomposed = unicodedata.normalize("NFD", text or "")
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    stripped = stripped.replace("đ", "d").replace("Đ", "D").lower()
    return _SPACES.sub(" ", stripped).strip()


def search_terms(query: str, *, max_terms: int = 8) -> list[str]:
    """Split a folded query into distinct words (punctuation dropped), at most ``max_terms``."""
    words = _NON_WORD.sub(" ", fold(query)).split()
    seen: list[str] = []
    for word in words:
        if word not in seen:
            seen.append(word)
    return seen[:max_terms]


def slugify_vi(text: str, *, max_length: int = 200) -> str:
    """ASCII slug of Vietnamese text: "Cà phê Đà Lạt" → "ca-phe-da-lat" (đ kept as d)."""
    from django.utils.text import slugify

    return slugify(fold(text))[:max_length].strip("-")
