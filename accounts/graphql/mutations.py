"""Saleor's account mutations: arguments in, ``accounts.services`` call, payload out.

Refusals come back in ``errors`` (and the deprecated ``accountErrors``) as ``AccountError``;
mutations that need a signed-in user raise a top-level PermissionDenied for anonymous callers
(or the token error for an unusable bearer token, see :mod:`accounts.graphql.auth`).
"""

from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from graphene.types.generic import GenericScalar

from accounts import jwt as tokens
from accounts import selectors, services
from accounts.graphql.auth import require_user
from accounts.throttling import client_ip
from shop.graphql.common import LanguageCodeEnum
from shop.graphql.ids import global_id_decode_int
from shop.graphql.mutations import BaseMutation

from .types import (
    ACCOUNT_ERROR_CODES,
    AccountError,
    AddressInput,
    AddressTypeEnum,
    MetadataInput,
    User,
)
from .types import Address as AddressType

_CODES = frozenset(ACCOUNT_ERROR_CODES)


class AccountBaseMutation(BaseMutation):
    """``BaseMutation`` with ``AccountError`` payload errors. Any code outside
    ``AccountErrorCode`` (a Django validator's own, say) is reported as ``INVALID``."""

    error_type = AccountError
    errors = graphene.List(graphene.NonNull(AccountError), required=True)
    account_errors = graphene.List(
        graphene.NonNull(AccountError),
        required=True,
        deprecation_reason="Use `errors` field instead.",
    )

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any):
        payload = super().mutate(root, info, **data)
        for error in payload.errors:
            if error.code not in _CODES:
                error.code = "INVALID"
        payload.account_errors = payload.errors
        return payload


def _language(value: Any) -> str | None:
    """``LanguageCodeEnum`` member or name (``EN_US``) → stored code (``en-us``)."""
    if value is None:
        return None
    return str(getattr(value, "value", value)).replace("_", "-").lower()


def _address_of_user(user: Any, global_id: str) -> Any:
    pk = global_id_decode_int(global_id, only_type="Address")
    address = selectors.address_of_user(user=user, pk=pk)
    if address is None:
        raise ValidationError(
            {"id": ValidationError(_("Không tìm thấy địa chỉ."), code="not_found")}
        )
    return address


def _field_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _tokens_for(user: Any) -> dict[str, Any]:
    csrf_token = tokens.csrf_token_create()
    return {
        "token": tokens.access_token_create(user),
        "refresh_token": tokens.refresh_token_create(user, csrf_token=csrf_token),
        "csrf_token": csrf_token,
        "user": user,
    }


# --- Tokens -----------------------------------------------------------------------------------


class CreateToken(AccountBaseMutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    refresh_token = graphene.String(
        description="JWT refresh token, required to re-generate access token."
    )
    csrf_token = graphene.String(description="CSRF token required to re-generate access token.")
    user = graphene.Field(User, description="A user instance.")

    class Arguments:
        audience = graphene.String(description="Accepted for compatibility; unused.")
        email = graphene.String(required=True, description="Email of a user.")
        password = graphene.String(required=True, description="Password of a user.")

    class Meta:
        description = "Create JWT token."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = services.user_authenticate(
            email=data["email"], password=data["password"], ip=client_ip(info.context)
        )
        return _tokens_for(user)


class RefreshToken(AccountBaseMutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    user = graphene.Field(User, description="A user instance.")

    class Arguments:
        csrf_token = graphene.String(
            description="CSRF token required to refresh token. This argument is required when "
            "`refreshToken` is provided as a cookie."
        )
        refresh_token = graphene.String(description="Refresh token.")

    class Meta:
        description = (
            "Refresh JWT token. Mutation tries to take refreshToken from the input. If it fails "
            "it will try to take `refreshToken` from the http-only cookie `refreshToken`. "
            "`csrfToken` is required when `refreshToken` is provided as a cookie."
        )

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        token = data.get("refresh_token")
        from_cookie = False
        if not token:
            token = info.context.COOKIES.get(tokens.REFRESH_TOKEN_COOKIE_NAME)
            from_cookie = bool(token)
        if not token:
            raise _field_error("refreshToken", "Missing refreshToken", "JWT_MISSING_TOKEN")
        try:
            payload = tokens.token_decode(token)
            if payload.get("type") != tokens.REFRESH_TYPE:
                raise _field_error("refreshToken", "Incorrect refreshToken", "JWT_INVALID_TOKEN")
            if from_cookie:
                csrf_token = data.get("csrf_token")
                if not csrf_token:
                    raise _field_error(
                        "csrfToken", "CSRF token required to refresh token.", "REQUIRED"
                    )
                if csrf_token != payload.get("csrfToken"):
                    raise _field_error("csrfToken", "Invalid csrf token", "JWT_INVALID_CSRF_TOKEN")
            user = tokens.user_from_payload(payload)
        except tokens.JWTError as error:
            raise _field_error("refreshToken", error.message, error.account_code) from None
        return {"token": tokens.access_token_create(user), "user": user}


class VerifyToken(AccountBaseMutation):
    user = graphene.Field(User, description="User assigned to token.")
    is_valid = graphene.Boolean(required=True, description="Determine if token is valid or not.")
    payload = GenericScalar(description="JWT payload.")

    class Arguments:
        token = graphene.String(required=True, description="JWT token to validate.")

    class Meta:
        description = "Verify JWT token."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        try:
            payload = tokens.token_decode(data["token"])
            user = tokens.user_from_payload(payload)
        except tokens.JWTError as error:
            raise _field_error("token", error.message, error.account_code) from None
        return {"user": user, "is_valid": True, "payload": payload}

    @staticmethod
    def resolve_is_valid(root: Any, info: Any) -> bool:
        return bool(root.is_valid)


# --- Account ----------------------------------------------------------------------------------


class AccountRegisterInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    language_code = graphene.InputField(LanguageCodeEnum, description="User language code.")
    email = graphene.String(required=True, description="The email address of the user.")
    password = graphene.String(required=True, description="Password.")
    redirect_url = graphene.String(
        description="Base of frontend URL that will be needed to create confirmation URL. "
        "Unused: accounts need no confirmation."
    )
    metadata = graphene.List(graphene.NonNull(MetadataInput), description="User public metadata.")
    channel = graphene.String(
        description="Slug of a channel which will be used to notify users. Unused."
    )

    class Meta:
        description = "Fields required to create a user."


class AccountRegister(AccountBaseMutation):
    requires_confirmation = graphene.Boolean(
        description="Informs whether users need to confirm their email address."
    )
    user = graphene.Field(User)

    class Arguments:
        input = AccountRegisterInput(required=True, description="Fields required to create a user.")

    class Meta:
        description = "Register a new user."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        data = data["input"]
        user = services.user_register(
            email=data["email"],
            password=data["password"],
            first_name=data.get("first_name") or "",
            last_name=data.get("last_name") or "",
            language_code=_language(data.get("language_code")) or "vi",
            metadata=data.get("metadata"),
        )
        return {"requires_confirmation": False, "user": user}


class AccountInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    language_code = graphene.InputField(LanguageCodeEnum, description="User language code.")
    default_billing_address = graphene.InputField(
        AddressInput, description="Billing address of the customer."
    )
    default_shipping_address = graphene.InputField(
        AddressInput, description="Shipping address of the customer."
    )
    metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Fields required to update the user metadata."
    )

    class Meta:
        description = "Fields required to update the user."


class AccountUpdate(AccountBaseMutation):
    user = graphene.Field(User)

    class Arguments:
        input = AccountInput(
            required=True,
            description="Fields required to update the account of the logged-in user.",
        )

    class Meta:
        description = "Updates the account of the logged-in user."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = require_user(info)
        data = data["input"]
        services.user_update(
            user=user,
            first_name=data.get("first_name"),
            last_name=data.get("last_name"),
            language_code=_language(data.get("language_code")),
            metadata=data.get("metadata"),
            default_billing_address=data.get("default_billing_address"),
            default_shipping_address=data.get("default_shipping_address"),
        )
        return {"user": user}


class PasswordChange(AccountBaseMutation):
    user = graphene.Field(User, description="A user instance with a new password.")

    class Arguments:
        new_password = graphene.String(required=True, description="New user password.")
        old_password = graphene.String(description="Current user password.")

    class Meta:
        description = "Change the password of the logged in user."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = require_user(info)
        services.user_password_change(
            user=user,
            old_password=data.get("old_password"),
            new_password=data["new_password"],
            ip=client_ip(info.context),
        )
        return {"user": user}


class RequestPasswordReset(AccountBaseMutation):
    class Arguments:
        channel = graphene.String(
            description="Slug of a channel which will be used to notify the user. Unused."
        )
        email = graphene.String(
            required=True, description="Email of the user that will be used for password recovery."
        )
        redirect_url = graphene.String(
            required=True,
            description="URL of a view where users should be redirected to reset the password. "
            "URL in RFC 1808 format.",
        )

    class Meta:
        description = "Sends an email with the account password modification link."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        services.user_password_reset_request(email=data["email"], redirect_url=data["redirect_url"])
        return {}


class SetPassword(AccountBaseMutation):
    token = graphene.String(description="JWT token, required to authenticate.")
    refresh_token = graphene.String(
        description="JWT refresh token, required to re-generate access token."
    )
    csrf_token = graphene.String(description="CSRF token required to re-generate access token.")
    user = graphene.Field(User, description="A user instance.")

    class Arguments:
        email = graphene.String(required=True, description="Email of a user.")
        password = graphene.String(required=True, description="Password of a user.")
        token = graphene.String(
            required=True, description="A one-time token required to set the password."
        )

    class Meta:
        description = (
            "Sets the user's password from the token sent by email using the "
            "RequestPasswordReset mutation."
        )

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = services.user_password_set(
            email=data["email"], token=data["token"], password=data["password"]
        )
        return _tokens_for(user)


# --- Address book -----------------------------------------------------------------------------


class AccountAddressCreate(AccountBaseMutation):
    user = graphene.Field(User, description="A user instance for which the address was created.")
    address = graphene.Field(AddressType)

    class Arguments:
        input = AddressInput(required=True, description="Fields required to create address.")
        type = AddressTypeEnum(
            required=False,
            description="A type of address. If provided, the new address will be automatically "
            "assigned as the customer's default address of that type.",
        )

    class Meta:
        description = "Create a new address for the customer."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = require_user(info)
        address = services.address_create(
            user=user,
            data=data["input"],
            address_type=services.address_type_clean(data.get("type")),
        )
        return {"user": user, "address": address}


class AccountAddressUpdate(AccountBaseMutation):
    user = graphene.Field(User, description="A user object for which the address was edited.")
    address = graphene.Field(AddressType)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the address to update.")
        input = AddressInput(required=True, description="Fields required to update the address.")

    class Meta:
        description = "Updates an address of the logged-in user."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = require_user(info)
        address = _address_of_user(user, data["id"])
        services.address_update(address=address, data=data["input"])
        return {"user": user, "address": address}


class AccountAddressDelete(AccountBaseMutation):
    user = graphene.Field(User, description="A user instance for which the address was deleted.")
    address = graphene.Field(AddressType)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the address to delete.")

    class Meta:
        description = "Delete an address of the logged-in user."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = require_user(info)
        address = _address_of_user(user, data["id"])
        pk = address.pk
        services.address_delete(user=user, address=address)
        user.refresh_from_db(fields=["default_billing_address", "default_shipping_address"])
        address.id = pk  # the payload still names what was deleted
        return {"user": user, "address": address}


class AccountSetDefaultAddress(AccountBaseMutation):
    user = graphene.Field(User, description="An updated user instance.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the address to set as default.")
        type = AddressTypeEnum(required=True, description="The type of address.")

    class Meta:
        description = "Sets a default address for the authenticated user."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = require_user(info)
        address = _address_of_user(user, data["id"])
        services.address_set_default(
            user=user, address=address, address_type=services.address_type_clean(data["type"])
        )
        return {"user": user}
