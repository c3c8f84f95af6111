"""Every password check, in one place, behind the login throttle.

The doors: ``tokenCreate`` (:func:`user_authenticate`), every ``django.contrib.auth.authenticate``
call — ``/portal/sign-in/``, ``/admin/login/`` — through :class:`accounts.backends.EmailBackend`
(:func:`user_credentials_check`), and the old-password checks of ``passwordChange`` and
``/admin/password_change/`` (:func:`password_check`). All of them count failures per email and
per client IP in the shared cache (:mod:`accounts.throttling`), so wrong passwords at one door
lock the others, and none of them checks a password while the lock lasts: a guesser learns
nothing, whichever door it knocks at.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import User
from .throttling import login_blocked_until, login_failure_record, login_success_record


class LoginDelayed(ValidationError):
    """Too many failures for this email or from this IP: refused without checking the password.

    A ``ValidationError`` (code ``login_attempt_delayed``, no field) so that GraphQL reports
    ``LOGIN_ATTEMPT_DELAYED`` and a Django form shows it as its non-field error; Django's
    ``authenticate()`` lets it through (it only swallows ``PermissionDenied``)."""


def login_delay_check(*, email: str, ip: str | None) -> None:
    """Raise :class:`LoginDelayed` while ``email`` or ``ip`` is locked out."""
    blocked_until = login_blocked_until(email=email, ip=ip)
    if blocked_until is None:
        return
    raise LoginDelayed(
        _(
            "Đăng nhập bị tạm khóa đến %(time)s do có quá nhiều lần đăng nhập sai. "
            "Vui lòng thử lại sau."
        ),
        code="login_attempt_delayed",
        params={"time": timezone.localtime(blocked_until).strftime("%H:%M:%S %d/%m/%Y")},
    )


def password_check(*, user: User | None, email: str, password: str, ip: str | None) -> bool:
    """Whether ``password`` is ``user``'s, counted by the login throttle; raises
    :class:`LoginDelayed` (before hashing anything) while ``email`` or ``ip`` is locked.

    ``user`` None (no account for ``email``) still costs one hash, so that unknown and known
    emails take as long, and still counts a failure, so that guessing emails is throttled too.
    """
    email = (email or "").strip().lower()
    login_delay_check(email=email, ip=ip)
    if user is None:
        User().set_password(password)
        matches = False
    else:
        matches = user.check_password(password)
    if matches:
        login_success_record(email=email)
    else:
        login_failure_record(email=email, ip=ip)
    return matches


def user_credentials_check(*, email: str, password: str, ip: str | None) -> User:
    """The active user whose email and password these are; raises ``ValidationError`` with
    code ``login_attempt_delayed`` (:class:`LoginDelayed`), ``invalid_credentials`` or
    ``inactive``. Writes nothing but the throttle's counters (a session login stamps
    ``last_login`` itself)."""
    email = (email or "").strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if not password_check(user=user, email=email, password=password or "", ip=ip):
        raise ValidationError(
            {
                "email": ValidationError(
                    _("Email hoặc mật khẩu không đúng. Vui lòng thử lại."),
                    code="invalid_credentials",
                )
            }
        )
    if not user.is_active:
        raise ValidationError(
            {"email": ValidationError(_("Tài khoản đã bị khóa."), code="inactive")}
        )
    return user


def user_authenticate(*, email: str, password: str, ip: str | None) -> User:
    """``tokenCreate``'s login: :func:`user_credentials_check`, then ``last_login``."""
    user = user_credentials_check(email=email, password=password, ip=ip)
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    return user
