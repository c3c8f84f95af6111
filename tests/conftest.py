"""Shared fixtures. PostgreSQL-only tests carry the ``postgres`` marker: skipped on SQLite,
and a failure instead of a skip when ``REQUIRE_POSTGRES=1`` (CI). Tests marked ``redis`` run
against the local Redis (127.0.0.1:6379): skipped only when it does not answer, and a failure
then when ``REQUIRE_REDIS=1``."""

from __future__ import annotations

import functools
import os
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache, caches

from shop.shared_cache import per_process_cache_backend

REDIS_TEST_URL = "redis://127.0.0.1:6379/15"


@functools.cache
def _redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def pytest_runtest_setup(item: pytest.Item) -> None:
    if "postgres" in item.keywords and not settings.IS_POSTGRES:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail("REQUIRE_POSTGRES=1 but DATABASE_URL does not point at PostgreSQL")
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://...)")
    if "redis" in item.keywords and not _redis_answers():
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"REQUIRE_REDIS=1 but Redis does not answer at {REDIS_TEST_URL}")
        pytest.skip(f"needs Redis at {REDIS_TEST_URL}")


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    """Each test writes uploads and thumbnails to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _fresh_local_cache():
    """Every sign-in door counts failures in the cache: no test inherits another's lockout
    (nor its catalogue version or cached responses). Only a process-local cache is cleared:
    clearing a Redis cache would flush a database that others may share."""
    if per_process_cache_backend():
        cache.clear()


@pytest.fixture
def redis_cache(settings):
    """The default cache on the real Redis, as production has it (``CACHE_URL=redis://…``),
    under a key prefix of this test's own; afterwards only those keys are deleted."""
    import redis

    prefix = f"{os.environ.get('REDIS_TEST_KEY_PREFIX', 'ocop-test')}-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield prefix
    client = redis.Redis.from_url(REDIS_TEST_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=500))
    if keys:
        client.delete(*keys)


@pytest.fixture
def redis_workers(redis_cache):
    """Two cache clients of their own on the test's Redis, as two gunicorn workers have;
    ``use(worker)`` makes one of them the ``default`` cache that the shop's code reaches."""
    workers = caches.create_connection("default"), caches.create_connection("default")
    assert workers[0]._cache is not workers[1]._cache

    def use(worker) -> None:
        caches["default"] = worker

    return (*workers, use)


@pytest.fixture
def live_server(live_server, settings):
    """The live server listens on a random port, which its ``Host`` header carries: let that
    port through ``shop.middleware.HostPortMiddleware``."""
    settings.ALLOWED_HOST_PORTS = [*settings.ALLOWED_HOST_PORTS, str(live_server.thread.port)]
    return live_server


@pytest.fixture(autouse=True)
def _no_graphql_address_budget(settings):
    """Every test posts from 127.0.0.1: the per-address budget of anonymous GraphQL work would
    trip on unrelated tests. tests/shop/test_graphql_budget.py turns it on where it is tested."""
    settings.GRAPHQL_ANONYMOUS_COST_PER_MINUTE = 0
