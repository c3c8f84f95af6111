"""The production settings are ``deploy/production.env.example`` (with a fresh SECRET_KEY): Django's
deployment checks pass without a warning, X-Forwarded-Proto is trusted only behind a declared
proxy, and a persistent database connection the server dropped does not fail a request."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "deploy" / "production.env.example"


def production_env(**overrides: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in EXAMPLE.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _equals, value = line.partition("=")
            values[name.strip()] = value.strip()
    values["SECRET_KEY"] = secrets.token_urlsafe(50)
    base = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    return {**base, **values, **overrides}


def run_python(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def setting(env: dict[str, str], name: str) -> str:
    code = f"import django; django.setup(); from django.conf import settings; print(repr(getattr(settings, {name!r}, None)))"
    result = run_python({**env, "DJANGO_SETTINGS_MODULE": "shop.settings"}, "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_deploy_check_passes_without_a_warning_under_the_production_settings():
    result = run_python(
        production_env(), "manage.py", "check", "--deploy", "--fail-level", "WARNING"
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_flags_a_placeholder_secret_key():
    env = production_env(SECRET_KEY="replace-with-a-long-random-string")
    result = run_python(env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_x_forwarded_proto_is_trusted_only_behind_a_declared_proxy():
    assert setting(production_env(), "SECURE_PROXY_SSL_HEADER") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )
    assert setting(production_env(TRUSTED_PROXY="0"), "SECURE_PROXY_SSL_HEADER") == "None"
    assert setting(production_env(TRUSTED_PROXY="0"), "USE_X_FORWARDED_HOST") == "False"


def test_production_hosts_may_not_carry_a_port():
    assert setting(production_env(), "ALLOWED_HOST_PORTS") == "[]"


# What Django's request handler does around each request (request_started and request_finished
# close or check the connection), with the server killing our backend between two requests.
_DROPPED_CONNECTION = textwrap.dedent(
    """
    import django, psycopg
    django.setup()
    from django.core.signals import request_finished, request_started
    from django.db import connection

    def request():
        request_started.send(sender=None)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                return cursor.fetchone()[0]
        finally:
            request_finished.send(sender=None)

    assert request() == 1
    backend = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    conninfo = {k: params[k] for k in ("dbname", "user", "password", "host", "port") if params.get(k)}
    with psycopg.connect(autocommit=True, **conninfo) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [backend])
    print(request())
    """
)


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_dropped_persistent_connection_does_not_fail_the_next_request():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    url = f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    env = production_env(DATABASE_URL=url, DB_CONN_MAX_AGE="60", CACHE_URL="")
    result = run_python(
        {**env, "DJANGO_SETTINGS_MODULE": "shop.settings"}, "-c", _DROPPED_CONNECTION
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"
