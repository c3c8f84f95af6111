"""Account writes: registration, login, passwords, the address book.

Every function takes keyword-only arguments and raises ``ValidationError`` keyed by the GraphQL
field with an ``AccountErrorCode`` as code (``accounts.graphql.mutations`` passes them through).
Address cleaning lives in :mod:`accounts.addresses` (``address_clean``, re-exported here); every
password check in :mod:`accounts.sign_in` (``user_authenticate``, re-exported here).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.http.request import split_domain_port, validate_host
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from shop.outbox import outbox_consumer, outbox_publish

from .addresses import address_clean
from .models import Address, User, new_jwt_token_key
from .sign_in import password_check, user_authenticate

__all__ = [
    "address_clean",
    "address_copy",
    "address_create",
    "address_delete",
    "address_set_default",
    "address_update",
    "user_authenticate",
    "user_jwt_key_rotate",
    "user_password_change",
    "user_password_reset_request",
    "user_password_set",
    "user_register",
    "user_update",
]

BILLING = "billing"
SHIPPING = "shipping"
PASSWORD_RESET_TOPIC = "accounts.password_reset"


def _field_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def metadata_merge(current: dict | None, items: list[dict[str, Any]] | None) -> dict:
    """Saleor's ``[MetadataInput!]``: each ``{key, value}`` sets one key."""
    merged = dict(current or {})
    for item in items or []:
        key = str(item.get("key") or "").strip()
        if not key:
            raise _field_error("metadata", _("Khóa metadata không được để trống."), "required")
        merged[key] = str(item.get("value") or "")
    return merged


# --- Users ------------------------------------------------------------------------------------


def email_clean(email: str) -> str:
    value = (email or "").strip().lower()
    try:
        validate_email(value)
    except ValidationError:
        raise _field_error("email", _("Địa chỉ email không hợp lệ."), "invalid") from None
    return value


def password_validate(password: str, *, user: User, field: str = "password") -> None:
    """Django's password validators; their codes are Saleor's (PASSWORD_TOO_SHORT...)."""
    try:
        password_validation.validate_password(password, user=user)
    except ValidationError as exc:
        raise ValidationError({field: exc.error_list}) from None


def user_register(
    *,
    email: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    language_code: str = "vi",
    metadata: list[dict[str, Any]] | None = None,
) -> User:
    """Create an active customer account (no email confirmation is required)."""
    email = email_clean(email)
    user = User(
        email=email,
        first_name=(first_name or "").strip()[:150],
        last_name=(last_name or "").strip()[:150],
        language_code=language_code or "vi",
        metadata=metadata_merge({}, metadata),
    )
    if User.objects.filter(email__iexact=email).exists():
        raise _field_error("email", _("Đã có tài khoản với email này."), "unique")
    password_validate(password, user=user)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # registered concurrently
        raise _field_error("email", _("Đã có tài khoản với email này."), "unique") from None
    return user


def user_jwt_key_rotate(user: User) -> None:
    """Revoke every JWT issued to ``user`` so far (the caller saves the user)."""
    user.jwt_token_key = new_jwt_token_key()


def user_update(
    *,
    user: User,
    first_name: str | None = None,
    last_name: str | None = None,
    language_code: str | None = None,
    metadata: list[dict[str, Any]] | None = None,
    default_billing_address: dict[str, Any] | None = None,
    default_shipping_address: dict[str, Any] | None = None,
) -> User:
    """Change the given profile fields. An address input replaces the default address of its
    type: the current one is edited in place unless it is also the other type's default."""
    if first_name is not None:
        user.first_name = first_name.strip()[:150]
    if last_name is not None:
        user.last_name = last_name.strip()[:150]
    if language_code:
        user.language_code = language_code
    if metadata is not None:
        user.metadata = metadata_merge(user.metadata, metadata)
    errors: dict[str, list[ValidationError]] = {}
    cleaned: dict[str, dict[str, Any]] = {}
    for address_type, data in (
        (BILLING, default_billing_address),
        (SHIPPING, default_shipping_address),
    ):
        if data is None:
            continue
        try:
            cleaned[address_type] = address_clean(data, address_type=address_type)
        except ValidationError as exc:
            for name, field_errors in exc.error_dict.items():
                errors.setdefault(name, []).extend(field_errors)
    if errors:
        raise ValidationError(errors)
    user.save()
    for address_type, values in cleaned.items():
        _default_address_replace(user, address_type, values)
    return user


def _default_address_replace(user: User, address_type: str, values: dict[str, Any]) -> None:
    current_id, other_id = (
        (user.default_billing_address_id, user.default_shipping_address_id)
        if address_type == BILLING
        else (user.default_shipping_address_id, user.default_billing_address_id)
    )
    if current_id is not None and current_id != other_id:
        Address.objects.filter(pk=current_id).update(**values)
        return
    address = Address.objects.create(**values)
    user.addresses.add(address)
    _default_set(user, address, address_type)


def user_password_change(
    *, user: User, old_password: str | None, new_password: str, ip: str | None = None
) -> User:
    """Change the password of a signed-in user; every token issued before stops working.

    The old password is checked behind the login throttle (:func:`accounts.sign_in.password_check`):
    a stolen session must not become a way to guess it."""
    if user.has_usable_password() and not password_check(
        user=user, email=user.email, password=old_password or "", ip=ip
    ):
        raise _field_error("oldPassword", _("Mật khẩu hiện tại không đúng."), "invalid_password")
    password_validate(new_password, user=user, field="newPassword")
    user.set_password(new_password)
    user_jwt_key_rotate(user)
    user.save(update_fields=["password", "jwt_token_key", "updated_at"])
    return user


def redirect_url_validate(url: str) -> None:
    """A link we email must point at one of ``ALLOWED_CLIENT_HOSTS`` (Saleor's rule)."""
    try:
        parts = urlsplit(url or "")
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise _field_error(
            "redirectUrl", _("URL không hợp lệ. Hãy dùng một URL đầy đủ (RFC 1808)."), "invalid"
        )
    domain, _port = split_domain_port(parts.netloc)
    if not domain or not validate_host(domain, settings.ALLOWED_CLIENT_HOSTS):
        raise _field_error(
            "redirectUrl",
            _("Tên miền %(domain)s không được phép. Xem cấu hình ALLOWED_CLIENT_HOSTS.")
            % {"domain": domain or parts.netloc},
            "invalid",
        )


def user_password_reset_request(*, email: str, redirect_url: str) -> User:
    """Queue an email with a one-time link ``redirect_url?email=…&token=…``.

    As Saleor, an unknown email is reported (``NOT_FOUND``); that tells a caller whether an
    address has an account, which Saleor accepts and so do we (registration does too).
    """
    redirect_url_validate(redirect_url)
    email = (email or "").strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        raise _field_error("email", _("Không có tài khoản nào với email này."), "not_found")
    if not user.is_active:
        raise _field_error("email", _("Tài khoản với email này đã bị khóa."), "inactive")
    throttle_key = f"password-reset:{user.pk}"
    if not cache.add(throttle_key, 1, timeout=settings.PASSWORD_RESET_THROTTLE_SECONDS):
        raise _field_error(
            "email",
            _("Email đặt lại mật khẩu vừa được gửi. Vui lòng kiểm tra hộp thư hoặc thử lại sau."),
            "password_reset_already_requested",
        )
    outbox_publish(PASSWORD_RESET_TOPIC, {"user_id": user.pk, "redirect_url": redirect_url})
    return user


def password_reset_link(user: User, redirect_url: str) -> str:
    token = default_token_generator.make_token(user)
    parts = urlsplit(redirect_url)
    query = "&".join(
        q for q in (parts.query, urlencode({"email": user.email, "token": token})) if q
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def _email_language(user: User) -> str:
    return "en" if (user.language_code or "").lower().startswith("en") else "vi"


@outbox_consumer(PASSWORD_RESET_TOPIC)
def password_reset_email_send(payload: dict[str, Any]) -> None:
    """Outbox consumer: the token is made at sending time, so none is ever stored."""
    user = User.objects.filter(pk=payload["user_id"], is_active=True).first()
    if user is None:
        return
    language = _email_language(user)
    context = {"user": user, "link": password_reset_link(user, payload["redirect_url"])}
    with translation.override(language):
        subject = _("Đặt lại mật khẩu tài khoản OCOP")
        body = render_to_string(f"accounts/emails/password_reset_{language}.txt", context)
        html = render_to_string(f"accounts/emails/password_reset_{language}.html", context)
    send_mail(subject, body, None, [user.email], html_message=html)


def user_password_set(*, email: str, token: str, password: str) -> User:
    """Set a new password from an emailed token; the token then no longer works (it is bound to
    the password hash) and neither does any JWT issued before."""
    user = User.objects.filter(email__iexact=(email or "").strip()).first()
    if user is None:
        raise _field_error("email", _("Không có tài khoản nào với email này."), "not_found")
    if not default_token_generator.check_token(user, token or ""):
        raise _field_error(
            "token", _("Mã đặt lại mật khẩu không hợp lệ hoặc đã hết hạn."), "invalid"
        )
    password_validate(password, user=user)
    user.set_password(password)
    user_jwt_key_rotate(user)
    user.save(update_fields=["password", "jwt_token_key", "updated_at"])
    return user


# --- Address book -----------------------------------------------------------------------------


def _default_set(user: User, address: Address, address_type: str) -> None:
    if address_type == BILLING:
        user.default_billing_address = address
        user.save(update_fields=["default_billing_address", "updated_at"])
    else:
        user.default_shipping_address = address
        user.save(update_fields=["default_shipping_address", "updated_at"])


def address_type_clean(value: Any) -> str | None:
    """``AddressTypeEnum`` member, its value or its name → "billing"/"shipping"/None."""
    if value is None:
        return None
    text = str(getattr(value, "value", value)).lower()
    if text not in (BILLING, SHIPPING):
        raise _field_error("type", _("Loại địa chỉ không hợp lệ."), "invalid")
    return text


def address_create(
    *, user: User | None, data: dict[str, Any], address_type: str | None = None
) -> Address:
    """Validate an ``AddressInput`` and save it. With a ``user`` it joins their address book
    (and becomes their default of ``address_type`` if given); with ``user=None`` it is a
    free-standing address, what a checkout or an order keeps."""
    values = address_clean(data, address_type=address_type)
    if user is None:
        return Address.objects.create(**values, metadata=metadata_merge({}, data.get("metadata")))
    if user.addresses.count() >= settings.ACCOUNT_MAX_ADDRESSES:
        raise ValidationError(
            _("Sổ địa chỉ đã đủ %(max)d địa chỉ. Hãy xóa bớt một địa chỉ."),
            code="invalid",
            params={"max": settings.ACCOUNT_MAX_ADDRESSES},
        )
    address = Address(**values, metadata=metadata_merge({}, data.get("metadata")))
    address.save()
    user.addresses.add(address)
    if address_type:
        _default_set(user, address, address_type)
    return address


def address_as_input(address: Address) -> dict[str, Any]:
    """An address's values in ``AddressInput`` form (snake case), for partial updates."""
    return {
        "first_name": address.first_name,
        "last_name": address.last_name,
        "company_name": address.company_name,
        "street_address_1": address.street_address_1,
        "street_address_2": address.street_address_2,
        "city": address.city,
        "city_area": address.city_area,
        "postal_code": address.postal_code,
        "country": address.country,
        "country_area": address.country_area,
        "phone": address.phone,
    }


def address_update(*, address: Address, data: dict[str, Any]) -> Address:
    """Change the given fields of ``address`` (omitted ones keep their values)."""
    provided = {key: value for key, value in data.items() if value is not None}
    merged = {**address_as_input(address), **provided}
    for name, value in address_clean(merged).items():
        setattr(address, name, value)
    address.metadata = metadata_merge(address.metadata, data.get("metadata"))
    address.save()
    return address


def address_delete(*, user: User, address: Address) -> None:
    """Remove an address from the book (a default pointing at it is cleared)."""
    user.addresses.remove(address)
    address.delete()


def address_set_default(*, user: User, address: Address, address_type: str) -> User:
    _default_set(user, address, address_type)
    return user


def address_copy(address: Address) -> Address:
    """A saved copy not tied to any user: what a checkout or an order keeps."""
    return address.copy()
