"""Saleor's account types: ``User``, ``Address``, ``AddressInput``, ``AccountError`` and the enums
they use. Checkout and order code reuses ``Address``, ``AddressInput``, ``CountryCodeEnum``,
``AddressTypeEnum`` and ``MetadataInput`` from here.

``User`` is open for extension by apps that accounts may not import (DESIGN.md): ``orders``
adds ``User.orders`` with ``User._meta.fields["orders"] = graphene.Field(...)`` before the
schema is built.
"""

from __future__ import annotations

from typing import Any

import graphene
from graphene import relay

from accounts.addresses import country_name
from accounts.countries import COUNTRIES
from shop.graphql.common import (
    CountryDisplay,
    Image,
    LanguageCodeEnum,
    MetadataResolvers,
    ObjectWithMetadata,
    ThumbnailFormatEnum,
)

ACCOUNT_ERROR_CODES = [
    "ACTIVATE_OWN_ACCOUNT",
    "ACTIVATE_SUPERUSER_ACCOUNT",
    "DUPLICATED_INPUT_ITEM",
    "DEACTIVATE_OWN_ACCOUNT",
    "DEACTIVATE_SUPERUSER_ACCOUNT",
    "DELETE_NON_STAFF_USER",
    "DELETE_OWN_ACCOUNT",
    "DELETE_STAFF_ACCOUNT",
    "DELETE_SUPERUSER_ACCOUNT",
    "GRAPHQL_ERROR",
    "INACTIVE",
    "INVALID",
    "INVALID_PASSWORD",
    "LEFT_NOT_MANAGEABLE_PERMISSION",
    "INVALID_CREDENTIALS",
    "NOT_FOUND",
    "OUT_OF_SCOPE_USER",
    "OUT_OF_SCOPE_GROUP",
    "OUT_OF_SCOPE_PERMISSION",
    "PASSWORD_ENTIRELY_NUMERIC",
    "PASSWORD_TOO_COMMON",
    "PASSWORD_TOO_SHORT",
    "PASSWORD_TOO_SIMILAR",
    "PASSWORD_RESET_ALREADY_REQUESTED",
    "REQUIRED",
    "UNIQUE",
    "JWT_SIGNATURE_EXPIRED",
    "JWT_INVALID_TOKEN",
    "JWT_DECODE_ERROR",
    "JWT_MISSING_TOKEN",
    "JWT_INVALID_CSRF_TOKEN",
    "CHANNEL_INACTIVE",
    "MISSING_CHANNEL_SLUG",
    "ACCOUNT_NOT_CONFIRMED",
    "LOGIN_ATTEMPT_DELAYED",
    "UNKNOWN_IP_ADDRESS",
]

AccountErrorCode = graphene.Enum("AccountErrorCode", [(c, c) for c in ACCOUNT_ERROR_CODES])
AddressTypeEnum = graphene.Enum(
    "AddressTypeEnum", [("BILLING", "billing"), ("SHIPPING", "shipping")]
)
CountryCodeEnum = graphene.Enum("CountryCode", [(code, code) for code in COUNTRIES])


class AccountError(graphene.ObjectType):
    field = graphene.String(
        description="Name of a field that caused the error. A value of `null` indicates that "
        "the error isn't associated with a particular field."
    )
    message = graphene.String(description="The error message.")
    code = graphene.Field(AccountErrorCode, required=True, description="The error code.")
    # Camel case on purpose: BaseMutation passes ``addressType`` as given.
    addressType = graphene.Field(  # noqa: N815
        AddressTypeEnum, description="A type of address that causes the error."
    )

    class Meta:
        description = "Represents errors in account mutations."


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


class AddressInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    company_name = graphene.String(description="Company or organization.")
    street_address_1 = graphene.String(description="Address: house number and street.")
    street_address_2 = graphene.String(description="Address: hamlet, building.")
    city = graphene.String(description="City. In Vietnam: the ward/commune (name or code).")
    city_area = graphene.String(description="District. Unused in Vietnam since July 2025.")
    postal_code = graphene.String(description="Postal code.")
    country = graphene.InputField(CountryCodeEnum, description="Country. Vietnam when omitted.")
    country_area = graphene.String(
        description="State or province. In Vietnam: the province (name or code)."
    )
    phone = graphene.String(description="Phone number. Vietnamese numbers are stored as +84….")
    metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Address public metadata."
    )
    skip_validation = graphene.Boolean(
        description="Accepted for compatibility; addresses are always validated."
    )


_UNSET = object()


def _is_default(root: Any, attribute: str) -> bool | None:
    default_id = getattr(root, attribute, _UNSET)
    if default_id is _UNSET:
        return None
    return default_id == root.pk


class Address(MetadataResolvers, graphene.ObjectType):
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    company_name = graphene.String(required=True)
    street_address_1 = graphene.String(required=True)
    street_address_2 = graphene.String(required=True)
    city = graphene.String(required=True)
    city_area = graphene.String(required=True)
    postal_code = graphene.String(required=True)
    country = graphene.Field(CountryDisplay, required=True, description="Shop's default country.")
    country_area = graphene.String(required=True)
    phone = graphene.String()
    is_default_shipping_address = graphene.Boolean(
        description="Address is user's default shipping address."
    )
    is_default_billing_address = graphene.Boolean(
        description="Address is user's default billing address."
    )

    class Meta:
        description = "Represents user address data."
        interfaces = (relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_country(root: Any, info: Any) -> CountryDisplay:
        return CountryDisplay(code=root.country, country=country_name(root.country))

    @staticmethod
    def resolve_is_default_shipping_address(root: Any, info: Any) -> bool | None:
        return _is_default(root, "_user_default_shipping_id")

    @staticmethod
    def resolve_is_default_billing_address(root: Any, info: Any) -> bool | None:
        return _is_default(root, "_user_default_billing_id")


def _marked(address: Any, user: Any) -> Any:
    """Mark an address with its owner's defaults, for ``isDefault*Address``."""
    address._user_default_shipping_id = user.default_shipping_address_id
    address._user_default_billing_id = user.default_billing_address_id
    return address


def _language_enum(code: str) -> str:
    name = (code or "vi").replace("-", "_").upper()
    return name if name in LanguageCodeEnum._meta.enum.__members__ else "VI"


def _default_address(root: Any, address_id: int | None) -> Any:
    if address_id is None:
        return None
    cache = getattr(root, "_prefetched_objects_cache", {})
    if "addresses" in cache:
        for address in cache["addresses"]:
            if address.pk == address_id:
                return _marked(address, root)
    field = (
        "default_shipping_address"
        if address_id == root.default_shipping_address_id
        else "default_billing_address"
    )
    return _marked(getattr(root, field), root)


class User(MetadataResolvers, graphene.ObjectType):
    email = graphene.String(required=True)
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    is_staff = graphene.Boolean(required=True, description="OCOP office staff.")
    is_active = graphene.Boolean(required=True)
    addresses = graphene.List(
        graphene.NonNull(Address), required=True, description="List of all user's addresses."
    )
    note = graphene.String(description="A note about the customer (staff only).")
    avatar = graphene.Field(
        Image,
        size=graphene.Int(description="Size of the avatar."),
        format=graphene.Argument(ThumbnailFormatEnum, default_value="ORIGINAL"),
    )
    language_code = graphene.Field(
        LanguageCodeEnum, required=True, description="User language code."
    )
    default_shipping_address = graphene.Field(Address)
    default_billing_address = graphene.Field(Address)
    external_reference = graphene.String()
    last_login = graphene.DateTime()
    date_joined = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)

    class Meta:
        description = "Represents user data."
        interfaces = (relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_addresses(root: Any, info: Any) -> list[Any]:
        return [_marked(address, root) for address in root.addresses.all()]

    @staticmethod
    def resolve_note(root: Any, info: Any) -> None:
        return None

    @staticmethod
    def resolve_avatar(root: Any, info: Any, size: int | None = None, format: Any = None) -> None:
        return None

    @staticmethod
    def resolve_language_code(root: Any, info: Any) -> str:
        return _language_enum(root.language_code)

    @staticmethod
    def resolve_default_shipping_address(root: Any, info: Any) -> Any:
        return _default_address(root, root.default_shipping_address_id)

    @staticmethod
    def resolve_default_billing_address(root: Any, info: Any) -> Any:
        return _default_address(root, root.default_billing_address_id)

    @staticmethod
    def resolve_external_reference(root: Any, info: Any) -> None:
        return None


class ChoiceValue(graphene.ObjectType):
    raw = graphene.String()
    verbose = graphene.String()


class AddressValidationData(graphene.ObjectType):
    country_code = graphene.String(required=True)
    country_name = graphene.String(required=True)
    address_format = graphene.String(required=True)
    address_latin_format = graphene.String(required=True)
    allowed_fields = graphene.List(graphene.NonNull(graphene.String), required=True)
    required_fields = graphene.List(graphene.NonNull(graphene.String), required=True)
    upper_fields = graphene.List(graphene.NonNull(graphene.String), required=True)
    country_area_type = graphene.String(required=True)
    country_area_choices = graphene.List(graphene.NonNull(ChoiceValue), required=True)
    city_type = graphene.String(required=True)
    city_choices = graphene.List(graphene.NonNull(ChoiceValue), required=True)
    city_area_type = graphene.String(required=True)
    city_area_choices = graphene.List(graphene.NonNull(ChoiceValue), required=True)
    postal_code_type = graphene.String(required=True)
    postal_code_matchers = graphene.List(graphene.NonNull(graphene.String), required=True)
    postal_code_examples = graphene.List(graphene.NonNull(graphene.String), required=True)
    postal_code_prefix = graphene.String(required=True)

    class Meta:
        description = "Represents address validation rules for a country."

    @staticmethod
    def from_rules(rules: dict[str, Any]) -> AddressValidationData:
        values = dict(rules)
        for name in ("country_area_choices", "city_choices", "city_area_choices"):
            values[name] = [ChoiceValue(raw=raw, verbose=verbose) for raw, verbose in rules[name]]
        return AddressValidationData(**values)
