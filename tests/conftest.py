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


@pytest.fixture
def live_server(live_server, settings):
    """The live server listens on a random port, which its ``Host`` header carries: let that
    port through ``shop.middleware.HostPortMiddleware``."""
    settings.ALLOWED_HOST_PORTS = [*settings.ALLOWED_HOST_PORTS, str(live_server.thread.port)]
    return live_server
