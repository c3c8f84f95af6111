"""Shared fixtures. PostgreSQL-only tests carry the ``postgres`` marker: skipped on SQLite,
and a failure instead of a skip when ``REQUIRE_POSTGRES=1`` (CI)."""

from __future__ import annotations

import os

import pytest
from django.conf import settings


def pytest_runtest_setup(item: pytest.Item) -> None:
    if "postgres" in item.keywords and not settings.IS_POSTGRES:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail("REQUIRE_POSTGRES=1 but DATABASE_URL does not point at PostgreSQL")
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://...)")


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    """Each test writes uploads and thumbnails to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _no_graphql_address_budget(settings):
    """Every test posts from 127.0.0.1: the per-address budget of anonymous GraphQL work would
    trip on unrelated tests. tests/shop/test_graphql_budget.py turns it on where it is tested."""
    settings.GRAPHQL_ANONYMOUS_COST_PER_MINUTE = 0
