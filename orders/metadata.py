"""Metadata writes (Saleor's ``updateMetadata``, ``checkoutComplete(metadata:)``): merged into
a row's public metadata within limits.

Anyone holding a checkout's ID may write its metadata, anonymously, and it is copied to the
order, so keys, values and the whole document are bounded (``METADATA_MAX_*`` settings): an
update that would pass a limit is refused as a whole and nothing is stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def _refuse(message: str, limit: int, code: str = "invalid") -> ValidationError:
    return ValidationError({"input": ValidationError(message, code=code, params={"limit": limit})})


def _items(items: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        key = (item.get("key") or "").strip()
        if not key:
            raise ValidationError(
                {"input": ValidationError(_("Metadata key cannot be empty."), code="required")}
            )
        if len(key) > settings.METADATA_MAX_KEY_LENGTH:
            raise _refuse(
                _("Khóa metadata dài tối đa %(limit)d ký tự."), settings.METADATA_MAX_KEY_LENGTH
            )
        value = item.get("value") or ""
        if len(value) > settings.METADATA_MAX_VALUE_LENGTH:
            raise _refuse(
                _("Giá trị metadata dài tối đa %(limit)d ký tự."),
                settings.METADATA_MAX_VALUE_LENGTH,
            )
        values[key] = value
    return values


def metadata_merge(
    *, current: Mapping[str, Any] | None, items: Iterable[Mapping[str, Any]]
) -> dict:
    """``current`` with ``items`` (``{key, value}``) merged in; refused (``ValidationError`` on
    ``input``) when a key is empty or too long, a value too long, or the result has too many
    keys or too many bytes as JSON."""
    merged = {**(current or {}), **_items(items)}
    if len(merged) > settings.METADATA_MAX_KEYS:
        raise _refuse(_("Metadata có tối đa %(limit)d khóa."), settings.METADATA_MAX_KEYS)
    size = len(json.dumps(merged, ensure_ascii=False, separators=(",", ":")).encode())
    if size > settings.METADATA_MAX_BYTES:
        raise _refuse(_("Metadata dài tối đa %(limit)d byte."), settings.METADATA_MAX_BYTES)
    return merged
