"""Login throttling: failed logins are counted per email and per client IP in Django's cache
(only ``add``/``incr``/``get``/``delete``, all atomic on Redis). In production that cache is
Redis, shared by every worker (``CACHE_URL``; ``gunicorn.conf.py`` refuses several workers with
a per-process cache, which would give each worker its own counters).

A counter lives for one window (``LOGIN_THROTTLE_WINDOW`` seconds from its first failure).
Once a counter reaches its limit, every password check (:mod:`accounts.sign_in`: tokenCreate,
the portal's and the admin's sign-in, passwordChange) is refused until the window ends, without
checking the password, so a guesser learns nothing. A successful
login clears the email's counter (not the IP's: one good account must not unlock guessing
at the others from the same address).
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


@dataclass(frozen=True)
class Counter:
    key: str
    limit: int


def client_ip(request: Any) -> str | None:
    """The client's address: ``REMOTE_ADDR``, or behind a reverse proxy the rightmost entry of
    ``CLIENT_IP_HEADER`` (the one our proxy appended; entries left of it are client-supplied)."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header:
        forwarded = [part.strip() for part in request.META.get(header, "").split(",")]
        if forwarded and forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR") or None


def _email_counter(email: str) -> Counter:
    digest = hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()[:32]
    return Counter(f"login-fail:email:{digest}", settings.LOGIN_THROTTLE_EMAIL_FAILURES)


def _ip_counter(ip: str) -> Counter:
    digest = hashlib.sha256(ip.encode("utf-8")).hexdigest()[:32]
    return Counter(f"login-fail:ip:{digest}", settings.LOGIN_THROTTLE_IP_FAILURES)


def _counters(email: str, ip: str | None) -> list[Counter]:
    counters = [_email_counter(email)]
    if ip:
        counters.append(_ip_counter(ip))
    return counters


def login_blocked_until(*, email: str, ip: str | None) -> datetime.datetime | None:
    """When logins for ``email`` (or from ``ip``) may be tried again, or None if they may now."""
    until: datetime.datetime | None = None
    for counter in _counters(email, ip):
        count = cache.get(counter.key) or 0
        if count >= counter.limit:
            started = cache.get(counter.key + ":since")
            end = (
                datetime.datetime.fromtimestamp(started, tz=datetime.UTC)
                + datetime.timedelta(seconds=settings.LOGIN_THROTTLE_WINDOW)
                if started
                else timezone.now() + datetime.timedelta(seconds=settings.LOGIN_THROTTLE_WINDOW)
            )
            until = max(until, end) if until else end
    return until


def _increment(key: str) -> None:
    window = settings.LOGIN_THROTTLE_WINDOW
    if cache.add(key, 1, timeout=window):
        cache.set(key + ":since", timezone.now().timestamp(), timeout=window)
        return
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: start a new window
        cache.set(key, 1, timeout=window)
        cache.set(key + ":since", timezone.now().timestamp(), timeout=window)
        return
    if count == 1:
        # Redis: the key expired between Django's EXISTS and INCR, and INCR made a new one
        # without expiry; give it the window, or the lock would never end.
        cache.touch(key, timeout=window)


def login_failure_record(*, email: str, ip: str | None) -> None:
    for counter in _counters(email, ip):
        _increment(counter.key)


def login_success_record(*, email: str) -> None:
    key = _email_counter(email).key
    cache.delete_many([key, key + ":since"])
