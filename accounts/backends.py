"""The authentication backend: Django's sign-in forms reach the throttled password check.

``AUTHENTICATION_BACKENDS`` lists only this backend, so every ``authenticate()`` call (the
portal's and the admin's sign-in forms, and any later one) goes through
:func:`accounts.sign_in.user_credentials_check`. Permissions and ``get_user`` are
``ModelBackend``'s.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from .models import User
from .sign_in import LoginDelayed, user_credentials_check
from .throttling import client_ip


class EmailBackend(ModelBackend):
    """Email and password, throttled per email and per client IP.

    A locked-out attempt raises :class:`~accounts.sign_in.LoginDelayed` instead of returning
    None: ``authenticate()`` passes it on, and ``AuthenticationForm`` shows its message
    ("try again after …") rather than "wrong password"."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        email = username if username is not None else kwargs.get(User.USERNAME_FIELD)
        if email is None or password is None:
            return None
        ip = client_ip(request) if request is not None else None
        try:
            return user_credentials_check(email=email, password=password, ip=ip)
        except LoginDelayed:
            raise
        except ValidationError:
            return None
