"""The default cache must be shared by every process that serves the shop.

Django's ``default`` cache holds state that must be the same for every worker: the login
throttle's counters (``accounts.throttling``), the password-reset throttle
(``accounts.services``), the catalogue version and the anonymous response cache keyed by it
(``shop.cache``, ``shop.graphql.view``). A per-process cache gives each worker its own copy:
with 2 workers the lockout allows twice the tries, two reset emails leave in one throttle
window, and a worker keeps serving a product after it was unpublished elsewhere.

So with ``DEBUG`` off: ``gunicorn.conf.py`` refuses to start more than one worker on a
per-process cache (:func:`several_workers_refusal`), and ``manage.py check --deploy`` warns
about one (``shop.W101``: one worker on one host is the only safe use, and the check cannot
see how many run). Production sets ``CACHE_URL=redis://…`` (docs/deploy.md).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, register
from django.core.checks import Warning as CheckWarning

PER_PROCESS_BACKENDS = frozenset(
    {
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
    }
)
_FIX = (
    "Set CACHE_URL to the shared Redis, e.g. CACHE_URL=redis://127.0.0.1:6379/1 "
    "(docs/deploy.md, 'Cache and throttles')."
)


def per_process_cache_backend() -> str | None:
    """The ``default`` cache's backend when each process would have its own, else None."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    return backend if backend in PER_PROCESS_BACKENDS else None


def several_workers_refusal(*, workers: int) -> str | None:
    """Why ``workers`` server processes must not start with these settings, or None."""
    backend = per_process_cache_backend()
    if settings.DEBUG or workers <= 1 or backend is None:
        return None
    return (
        f"refusing to start {workers} workers with DEBUG off on a per-process cache "
        f"({backend.rsplit('.', 1)[-1]}): each worker would keep its own login and "
        "password-reset throttles and its own catalogue version, so the lockout would allow "
        f"{workers}x the tries and workers would serve stale or unpublished products. "
        f"{_FIX} Or run a single worker (-w 1)."
    )


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs: Any = None, **kwargs: Any) -> list[CheckWarning]:
    backend = per_process_cache_backend()
    if settings.DEBUG or backend is None:
        return []
    return [
        CheckWarning(
            f"The default cache ({backend}) is per process: login and password-reset "
            "throttles and the catalogue version are not shared between workers or hosts "
            "(gunicorn.conf.py refuses to start several workers on it).",
            hint=_FIX,
            id="shop.W101",
        )
    ]
