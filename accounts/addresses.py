"""Address rules: cleaning what buyers type into what the shop stores, phone numbers, and the
``addressValidationRules`` data.

Vietnam (the default country) has two levels since July 2025: ``countryArea`` is the province
(official name, code such as "68", or a pre-2025 name), ``city`` the ward/commune of that
province (name, code or old name), both resolved with :mod:`shop.geo` and stored as codes plus
official names; ``streetAddress1`` and a mobile ``phone`` (stored as E.164, +84…) are required.
Other countries are stored as given, with a street and a city required.

Errors are ``ValidationError({field: ...})`` keyed by the GraphQL input field names
(``streetAddress1``, ``countryArea``...) with ``AccountErrorCode``/``CheckoutErrorCode`` codes
(``REQUIRED``, ``INVALID``) that both enums share.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from shop.geo import province_resolve, ward_resolve
from shop.models import Province, Ward
from shop.text import fold

from .countries import COUNTRIES

VIETNAM = "VN"

# Input field (snake case, as graphene hands them over) → GraphQL field name and max length.
TEXT_FIELDS: dict[str, tuple[str, int]] = {
    "first_name": ("firstName", 256),
    "last_name": ("lastName", 256),
    "company_name": ("companyName", 256),
    "street_address_1": ("streetAddress1", 256),
    "street_address_2": ("streetAddress2", 256),
    "city": ("city", 256),
    "city_area": ("cityArea", 128),
    "postal_code": ("postalCode", 20),
    "country_area": ("countryArea", 128),
    "phone": ("phone", 128),
}

# shop.geo's messages reach buyers through address errors: listed here so that this app's
# message catalogue (accounts/locale) carries their translations.
_GEO_MESSAGES = (
    gettext_noop("Không tìm thấy tỉnh/thành phố “%(value)s”."),
    gettext_noop("Không tìm thấy phường/xã “%(value)s”."),
    gettext_noop("Phường/xã “%(ward)s” không thuộc %(province)s."),
)

_VN_MOBILE = re.compile(r"^(?:\+?84|0)([35789]\d{8})$")
_PHONE_NOISE = re.compile(r"[\s.\-()]")
_PHONE_CHARS = re.compile(r"^\+?[\d\-().]+$")
_VN_POSTAL_CODE = re.compile(r"^\d{5,6}$")


class _Errors:
    """Collects field errors so a buyer sees every problem at once."""

    def __init__(self, address_type: str | None) -> None:
        self.errors: dict[str, list[ValidationError]] = {}
        self.params = {"address_type": address_type} if address_type else {}

    def add(self, field: str, message: str, code: str, **params: Any) -> None:
        if self.params and not params:
            message = message.replace("%", "%%")  # the message is formatted with params
        error = ValidationError(message, code=code, params={**self.params, **params} or None)
        self.errors.setdefault(field, []).append(error)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def country_code_clean(value: Any) -> str:
    """A country from the ``CountryCode`` enum (member or code); VN when omitted."""
    code = str(getattr(value, "value", value) or "").strip().upper()
    return code or VIETNAM


def country_name(code: str) -> str:
    if code == VIETNAM:
        return _("Việt Nam")
    return COUNTRIES.get(code, code)


def phone_normalize_vn(raw: str) -> str:
    """``0912345678``, ``84 91 234 5678`` or ``+84912345678`` → ``+84912345678``.

    Raises ``ValidationError`` (code ``invalid``) for anything that is not a Vietnamese mobile
    number (prefixes 03, 05, 07, 08, 09)."""
    compact = _PHONE_NOISE.sub("", raw or "")
    match = _VN_MOBILE.match(compact)
    if match is None:
        raise ValidationError(
            _(
                "Số điện thoại “%(value)s” không hợp lệ: cần số di động Việt Nam, "
                "ví dụ 0912345678 hoặc +84912345678."
            ),
            code="invalid",
            params={"value": raw},
        )
    return "+84" + match.group(1)


def phone_clean_foreign(raw: str) -> str:
    """A phone outside Vietnam, kept as typed without spaces; only plainly broken ones refused."""
    compact = re.sub(r"\s+", "", raw or "")
    digits = sum(ch.isdigit() for ch in compact)
    if not _PHONE_CHARS.match(compact) or not 6 <= digits <= 15:
        raise ValidationError(
            _("Số điện thoại “%(value)s” không hợp lệ."), code="invalid", params={"value": raw}
        )
    return compact


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    return "" if value is None else str(value).strip()


def address_clean(data: dict[str, Any], *, address_type: str | None = None) -> dict[str, Any]:
    """Validate and normalise an ``AddressInput`` (snake-case keys) into ``Address`` field values.

    Returns a dict with every text field plus ``country``, ``province`` and ``ward`` (rows or
    None), ready for ``Address(**values)``. ``metadata`` and ``skip_validation`` in ``data`` are
    ignored here. ``address_type`` ("billing"/"shipping") is attached to every error so
    ``AccountError.addressType`` can name which address failed.
    """
    errors = _Errors(address_type)
    values: dict[str, Any] = {name: _text(data, name) for name in TEXT_FIELDS}
    for name, (field, max_length) in TEXT_FIELDS.items():
        if len(values[name]) > max_length:
            errors.add(field, _("Tối đa %(max)d ký tự."), "invalid", max=max_length)

    country = country_code_clean(data.get("country"))
    values.update(country=country, province=None, ward=None)
    if country not in COUNTRIES:
        errors.add("country", _("Mã quốc gia “%(value)s” không hợp lệ."), "invalid", value=country)
    elif country == VIETNAM:
        _clean_vietnamese(values, errors)
    else:
        _clean_foreign(values, errors)
    errors.raise_if_any()
    return values


def _clean_vietnamese(values: dict[str, Any], errors: _Errors) -> None:
    province: Province | None = None
    if not values["country_area"]:
        errors.add("countryArea", _("Vui lòng chọn tỉnh/thành phố."), "required")
    else:
        try:
            province = province_resolve(values["country_area"])
        except ValidationError as exc:
            errors.add("countryArea", exc.messages[0], "invalid")
    if not values["city"]:
        errors.add("city", _("Vui lòng chọn phường/xã."), "required")
    elif province is not None:
        try:
            ward: Ward = ward_resolve(province, values["city"])
        except ValidationError as exc:
            errors.add("city", _ward_error(province, values["city"]) or exc.messages[0], "invalid")
        else:
            values.update(ward=ward, city=ward.name)
    if province is not None:
        values.update(province=province, country_area=province.name)
    if not values["street_address_1"]:
        errors.add("streetAddress1", _("Vui lòng nhập số nhà, tên đường."), "required")
    if not values["phone"]:
        errors.add("phone", _("Vui lòng nhập số điện thoại."), "required")
    else:
        try:
            values["phone"] = phone_normalize_vn(values["phone"])
        except ValidationError as exc:
            errors.add("phone", exc.messages[0], "invalid")
    if values["postal_code"] and not _VN_POSTAL_CODE.match(values["postal_code"]):
        errors.add(
            "postalCode",
            _("Mã bưu chính “%(value)s” không hợp lệ: cần 5 hoặc 6 chữ số."),
            "invalid",
            value=values["postal_code"],
        )


def _ward_error(province: Province, name: str) -> str | None:
    """A clearer message for a ward named after one of another province."""
    elsewhere = (
        Ward.objects.filter(name_folded=fold(name)).exclude(province=province).first()
        if not name.isdigit()
        else None
    )
    if elsewhere is None:
        return None
    return _("Phường/xã “%(ward)s” không thuộc %(province)s.") % {
        "ward": elsewhere.name,
        "province": province.name,
    }


def _clean_foreign(values: dict[str, Any], errors: _Errors) -> None:
    if not values["street_address_1"]:
        errors.add("streetAddress1", _("Vui lòng nhập địa chỉ."), "required")
    if not values["city"]:
        errors.add("city", _("Vui lòng nhập thành phố."), "required")
    if values["phone"]:
        try:
            values["phone"] = phone_clean_foreign(values["phone"])
        except ValidationError as exc:
            errors.add("phone", exc.messages[0], "invalid")


# --- addressValidationRules -------------------------------------------------------------------

_GENERIC_RULES: dict[str, Any] = {
    "address_format": "%N%n%O%n%A%n%C%n%S %Z",
    "address_latin_format": "%N%n%O%n%A%n%C%n%S %Z",
    "allowed_fields": [
        "name",
        "company_name",
        "street_address",
        "city",
        "city_area",
        "country_area",
        "postal_code",
        "sorting_code",
    ],
    "required_fields": ["street_address", "city"],
    "upper_fields": [],
    "country_area_type": "province",
    "country_area_choices": [],
    "city_type": "city",
    "city_choices": [],
    "city_area_type": "suburb",
    "city_area_choices": [],
    "postal_code_type": "postal",
    "postal_code_matchers": [],
    "postal_code_examples": [],
    "postal_code_prefix": "",
}


def _choices(rows: list[Any]) -> list[tuple[str, str]]:
    return [(row.name, row.name) for row in sorted(rows, key=lambda row: fold(row.name))]


def address_validation_rules(
    *, country_code: str, country_area: str | None = None, city: str | None = None
) -> dict[str, Any]:
    """Saleor's ``AddressValidationData`` as a dict (snake-case keys, choices as
    ``(raw, verbose)`` pairs). For Vietnam the provinces are the country-area choices and, when
    ``country_area`` names one (name, code or old name), its wards are the city choices; other
    countries get permissive generic rules without choices."""
    code = country_code_clean(country_code)
    rules = dict(_GENERIC_RULES, country_code=code, country_name=country_name(code).upper())
    if code != VIETNAM:
        return rules
    wards: list[Ward] = []
    if country_area:
        try:
            province = province_resolve(country_area)
        except ValidationError:
            province = None
        if province is not None:
            wards = list(Ward.objects.filter(province=province))
    rules.update(
        address_format="%N%n%O%n%A%n%C%n%S %Z",
        address_latin_format="%N%n%O%n%A%n%C%n%S %Z",
        allowed_fields=[
            "name",
            "company_name",
            "street_address",
            "city",
            "country_area",
            "postal_code",
            "phone",
        ],
        required_fields=["street_address", "city", "country_area", "phone"],
        country_area_type="province",
        country_area_choices=_choices(list(Province.objects.all())),
        city_type="ward",
        city_choices=_choices(wards),
        city_area_type="district",
        postal_code_matchers=[r"^\d{5}\d?$"],
        postal_code_examples=["70010", "55999"],
    )
    return rules
