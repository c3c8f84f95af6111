"""The address book: accountAddressCreate/Update/Delete, accountSetDefaultAddress, me's
addresses, addressValidationRules."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Address
from shop.graphql.ids import global_id

from .conftest import LAM_DONG, XA_LAC_DUONG, address_create_for, vn_address_input

ADDRESS_FIELDS = """
  id firstName lastName companyName streetAddress1 streetAddress2 city cityArea postalCode
  country { code country } countryArea phone isDefaultShippingAddress isDefaultBillingAddress
  metadata { key value }
"""
CREATE = f"""
mutation Create($input: AddressInput!, $type: AddressTypeEnum) {{
  accountAddressCreate(input: $input, type: $type) {{
    address {{ {ADDRESS_FIELDS} }}
    user {{ defaultShippingAddress {{ id }} defaultBillingAddress {{ id }} }}
    errors {{ field code message addressType }}
  }}
}}
"""
UPDATE = f"""
mutation Update($id: ID!, $input: AddressInput!) {{
  accountAddressUpdate(id: $id, input: $input) {{
    address {{ {ADDRESS_FIELDS} }} errors {{ field code message }}
  }}
}}
"""
DELETE = """
mutation Delete($id: ID!) {
  accountAddressDelete(id: $id) {
    address { id } user { addresses { id } defaultShippingAddress { id } }
    errors { field code message }
  }
}
"""
SET_DEFAULT = """
mutation SetDefault($id: ID!, $type: AddressTypeEnum!) {
  accountSetDefaultAddress(id: $id, type: $type) {
    user { defaultShippingAddress { id } defaultBillingAddress { id }
           addresses { id isDefaultShippingAddress isDefaultBillingAddress } }
    errors { field code message }
  }
}
"""
RULES = """
query Rules($countryCode: CountryCode!, $countryArea: String) {
  addressValidationRules(countryCode: $countryCode, countryArea: $countryArea) {
    countryCode countryName addressFormat allowedFields requiredFields upperFields
    countryAreaType countryAreaChoices { raw verbose } cityType cityChoices { raw verbose }
    cityAreaType cityAreaChoices { raw } postalCodeType postalCodeMatchers postalCodeExamples
    postalCodePrefix
  }
}
"""


def _snapshot():
    return list(Address.objects.order_by("pk").values())


# --- accountAddressCreate ---------------------------------------------------------------------


def test_create_a_vietnamese_address_as_default_shipping(gql, user, token):
    result = gql(
        CREATE,
        {
            "input": vn_address_input(
                countryArea="68",
                city="lac duong",
                phone="84 91 234 5678",
                streetAddress2="Thôn Đưng K'Si",
                metadata=[{"key": "note", "value": "gọi trước"}],
            ),
            "type": "SHIPPING",
        },
        token=token,
    )["data"]["accountAddressCreate"]
    assert result["errors"] == []
    address = Address.objects.get()
    assert result["address"] == {
        "id": global_id("Address", address.pk),
        "firstName": "Lan",
        "lastName": "Nguyễn",
        "companyName": "",
        "streetAddress1": "12 Đường Langbiang",
        "streetAddress2": "Thôn Đưng K'Si",
        "city": "Xã Lạc Dương",
        "cityArea": "",
        "postalCode": "",
        "country": {"code": "VN", "country": "Việt Nam"},
        "countryArea": "Lâm Đồng",
        "phone": "+84912345678",
        "isDefaultShippingAddress": None,
        "isDefaultBillingAddress": None,
        "metadata": [{"key": "note", "value": "gọi trước"}],
    }
    assert result["user"] == {
        "defaultShippingAddress": {"id": global_id("Address", address.pk)},
        "defaultBillingAddress": None,
    }
    assert (address.province_id, address.ward_id) == (LAM_DONG, XA_LAC_DUONG)
    assert list(user.addresses.all()) == [address]


def test_country_defaults_to_vietnam(gql, user, token):
    data = vn_address_input()
    del data["country"]
    result = gql(CREATE, {"input": data}, token=token)["data"]["accountAddressCreate"]
    assert result["errors"] == [] and result["address"]["country"]["code"] == "VN"


@pytest.mark.parametrize(
    ("overrides", "field", "message_part"),
    [
        ({"phone": "12345"}, "phone", "không hợp lệ"),
        ({"phone": "+1 555"}, "phone", "không hợp lệ"),
        ({"countryArea": "Tỉnh Không Có"}, "countryArea", "Không tìm thấy tỉnh/thành phố"),
        ({"city": "Xã Không Có"}, "city", "Không tìm thấy phường/xã"),
        ({"city": "Phường Ba Đình"}, "city", "không thuộc Lâm Đồng"),
    ],
)
def test_create_refuses_bad_vietnamese_addresses(gql, user, token, overrides, field, message_part):
    result = gql(CREATE, {"input": vn_address_input(**overrides)}, token=token)["data"][
        "accountAddressCreate"
    ]
    assert result["address"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [(field, "INVALID")]
    assert message_part in result["errors"][0]["message"]
    assert not Address.objects.exists()


def test_missing_required_fields_are_reported(gql, user, token):
    result = gql(CREATE, {"input": {"country": "VN"}}, token=token)["data"]["accountAddressCreate"]
    assert {(e["field"], e["code"]) for e in result["errors"]} == {
        ("countryArea", "REQUIRED"),
        ("city", "REQUIRED"),
        ("streetAddress1", "REQUIRED"),
        ("phone", "REQUIRED"),
    }


def test_address_errors_are_translated_to_english(gql, user, token):
    result = gql(
        CREATE,
        {"input": vn_address_input(city="Phường Ba Đình")},
        token=token,
        HTTP_ACCEPT_LANGUAGE="en",
    )["data"]["accountAddressCreate"]
    assert result["errors"][0]["message"] == "Ward “Phường Ba Đình” is not in Lâm Đồng."


def test_foreign_address_is_stored_as_given(gql, user, token):
    data = {
        "firstName": "Anna",
        "streetAddress1": "Unter den Linden 1",
        "city": "Berlin",
        "postalCode": "10117",
        "country": "DE",
        "phone": "+49 30 1234567",
    }
    result = gql(CREATE, {"input": data}, token=token)["data"]["accountAddressCreate"]
    assert result["errors"] == []
    assert result["address"]["country"] == {"code": "DE", "country": "Germany"}
    assert result["address"]["city"] == "Berlin" and result["address"]["phone"] == "+49301234567"


def test_anonymous_address_mutations_are_permission_denied(gql):
    body = gql(CREATE, {"input": vn_address_input()})
    assert body["data"] == {"accountAddressCreate": None}
    error = body["errors"][0]
    assert error["extensions"]["exception"]["code"] == "PermissionDenied"
    assert "AUTHENTICATED_USER" in error["message"]
    assert not Address.objects.exists()


def test_expired_token_on_a_mutation_says_so(gql, user, settings):
    from accounts import jwt as tokens

    settings.JWT_ACCESS_TTL = -1
    body = gql(CREATE, {"input": vn_address_input()}, token=tokens.access_token_create(user))
    assert body["errors"][0]["extensions"]["exception"]["code"] == "ExpiredSignatureError"


# --- accountAddressUpdate ---------------------------------------------------------------------


def test_update_changes_only_the_given_fields(gql, user, token):
    address = address_create_for(user, postal_code="670000")
    result = gql(
        UPDATE,
        {
            "id": global_id("Address", address.pk),
            "input": {"city": "Phường Lang Biang - Đà Lạt", "phone": "0987654321"},
        },
        token=token,
    )["data"]["accountAddressUpdate"]
    assert result["errors"] == []
    assert result["address"]["city"] == "Phường Lang Biang - Đà Lạt"
    assert result["address"]["phone"] == "+84987654321"
    assert result["address"]["postalCode"] == "670000"
    address.refresh_from_db()
    assert address.ward.name == "Phường Lang Biang - Đà Lạt" and address.province_id == LAM_DONG


def test_update_refuses_invalid_input_and_changes_nothing(gql, user, token):
    address = address_create_for(user)
    before = _snapshot()
    result = gql(
        UPDATE, {"id": global_id("Address", address.pk), "input": {"phone": "12345"}}, token=token
    )["data"]["accountAddressUpdate"]
    assert result["errors"][0]["field"] == "phone"
    assert _snapshot() == before


def test_another_users_address_is_not_found_and_untouched(gql, user, other_user, token):
    theirs = address_create_for(other_user, first_name="Minh")
    other_user.default_shipping_address = theirs
    other_user.save()
    before = _snapshot()
    their_id = global_id("Address", theirs.pk)
    for query, variables in [
        (UPDATE, {"id": their_id, "input": {"firstName": "Hacked"}}),
        (DELETE, {"id": their_id}),
        (SET_DEFAULT, {"id": their_id, "type": "BILLING"}),
    ]:
        payload = next(iter(gql(query, variables, token=token)["data"].values()))
        assert payload["errors"] == [
            {"field": "id", "code": "NOT_FOUND", "message": "Không tìm thấy địa chỉ."}
        ]
    assert _snapshot() == before
    other_user.refresh_from_db()
    user.refresh_from_db()
    assert other_user.default_shipping_address_id == theirs.pk
    assert user.default_billing_address_id is None
    assert list(other_user.addresses.all()) == [theirs]


def test_wrong_type_of_id_is_a_graphql_error(gql, user, token):
    body = gql(DELETE, {"id": global_id("User", user.pk)}, token=token)
    assert body["data"]["accountAddressDelete"] is None
    assert body["errors"][0]["message"] == "Must receive a Address id."


# --- accountAddressDelete / accountSetDefaultAddress ------------------------------------------


def test_delete_removes_the_address_and_clears_the_default(gql, user, token):
    kept = address_create_for(user)
    gone = address_create_for(user, first_name="Hoa")
    user.default_shipping_address = gone
    user.save()
    result = gql(DELETE, {"id": global_id("Address", gone.pk)}, token=token)["data"][
        "accountAddressDelete"
    ]
    assert result == {
        "address": {"id": global_id("Address", gone.pk)},
        "user": {
            "addresses": [{"id": global_id("Address", kept.pk)}],
            "defaultShippingAddress": None,
        },
        "errors": [],
    }
    assert list(Address.objects.all()) == [kept]


def test_set_default_address(gql, user, token):
    first = address_create_for(user)
    second = address_create_for(user, first_name="Hoa")
    result = gql(
        SET_DEFAULT, {"id": global_id("Address", second.pk), "type": "BILLING"}, token=token
    )
    user_data = result["data"]["accountSetDefaultAddress"]["user"]
    assert user_data["defaultBillingAddress"] == {"id": global_id("Address", second.pk)}
    assert user_data["defaultShippingAddress"] is None
    assert user_data["addresses"] == [
        {
            "id": global_id("Address", first.pk),
            "isDefaultShippingAddress": False,
            "isDefaultBillingAddress": False,
        },
        {
            "id": global_id("Address", second.pk),
            "isDefaultShippingAddress": False,
            "isDefaultBillingAddress": True,
        },
    ]


def test_address_copy_is_a_snapshot_outside_the_address_book(user):
    from accounts.services import address_copy

    address = address_create_for(user, metadata={"a": "1"})
    snapshot = address_copy(address)
    assert snapshot.pk != address.pk
    assert (snapshot.city, snapshot.ward_id, snapshot.metadata) == (
        "Xã Lạc Dương",
        24848,
        {"a": "1"},
    )
    assert list(user.addresses.all()) == [address]
    assert not snapshot.user_addresses.exists()


# --- me { addresses } query count ---------------------------------------------------------------

ME_ADDRESSES = f"""
{{ me {{ email addresses {{ {ADDRESS_FIELDS} }}
        defaultShippingAddress {{ id city }} defaultBillingAddress {{ id city }} }} }}
"""


def _count_queries(gql, token):
    with CaptureQueriesContext(connection) as queries:
        body = gql(ME_ADDRESSES, token=token)
    assert "errors" not in body
    return len(queries), body["data"]["me"]


@pytest.mark.parametrize("count", [1, 10])
def test_me_addresses_query_count_does_not_grow_with_addresses(gql, user, token, count):
    addresses = [address_create_for(user, first_name=f"N{i}") for i in range(count)]
    user.default_shipping_address = addresses[-1]
    user.default_billing_address = addresses[0]
    user.save()
    queries, me = _count_queries(gql, token)
    assert len(me["addresses"]) == count
    assert me["defaultShippingAddress"]["id"] == global_id("Address", addresses[-1].pk)
    assert [a["isDefaultShippingAddress"] for a in me["addresses"]][-1] is True
    assert queries <= 2  # the user (token check) and the address book


# --- addressValidationRules -------------------------------------------------------------------


def test_validation_rules_for_vietnam(gql):
    rules = gql(RULES, {"countryCode": "VN"})["data"]["addressValidationRules"]
    assert rules["countryCode"] == "VN"
    assert len(rules["countryAreaChoices"]) == 34
    assert {"raw": "Lâm Đồng", "verbose": "Lâm Đồng"} in rules["countryAreaChoices"]
    assert rules["cityType"] == "ward" and rules["cityChoices"] == []
    assert {"country_area", "city", "street_address", "phone"} <= set(rules["requiredFields"])


@pytest.mark.parametrize("province", ["Lâm Đồng", "68", "lam dong", "Đắk Nông"])
def test_validation_rules_list_the_wards_of_a_province(gql, province):
    rules = gql(RULES, {"countryCode": "VN", "countryArea": province})["data"][
        "addressValidationRules"
    ]
    assert {"raw": "Xã Lạc Dương", "verbose": "Xã Lạc Dương"} in rules["cityChoices"]
    assert {"raw": "Phường Lang Biang - Đà Lạt", "verbose": "Phường Lang Biang - Đà Lạt"} in rules[
        "cityChoices"
    ]
    assert len(rules["cityChoices"]) == 124


def test_validation_rules_for_another_country_are_permissive(gql):
    rules = gql(RULES, {"countryCode": "US"})["data"]["addressValidationRules"]
    assert rules["countryName"] == "UNITED STATES"
    assert rules["countryAreaChoices"] == [] and rules["cityChoices"] == []
    assert rules["requiredFields"] == ["street_address", "city"]


def test_unknown_country_code_is_a_graphql_error(gql):
    body = gql(RULES, {"countryCode": "XX"})
    assert body["_status"] == 400 and "errors" in body
