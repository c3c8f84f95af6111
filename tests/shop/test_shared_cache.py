"""Several workers need a shared cache: gunicorn refuses to start them on a per-process cache
with DEBUG off, ``check --deploy`` warns about one, and on Redis the catalogue version and the
anonymous response cache are the same for every worker."""

from __future__ import annotations

import json
import os
import runpy
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.checks import Tags, run_checks
from django.test import Client

from catalog import services as catalog_services
from shop.cache import catalogue_version, catalogue_version_bump

ROOT = Path(__file__).resolve().parents[2]
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
    }
}


def _gunicorn(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Start gunicorn as an operator would; one that does not refuse is killed (with its
    workers) after 30 s."""
    clean = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "DEBUG"}}
    command = [sys.executable, "-m", "gunicorn", "shop.wsgi", "-b", "127.0.0.1:0", *args]
    process = subprocess.Popen(
        command,
        cwd=ROOT,  # where gunicorn finds gunicorn.conf.py by itself
        env={**clean, "SECRET_KEY": "s" * 50, "DEBUG": "0", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def test_gunicorn_refuses_several_workers_on_a_per_process_cache():
    result = _gunicorn("-w", "2")
    assert result.returncode == 1
    assert "refusing to start 2 workers" in result.stderr
    assert "CACHE_URL=redis://127.0.0.1:6379/1" in result.stderr
    assert "Listening at" not in result.stderr + result.stdout  # refused before binding


def test_gunicorn_refuses_workers_from_web_concurrency_too():
    result = _gunicorn(WEB_CONCURRENCY="3")
    assert result.returncode == 1 and "refusing to start 3 workers" in result.stderr


@pytest.mark.parametrize(
    ("debug", "caches_setting", "workers", "refused"),
    [
        (False, LOCMEM, 4, True),
        (False, LOCMEM, 1, False),  # one process: its cache is the only one
        (True, LOCMEM, 4, False),  # development
        (False, REDIS, 4, False),  # production
    ],
)
def test_gunicorn_start_rule(settings, debug, caches_setting, workers, refused):
    settings.DEBUG = debug
    settings.CACHES = caches_setting
    on_starting = runpy.run_path(str(ROOT / "gunicorn.conf.py"))["on_starting"]
    server = SimpleNamespace(cfg=SimpleNamespace(workers=workers))
    if refused:
        with pytest.raises(RuntimeError, match=f"refusing to start {workers} workers"):
            on_starting(server)
    else:
        on_starting(server)


def _deploy_warnings() -> list[str]:
    return [m.id for m in run_checks(tags=[Tags.caches], include_deployment_checks=True)]


def test_deploy_check_warns_about_a_per_process_cache_with_debug_off(settings):
    settings.DEBUG = False
    settings.CACHES = LOCMEM
    assert "shop.W101" in _deploy_warnings()
    settings.CACHES = REDIS
    assert "shop.W101" not in _deploy_warnings()
    settings.DEBUG = True
    settings.CACHES = LOCMEM
    assert "shop.W101" not in _deploy_warnings()


@pytest.mark.redis
@pytest.mark.django_db
def test_on_redis_a_catalogue_write_in_one_worker_reaches_the_others(redis_workers):
    a, b, use = redis_workers
    use(a)
    before = catalogue_version()
    use(b)
    catalogue_version_bump()
    use(a)
    assert catalogue_version() > before


PRODUCTS = (
    """query { products(first: 10, channel: "default-channel") { edges { node { name } } } }"""
)


def _names(response) -> list[str]:
    return [edge["node"]["name"] for edge in response.json()["data"]["products"]["edges"]]


@pytest.mark.redis
@pytest.mark.django_db
def test_on_redis_a_product_unpublished_in_one_worker_leaves_every_worker_cache(redis_workers):
    from tests.catalog.factories import default_channel, make_product

    a, b, use = redis_workers
    product = make_product("Mật ong hoa cà phê")
    client = Client()

    def read():
        return client.post(
            "/graphql/", json.dumps({"query": PRODUCTS}), content_type="application/json"
        )

    use(a)
    assert read()["X-Cache"] == "MISS"
    cached = read()
    assert cached["X-Cache"] == "HIT" and _names(cached) == ["Mật ong hoa cà phê"]
    use(b)
    catalog_services.product_publish(product=product, channel=default_channel(), is_published=False)
    use(a)
    assert _names(read()) == []
