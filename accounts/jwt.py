"""JSON Web Tokens as Saleor issues them: short-lived access tokens sent as
``Authorization: Bearer <token>``, and long-lived refresh tokens that ``tokenRefresh`` trades for
a new access token.

Claims (as Saleor): ``iat``, ``exp``, ``iss`` (PUBLIC_URL), ``owner``, ``type`` ("access" or
"refresh"), ``token`` (the user's ``jwt_token_key``), ``email``, ``user_id`` (the user's global
ID) and ``is_staff``; a refresh token also carries ``csrfToken``. HS256 with :func:`signing_key`.

Tokens are revocable: ``token`` must equal the user's current ``jwt_token_key``, which a password
change or reset replaces (:func:`accounts.services.user_jwt_key_rotate`), so every access and
refresh token issued before stops working at once.
"""

from __future__ import annotations

import datetime
import secrets
from typing import Any

import jwt
from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from shop.graphql.ids import global_id

from .models import User

ACCESS_TYPE = "access"
REFRESH_TYPE = "refresh"
ALGORITHM = "HS256"
OWNER = "saleor"  # Saleor clients read tokens whose owner is "saleor"
REFRESH_TOKEN_COOKIE_NAME = "refreshToken"


class JWTError(Exception):
    """A bearer or refresh token that cannot be used. ``code`` is the class name Saleor reports
    at the top level (``ExpiredSignatureError``, ``InvalidTokenError``, ``DecodeError``...);
    ``account_code`` the ``AccountErrorCode`` for mutation payloads."""

    def __init__(self, message: str, code: str, account_code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.account_code = account_code


def _payload(user: User, token_type: str, ttl: int, extra: dict[str, Any] | None) -> dict:
    now = timezone.now()
    payload: dict[str, Any] = {
        "iat": now,
        "exp": now + datetime.timedelta(seconds=ttl),
        "iss": settings.PUBLIC_URL,
        "owner": OWNER,
        "type": token_type,
        "token": user.jwt_token_key,
        "email": user.email,
        "user_id": global_id("User", user.pk),
        "is_staff": user.is_staff,
    }
    payload.update(extra or {})
    return payload


def signing_key() -> str:
    """``JWT_SECRET``, or a key derived from ``SECRET_KEY`` for this one purpose (so the raw
    SECRET_KEY never signs tokens, and the key is always 256 bits long)."""
    if settings.JWT_SECRET:
        return settings.JWT_SECRET
    return salted_hmac("accounts.jwt", "signing-key", algorithm="sha256").hexdigest()


def _encode(payload: dict[str, Any]) -> str:
    return jwt.encode(payload, signing_key(), algorithm=ALGORITHM)


def access_token_create(user: User) -> str:
    return _encode(_payload(user, ACCESS_TYPE, settings.JWT_ACCESS_TTL, None))


def refresh_token_create(user: User, *, csrf_token: str) -> str:
    extra = {"csrfToken": csrf_token}
    return _encode(_payload(user, REFRESH_TYPE, settings.JWT_REFRESH_TTL, extra))


def csrf_token_create() -> str:
    return secrets.token_urlsafe(32)


def token_decode(token: str) -> dict[str, Any]:
    """Verify the signature and expiry; raise :class:`JWTError` with Saleor's messages."""
    try:
        return jwt.decode(
            token,
            signing_key(),
            algorithms=[ALGORITHM],
            options={"require": ["exp", "iat", "type", "token", "user_id"]},
        )
    except jwt.ExpiredSignatureError:
        raise JWTError(
            "Signature has expired", "ExpiredSignatureError", "JWT_SIGNATURE_EXPIRED"
        ) from None
    except jwt.DecodeError as exc:
        raise JWTError("Error decoding signature", type(exc).__name__, "JWT_DECODE_ERROR") from None
    except jwt.InvalidTokenError as exc:
        raise JWTError("Invalid token", type(exc).__name__, "JWT_INVALID_TOKEN") from None


def _revoked() -> JWTError:
    return JWTError(
        "Invalid token. Create new one by using tokenCreate mutation.",
        "InvalidTokenError",
        "JWT_INVALID_TOKEN",
    )


def user_from_payload(payload: dict[str, Any]) -> User:
    """The active user a verified payload names, if its ``token`` is still theirs."""
    from shop.graphql.ids import global_id_decode

    try:
        _type, pk = global_id_decode(str(payload["user_id"]), only_type="User")
        user = User.objects.filter(pk=int(pk), is_active=True).first()
    except Exception:  # an undecodable user_id: the token is not one of ours
        user = None
    if user is None or not secrets.compare_digest(
        str(payload.get("token", "")), user.jwt_token_key
    ):
        raise _revoked()
    return user


def user_from_access_token(token: str) -> User:
    payload = token_decode(token)
    if payload.get("type") != ACCESS_TYPE:
        raise JWTError("Invalid token type", "InvalidTokenError", "JWT_INVALID_TOKEN")
    return user_from_payload(payload)


def token_from_request(request: Any) -> str | None:
    """The bearer token of a request: ``Authorization: Bearer|JWT <token>`` or Saleor's
    ``Authorization-Bearer: <token>`` header; None when there is none."""
    header = request.META.get("HTTP_AUTHORIZATION_BEARER")
    if header:
        return header.strip() or None
    header = request.META.get("HTTP_AUTHORIZATION", "")
    prefix, _space, value = header.strip().partition(" ")
    if prefix.lower() in ("bearer", "jwt") and value.strip():
        return value.strip()
    return None
