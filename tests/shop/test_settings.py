"""Settings come from the environment; with DEBUG off a missing SECRET_KEY stops the start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _import_settings(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "shop.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = _import_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_starts_with_a_secret_key_or_in_debug():
    assert _import_settings({"SECRET_KEY": "s" * 50}).stdout.strip() == "False"
    assert _import_settings({"DEBUG": "1"}).stdout.strip() == "True"
