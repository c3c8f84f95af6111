"""The login and password-reset throttles on the real Redis (``CACHE_URL=redis://…`` in
production), with two cache clients standing for two gunicorn workers: a limit is one limit
for the whole shop, not one per worker."""

from __future__ import annotations

import pytest
import redis
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError

from accounts.services import user_password_reset_request
from tests.conftest import REDIS_TEST_URL

from .conftest import PASSWORD, user_create
from .test_sign_in_doors import DOORS, admin_sign_in, every_door, portal_sign_in, token_create

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


def _ttls(prefix: str, name: str) -> list[int]:
    client = redis.Redis.from_url(REDIS_TEST_URL)
    return [client.ttl(key) for key in client.scan_iter(match=f"{prefix}:*{name}*")]


def test_five_failures_over_two_workers_lock_every_door_in_both(redis_workers, redis_cache):
    a, b, use = redis_workers
    user = user_create(is_staff=True)
    use(a)
    assert token_create(user.email, "sai-1") == "refused"
    assert portal_sign_in(user.email, "sai-2") == "refused"
    assert admin_sign_in(user.email, "sai-3") == "refused"
    use(b)
    assert token_create(user.email, "sai-4") == "refused"
    assert portal_sign_in(user.email, "sai-5") == "refused"
    for worker in (a, b):
        use(worker)
        assert every_door(user.email) == dict.fromkeys(DOORS, "delayed")
    # The counters expire with the window (Redis's own TTL; no process has to remember them).
    ttls = _ttls(redis_cache, "login-fail")
    assert ttls and all(0 < ttl <= django_settings.LOGIN_THROTTLE_WINDOW for ttl in ttls)


def test_the_ip_limit_is_shared_by_the_workers(redis_workers, settings):
    settings.LOGIN_THROTTLE_IP_FAILURES = 4
    a, b, use = redis_workers
    user = user_create()
    for n, worker in enumerate((a, b, a, b)):
        use(worker)
        assert token_create(f"doan{n}@example.com", "sai", REMOTE_ADDR="203.0.113.50") == "refused"
    assert token_create(user.email, PASSWORD, REMOTE_ADDR="203.0.113.50") == "delayed"
    use(a)
    assert token_create(user.email, PASSWORD, REMOTE_ADDR="203.0.113.51") == ("signed in")


def test_one_password_reset_email_per_window_over_two_workers(redis_workers, redis_cache):
    a, b, use = redis_workers
    user = user_create()
    use(a)
    user_password_reset_request(email=user.email, redirect_url="http://localhost/r")
    use(b)
    with pytest.raises(ValidationError) as refused:
        user_password_reset_request(email=user.email, redirect_url="http://localhost/r")
    assert refused.value.error_dict["email"][0].code == "password_reset_already_requested"
    ttls = _ttls(redis_cache, "password-reset")
    assert len(ttls) == 1 and 0 < ttls[0] <= django_settings.PASSWORD_RESET_THROTTLE_SECONDS
