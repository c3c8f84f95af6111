"""One login throttle for every door: tokenCreate, /portal/sign-in/, /admin/login/, and the
old-password checks of passwordChange and /admin/password_change/.

Wrong passwords at any door lock every door (per email, and per client IP); while locked the
right password is refused, without being checked, with a message naming the end of the lock;
when the window ends every door opens again."""

from __future__ import annotations

import json
import re
import time

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.cache.backends import locmem
from django.test import Client
from django.urls import reverse

from accounts import jwt as tokens

from .conftest import PASSWORD, user_create

pytestmark = pytest.mark.django_db

TOKEN_CREATE = """
mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token errors { field code message } }
}"""
PASSWORD_CHANGE = """
mutation($old: String!, $new: String!) {
  passwordChange(oldPassword: $old, newPassword: $new) { errors { field code message } }
}"""
NEW_PASSWORD = "Tra-shan-tuyet-2026"
LOCK_MESSAGE = re.compile(r"Đăng nhập bị tạm khóa đến \d\d:\d\d:\d\d \d\d/\d\d/\d{4}")


def _graphql(client: Client, query: str, variables: dict, **headers) -> dict:
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": query, "variables": variables}),
        content_type="application/json",
        **headers,
    )
    return response.json()["data"]


def token_create(email: str, password: str, **headers) -> str:
    result = _graphql(Client(), TOKEN_CREATE, {"email": email, "password": password}, **headers)[
        "tokenCreate"
    ]
    if result["token"]:
        return "signed in"
    error = result["errors"][0]
    if error["code"] == "LOGIN_ATTEMPT_DELAYED":
        assert LOCK_MESSAGE.search(error["message"]), error["message"]
        return "delayed"
    assert error["code"] == "INVALID_CREDENTIALS"
    return "refused"


def _form_sign_in(url: str, email: str, password: str, **headers) -> str:
    client = Client()
    response = client.post(url, {"username": email, "password": password}, **headers)
    if response.status_code == 302:
        assert "_auth_user_id" in client.session
        return "signed in"
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    [error] = response.context["form"].non_field_errors().as_data()
    if error.code == "login_attempt_delayed":
        assert LOCK_MESSAGE.search(response.text)  # shown on the page, in Vietnamese
        return "delayed"
    assert error.code == "invalid_login"
    return "refused"


def portal_sign_in(email: str, password: str, **headers) -> str:
    return _form_sign_in(reverse("frontend:portal:login"), email, password, **headers)


def admin_sign_in(email: str, password: str, **headers) -> str:
    return _form_sign_in(reverse("admin:login"), email, password, **headers)


DOORS = {"tokenCreate": token_create, "portal": portal_sign_in, "admin": admin_sign_in}


def every_door(email: str, password: str = PASSWORD, **headers) -> dict[str, str]:
    return {name: door(email, password, **headers) for name, door in DOORS.items()}


class CountingHasher(MD5PasswordHasher):
    """Django's MD5 hasher (fast, for tests) counting the password checks it makes."""

    verified = 0

    def verify(self, password: str, encoded: str) -> bool:
        type(self).verified += 1
        return super().verify(password, encoded)


@pytest.fixture
def staff(settings):
    """An OCOP staff account: admitted by the admin site as well as the portal and the API."""
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    return user_create(is_staff=True)


@pytest.fixture
def later(monkeypatch):
    """Move the local-memory cache's clock (it expires entries by ``time.time()``)."""

    def move(seconds: float) -> None:
        real_time = time.time
        monkeypatch.setattr(
            locmem, "time", type("Clock", (), {"time": lambda: real_time() + seconds})
        )

    return move


@pytest.mark.parametrize("door", DOORS)
def test_wrong_passwords_at_one_door_lock_every_door(door, staff):
    assert every_door(staff.email) == dict.fromkeys(DOORS, "signed in")
    for _ in range(5):
        assert DOORS[door](staff.email, "sai-mat-khau") == "refused"
    checked = CountingHasher.verified
    assert every_door(staff.email) == dict.fromkeys(DOORS, "delayed")
    assert CountingHasher.verified == checked  # the right password was not even checked


def test_failures_add_up_across_doors(staff):
    assert token_create(staff.email, "sai-1") == "refused"
    assert token_create(staff.email, "sai-2") == "refused"
    assert portal_sign_in(staff.email, "sai-3") == "refused"
    assert portal_sign_in(staff.email, "sai-4") == "refused"
    assert admin_sign_in(staff.email.upper(), "sai-5") == "refused"
    assert every_door(staff.email) == dict.fromkeys(DOORS, "delayed")


def test_the_lock_ends_with_its_window(staff, settings, later):
    for _ in range(5):
        portal_sign_in(staff.email, "sai-mat-khau")
    later(settings.LOGIN_THROTTLE_WINDOW - 5)
    assert every_door(staff.email) == dict.fromkeys(DOORS, "delayed")
    later(settings.LOGIN_THROTTLE_WINDOW + 1)
    assert every_door(staff.email) == dict.fromkeys(DOORS, "signed in")


def test_guessing_from_one_ip_at_the_admin_locks_that_ip_at_every_door(staff, settings):
    settings.LOGIN_THROTTLE_IP_FAILURES = 3
    for n in range(3):
        assert admin_sign_in(f"doan{n}@example.com", "sai", REMOTE_ADDR="203.0.113.9") == "refused"
    assert every_door(staff.email, REMOTE_ADDR="203.0.113.9") == dict.fromkeys(DOORS, "delayed")
    assert every_door(staff.email, REMOTE_ADDR="198.51.100.4") == dict.fromkeys(DOORS, "signed in")


def test_password_change_old_password_guesses_lock_sign_in_and_are_locked_too(staff):
    token = tokens.access_token_create(staff)
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    for _ in range(5):
        result = _graphql(Client(), PASSWORD_CHANGE, {"old": "sai", "new": NEW_PASSWORD}, **bearer)
        assert result["passwordChange"]["errors"][0]["code"] == "INVALID_PASSWORD"
    assert every_door(staff.email) == dict.fromkeys(DOORS, "delayed")
    result = _graphql(Client(), PASSWORD_CHANGE, {"old": PASSWORD, "new": NEW_PASSWORD}, **bearer)
    assert result["passwordChange"]["errors"][0]["code"] == "LOGIN_ATTEMPT_DELAYED"
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_admin_password_change_is_locked_by_failures_at_other_doors(staff):
    client = Client()
    client.force_login(staff)
    url = reverse("admin:password_change")
    change = {
        "old_password": PASSWORD,
        "new_password1": NEW_PASSWORD,
        "new_password2": NEW_PASSWORD,
    }
    for _ in range(5):
        token_create(staff.email, "sai-mat-khau")
    response = client.post(url, change)
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["old_password"]
    assert error.code == "login_attempt_delayed" and LOCK_MESSAGE.search(response.text)
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_admin_password_change_guesses_count_against_sign_in(staff):
    client = Client()
    client.force_login(staff)
    url = reverse("admin:password_change")
    for _ in range(5):
        wrong = {
            "old_password": "sai",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        }
        response = client.post(url, wrong)
        assert response.context["form"].errors.as_data()["old_password"][0].code == (
            "password_incorrect"
        )
    assert every_door(staff.email) == dict.fromkeys(DOORS, "delayed")
