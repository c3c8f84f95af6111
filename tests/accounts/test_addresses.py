"""Address cleaning: Vietnamese two-level addresses, phones, other countries."""

import pytest
from django.core.exceptions import ValidationError

from accounts.addresses import address_clean, address_validation_rules, phone_normalize_vn
from accounts.models import Address

from .conftest import LAM_DONG, XA_LAC_DUONG

pytestmark = pytest.mark.django_db


def vn(**overrides):
    data = {
        "street_address_1": "12 Đường Langbiang",
        "city": "Xã Lạc Dương",
        "country_area": "Lâm Đồng",
        "phone": "0912345678",
    }
    data.update(overrides)
    return data


def errors_of(data, **kwargs):
    with pytest.raises(ValidationError) as caught:
        address_clean(data, **kwargs)
    return {
        field: [(e.code, e.messages[0]) for e in errs]
        for field, errs in caught.value.error_dict.items()
    }


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0912345678", "+84912345678"),
        ("84 91 234 5678", "+84912345678"),
        ("+84912345678", "+84912345678"),
        ("+84 912 345 678", "+84912345678"),
        ("0912.345.678", "+84912345678"),
        ("0312345678", "+84312345678"),
        ("0587654321", "+84587654321"),
    ],
)
def test_vietnamese_mobile_numbers_are_stored_in_e164(raw, expected):
    assert phone_normalize_vn(raw) == expected


@pytest.mark.parametrize(
    "raw", ["12345", "+1 555", "0212345678", "091234567", "09123456789", "+85512345678", "abc"]
)
def test_other_numbers_are_not_vietnamese_mobiles(raw):
    with pytest.raises(ValidationError) as caught:
        phone_normalize_vn(raw)
    assert caught.value.code == "invalid"


def test_vietnamese_address_is_stored_as_codes_and_official_names():
    values = address_clean(vn(country_area="68", city="lac duong", phone="84 91 234 5678"))
    assert values["country"] == "VN"  # the default when no country is given
    assert values["province"].code == LAM_DONG
    assert values["ward"].code == XA_LAC_DUONG
    assert values["country_area"] == "Lâm Đồng"
    assert values["city"] == "Xã Lạc Dương"
    assert values["phone"] == "+84912345678"
    Address.objects.create(**values)  # the cleaned values fit the model


def test_former_province_name_is_accepted():
    values = address_clean(vn(country_area="Đắk Nông", city="24848"))
    assert values["province"].code == LAM_DONG
    assert values["city"] == "Xã Lạc Dương"


def test_unknown_province_is_an_error_on_country_area():
    errors = errors_of(vn(country_area="Tỉnh Không Có"))
    assert errors["countryArea"][0][0] == "invalid"
    assert "Không tìm thấy tỉnh/thành phố" in errors["countryArea"][0][1]


def test_unknown_ward_is_an_error_on_city():
    errors = errors_of(vn(city="Xã Không Tồn Tại"))
    assert errors == {"city": [("invalid", "Không tìm thấy phường/xã “Xã Không Tồn Tại”.")]}


def test_ward_of_another_province_is_refused():
    # 00004 is Phường Ba Đình, Hà Nội.
    errors = errors_of(vn(city="4"))
    assert errors["city"][0][0] == "invalid"
    assert "không thuộc Lâm Đồng" in errors["city"][0][1]


def test_missing_fields_are_all_reported_at_once():
    errors = errors_of({"country": "VN"})
    assert set(errors) == {"countryArea", "city", "streetAddress1", "phone"}
    assert {codes[0][0] for codes in errors.values()} == {"required"}


@pytest.mark.parametrize("phone", ["12345", "+1 555", "0112345678"])
def test_invalid_vietnamese_phone_is_refused(phone):
    errors = errors_of(vn(phone=phone))
    assert errors["phone"][0][0] == "invalid"
    assert "không hợp lệ" in errors["phone"][0][1]


def test_postal_code_must_be_digits_in_vietnam():
    assert address_clean(vn(postal_code="670000"))["postal_code"] == "670000"
    assert errors_of(vn(postal_code="ABC"))["postalCode"][0][0] == "invalid"


def test_overlong_fields_are_refused():
    errors = errors_of(vn(first_name="x" * 300))
    assert errors["firstName"][0] == ("invalid", "Tối đa 256 ký tự.")


def test_errors_carry_the_address_type():
    with pytest.raises(ValidationError) as caught:
        address_clean(vn(phone="12345"), address_type="shipping")
    assert caught.value.error_dict["phone"][0].params["address_type"] == "shipping"


def test_foreign_address_is_kept_as_given():
    values = address_clean(
        {
            "country": "US",
            "street_address_1": "1600 Amphitheatre Pkwy",
            "city": "Mountain View",
            "country_area": "CA",
            "postal_code": "94043",
            "phone": "+1 650 253 0000",
        }
    )
    assert values["country"] == "US"
    assert values["province"] is None and values["ward"] is None
    assert values["city"] == "Mountain View" and values["country_area"] == "CA"
    assert values["phone"] == "+16502530000"


def test_foreign_address_needs_street_and_city_but_not_phone():
    assert address_clean({"country": "FR", "street_address_1": "1 rue", "city": "Paris"})
    errors = errors_of({"country": "FR", "phone": "+1 555"})
    assert set(errors) == {"streetAddress1", "city", "phone"}


def test_unknown_country_is_refused():
    assert errors_of(vn(country="XX"))["country"][0][0] == "invalid"


def test_validation_rules_for_vietnam_list_provinces_and_wards():
    rules = address_validation_rules(country_code="VN", country_area="Lâm Đồng")
    assert len(rules["country_area_choices"]) == 34
    assert ("Lâm Đồng", "Lâm Đồng") in rules["country_area_choices"]
    assert ("Xã Lạc Dương", "Xã Lạc Dương") in rules["city_choices"]
    assert rules["city_type"] == "ward"
    assert {"city", "country_area", "street_address", "phone"} <= set(rules["required_fields"])


def test_validation_rules_for_another_country_are_generic():
    rules = address_validation_rules(country_code="DE")
    assert rules["country_name"] == "GERMANY"
    assert rules["country_area_choices"] == [] and rules["city_choices"] == []


def test_address_create_without_a_user_is_a_free_standing_snapshot(user):
    from accounts.services import address_create

    address = address_create(user=None, data={**vn(), "metadata": [{"key": "k", "value": "v"}]})
    assert address.pk and address.ward_id == XA_LAC_DUONG and address.metadata == {"k": "v"}
    assert not address.user_addresses.exists()
    with pytest.raises(ValidationError):
        address_create(user=None, data=vn(phone="12345"), address_type="shipping")


def test_address_book_has_a_limit(user, settings):
    from accounts.services import address_create

    settings.ACCOUNT_MAX_ADDRESSES = 1
    address_create(user=user, data=vn())
    with pytest.raises(ValidationError) as caught:
        address_create(user=user, data=vn())
    assert caught.value.code == "invalid"
