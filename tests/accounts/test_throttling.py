"""Login throttling counters: per email and per IP, in Django's cache (on Redis: see
test_throttling_redis.py)."""

import pytest
from django.core.exceptions import ValidationError

from accounts import throttling
from accounts.services import user_authenticate

from .conftest import PASSWORD, user_create

pytestmark = pytest.mark.django_db


def _fail(email, ip="203.0.113.7", times=1):
    for _ in range(times):
        with pytest.raises(ValidationError):
            user_authenticate(email=email, password="wrong", ip=ip)


def _delayed(email, ip="203.0.113.7"):
    with pytest.raises(ValidationError) as caught:
        user_authenticate(email=email, password=PASSWORD, ip=ip)
    return caught.value.code == "login_attempt_delayed"


def test_counters_block_at_their_limits_and_name_the_end_of_the_window(settings):
    user = user_create()
    _fail(user.email, times=4)
    assert throttling.login_blocked_until(email=user.email, ip="203.0.113.7") is None
    _fail(user.email)
    until = throttling.login_blocked_until(email=user.email.upper(), ip=None)
    assert until is not None
    assert _delayed(user.email)


def test_unknown_emails_count_against_the_ip(settings):
    settings.LOGIN_THROTTLE_IP_FAILURES = 2
    user = user_create()
    _fail("a@example.com")
    _fail("b@example.com")
    assert _delayed(user.email)
    assert user_authenticate(email=user.email, password=PASSWORD, ip="198.51.100.1") == user


def test_client_ip_behind_a_proxy_is_the_rightmost_forwarded_address(settings, rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9", REMOTE_ADDR="10.0.0.1")
    assert throttling.client_ip(request) == "10.0.0.1"
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert throttling.client_ip(request) == "198.51.100.9"
    assert throttling.client_ip(rf.get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"
