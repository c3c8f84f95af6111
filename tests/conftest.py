"""Shared fixtures. PostgreSQL-only tests carry the ``postgres`` marker: skipped on SQLite,
and a failure instead of a skip when ``REQUIRE_POSTGRES=1`` (CI)."""

from __future__ import annotations

import os

import pytest
from django.conf import settings


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if settings.IS_POSTGRES:
        return
    required = os.environ.get("REQUIRE_POSTGRES") == "1"
    for item in items:
        if "postgres" in item.keywords:
            if required:
                item.add_marker(
                    pytest.mark.xfail(
                        reason="REQUIRE_POSTGRES=1 but DATABASE_URL is not PostgreSQL",
                        strict=True,
                        run=False,
                    )
                )
            else:
                item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (DATABASE_URL)"))


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    """Each test writes uploads and thumbnails to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
