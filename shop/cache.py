"""The catalogue version: a counter in the shared cache that every catalogue write bumps.

Anonymous GraphQL responses are cached under keys that include it, so a write makes every
older entry unreachable at once (no stale prices or stock after a change, no key scans).
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction

_KEY = "catalogue-version"


def catalogue_version() -> int:
    version = cache.get(_KEY)
    if version is None:
        cache.add(_KEY, 1, timeout=None)
        version = cache.get(_KEY, 1)
    return int(version)


def _incr() -> None:
    try:
        cache.incr(_KEY)
    except ValueError:
        cache.set(_KEY, 2, timeout=None)


def catalogue_version_bump() -> None:
    """Bump now and again after commit, so a reader cannot cache pre-commit data under the new
    version while the writing transaction is still open."""
    _incr()
    transaction.on_commit(_incr)
