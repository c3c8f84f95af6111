"""The checkout over GraphQL: every mutation's success and refusal, Saleor's error shapes,
who may see which checkout, the full buying flow, and the query count of ``checkout(id)``."""

from __future__ import annotations

import base64
import json
import os
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts import jwt as tokens
from accounts.models import User
from catalog import services as catalog_services
from catalog.models import Stock
from orders.models import Checkout, CheckoutLine, Order, Reservation
from shop.graphql.ids import global_id
from shop.graphql.view import NEVER_CACHED_ROOT_FIELDS
from tests.catalog.factories import default_channel, make_product, variant_of

pytestmark = pytest.mark.django_db

ERRORS = "errors { field message code variants lines addressType }"

CHECKOUT_FIELDS = """
fragment CheckoutDetails on Checkout {
  id token email quantity isShippingRequired stockReservationExpires
  authorizeStatus chargeStatus languageCode customerNote
  channel { slug }
  user { email }
  lines {
    id quantity requiresShipping
    variant { id name sku product { name } pricing { price { gross { amount } } } }
    unitPrice { gross { amount currency } net { amount } }
    totalPrice { gross { amount } }
    undiscountedUnitPrice { amount }
    problems { __typename }
  }
  shippingAddress { firstName city countryArea phone country { code } }
  billingAddress { city countryArea addressType: phone }
  shippingMethods {
    id name active message minimumDeliveryDays maximumDeliveryDays
    price { amount currency }
    translation(languageCode: EN) { name }
    deliveryParcels { producer { name } price { amount } chargeableWeight { value unit } }
  }
  availableShippingMethods { id }
  deliveryMethod { __typename ... on ShippingMethod { id name price { amount } } }
  shippingMethod { id }
  delivery { id shippingMethod { id } }
  deliveryParcels {
    producer { id name } price { amount } weight { value unit } chargeableWeight { value }
    isFree
  }
  subtotalPrice { gross { amount } }
  shippingPrice { gross { amount } }
  totalPrice { gross { amount currency } net { amount } tax { amount } }
  totalBalance { amount }
  discount { amount }
  voucherCode giftCards { id } availableCollectionPoints { id } transactions { id }
  displayGrossPrices taxExemption
  availablePaymentGateways { id name currencies config { field value } }
  metadata { key value }
  problems {
    __typename
    ... on CheckoutLineProblemInsufficientStock { availableQuantity line { id } variant { id } }
    ... on CheckoutLineProblemVariantNotAvailable { line { id } }
  }
}
"""

CREATE = (
    CHECKOUT_FIELDS
    + """
mutation Create($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { created checkout { ...CheckoutDetails } %s }
}"""
    % ERRORS
)

QUERY = (
    CHECKOUT_FIELDS
    + """
query Find($id: ID, $token: UUID) { checkout(id: $id, token: $token) { ...CheckoutDetails } }"""
)


def mutation(name: str, args: str, params: str) -> str:
    params = f"({params})" if params else ""
    return (
        CHECKOUT_FIELDS
        + f"""
mutation Change{params} {{
  {name}({args}) {{ checkout {{ ...CheckoutDetails }} {ERRORS} }}
}}"""
    )


LINES_ADD = mutation(
    "checkoutLinesAdd", "id: $id, lines: $lines", "$id: ID!, $lines: [CheckoutLineInput!]!"
)
LINES_UPDATE = mutation(
    "checkoutLinesUpdate", "id: $id, lines: $lines", "$id: ID!, $lines: [CheckoutLineUpdateInput!]!"
)
LINES_DELETE = mutation("checkoutLinesDelete", "id: $id, linesIds: $ids", "$id: ID!, $ids: [ID!]!")
LINE_DELETE = mutation("checkoutLineDelete", "id: $id, lineId: $lineId", "$id: ID!, $lineId: ID")
EMAIL = mutation("checkoutEmailUpdate", "id: $id, email: $email", "$id: ID!, $email: String!")
SHIPPING_ADDRESS = mutation(
    "checkoutShippingAddressUpdate",
    "id: $id, shippingAddress: $address",
    "$id: ID!, $address: AddressInput!",
)
BILLING_ADDRESS = mutation(
    "checkoutBillingAddressUpdate",
    "id: $id, billingAddress: $address",
    "$id: ID!, $address: AddressInput!",
)
DELIVERY = mutation(
    "checkoutDeliveryMethodUpdate",
    "id: $id, deliveryMethodId: $method",
    "$id: ID!, $method: ID",
)
SHIPPING_METHOD = mutation(
    "checkoutShippingMethodUpdate",
    "id: $id, shippingMethodId: $method",
    "$id: ID!, $method: ID!",
)
ATTACH = mutation(
    "checkoutCustomerAttach", "id: $id, customerId: $customer", "$id: ID!, $customer: ID"
)
DETACH = mutation("checkoutCustomerDetach", "id: $id", "$id: ID!")
ADD_PROMO = mutation(
    "checkoutAddPromoCode", "id: $id, promoCode: $code", "$id: ID!, $code: String!"
)
REMOVE_PROMO = mutation(
    "checkoutRemovePromoCode", "id: $id, promoCode: $code", "$id: ID!, $code: String"
)
COMPLETE = (
    """
mutation Complete($id: ID, $token: UUID, $metadata: [MetadataInput!]) {
  checkoutComplete(id: $id, token: $token, metadata: $metadata, paymentData: "{}") {
    order { id number }
    confirmationNeeded confirmationData
    checkoutErrors { code }
    %s
  }
}"""
    % ERRORS
)
COD_INITIALIZE = """
mutation Pay($id: ID!) {
  transactionInitialize(id: $id, paymentGateway: {id: "ocop.payments.cod"}) {
    transaction { id }
    errors { field code message }
  }
}"""
DELIVERY_OPTIONS = """
mutation Options($id: ID!) {
  deliveryOptionsCalculate(id: $id) {
    deliveries { id shippingMethod { id name active price { amount } } }
    errors { field code message }
  }
}"""
UPDATE_METADATA = """
mutation Meta($id: ID!, $input: [MetadataInput!]!) {
  updateMetadata(id: $id, input: $input) {
    item { __typename ... on Checkout { id metadata { key value } metafield(key: "gift") } }
    errors { field code message }
    metadataErrors { code }
  }
}"""

ADDRESS = {
    "firstName": "Nguyễn",
    "lastName": "Văn A",
    "streetAddress1": "12 Đường Lang Biang",
    "city": "Xã Lạc Dương",
    "countryArea": "Lâm Đồng",
    "country": "VN",
    "phone": "0912345678",
}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


# --- Helpers ------------------------------------------------------------------------------------
def vid(variant) -> str:
    return global_id("ProductVariant", variant.pk)


def cid(checkout: Checkout) -> str:
    return global_id("Checkout", checkout.pk)


def lid(line: CheckoutLine) -> str:
    return global_id("CheckoutLine", line.pk)


def buyer(email: str = "lan@example.vn") -> tuple[User, str]:
    user = User.objects.create_user(email=email, password="Ca-phe-Arabica-2025")
    return user, tokens.access_token_create(user)


def create(api, lines, token=None, **fields):
    body = api(CREATE, {"input": {"lines": lines, **fields}}, token=token)
    assert "errors" not in body, body
    return body["data"]["checkoutCreate"]


def new_checkout(api, variants_quantities, token=None, **fields) -> Checkout:
    payload = create(
        api, [{"variantId": vid(v), "quantity": q} for v, q in variants_quantities], token, **fields
    )
    assert payload["errors"] == [], payload["errors"]
    return Checkout.objects.get(pk=decode(payload["checkout"]["id"]))


def decode(global_id_value: str) -> str:
    return base64.b64decode(global_id_value).decode().split(":", 1)[1]


def run(api, document, token=None, **variables):
    body = api(document, variables, token=token)
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


def pay_cod(api, checkout_id: str, token=None) -> dict:
    """transactionInitialize with cash on delivery: authorises what is still owed."""
    return run(api, COD_INITIALIZE, token, id=checkout_id)


def ready(api, shipping, variants_quantities, token=None, *, pay=True) -> Checkout:
    """A checkout with email, address and delivery; ``pay``: with a COD transaction too, so
    checkoutComplete accepts it."""
    checkout = new_checkout(api, variants_quantities, token, email="lan@example.vn")
    assert run(api, SHIPPING_ADDRESS, token, id=cid(checkout), address=ADDRESS)["errors"] == []
    method = global_id("ShippingMethod", shipping["tieu-chuan"].pk)
    assert run(api, DELIVERY, token, id=cid(checkout), method=method)["errors"] == []
    if pay:
        assert pay_cod(api, cid(checkout), token)["errors"] == []
    checkout.refresh_from_db()
    return checkout


def snapshot(checkout: Checkout) -> tuple:
    """What a refused mutation must leave untouched."""
    checkout.refresh_from_db()
    lines = sorted((line.variant_id, line.quantity) for line in checkout.lines.all())
    return (
        checkout.email,
        checkout.user_id,
        checkout.shipping_address_id,
        checkout.billing_address_id,
        checkout.shipping_method_id,
        tuple(lines),
        Reservation.objects.filter(checkout_line__checkout=checkout).count(),
        json.dumps(checkout.metadata, sort_keys=True),
    )


def codes(payload) -> list[tuple]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


# --- checkoutCreate -----------------------------------------------------------------------------
def test_create_without_channel_uses_the_only_channel_and_prices_lines(api, settings):
    a = variant_of(make_product("Cà phê Arabica Cầu Đất", prices=(150000,)))
    b = variant_of(make_product(prices=(90000,), tax_rate=8))
    payload = create(
        api,
        [{"variantId": vid(a), "quantity": 2}, {"variantId": vid(b), "quantity": 1}],
        email="Lan@Example.VN",
        languageCode="EN_US",
    )
    assert payload["errors"] == [] and payload["created"] is True
    data = payload["checkout"]
    token = Checkout.objects.get().pk
    assert data["id"] == global_id("Checkout", token) and data["token"] == str(token)
    assert data["channel"]["slug"] == "default-channel" and data["languageCode"] == "EN_US"
    assert data["email"] == "lan@example.vn" and data["quantity"] == 3
    assert [line["quantity"] for line in data["lines"]] == [2, 1]
    first, second = data["lines"]
    assert first["id"].startswith(base64.b64encode(b"CheckoutLine:").decode()[:12])
    assert first["variant"]["product"]["name"] == "Cà phê Arabica Cầu Đất"
    assert first["totalPrice"]["gross"]["amount"] == 300000
    assert first["unitPrice"]["gross"] == {"amount": 150000, "currency": "VND"}
    assert second["unitPrice"]["net"]["amount"] == 83333  # 90 000 incl. 8 % VAT
    assert data["subtotalPrice"]["gross"]["amount"] == 390000
    assert data["shippingPrice"]["gross"]["amount"] == 0
    assert data["totalPrice"]["gross"]["amount"] == 390000
    assert data["totalBalance"]["amount"] == -390000
    assert data["shippingMethods"] == [] and data["deliveryMethod"] is None
    assert data["stockReservationExpires"] is None and data["problems"] == []
    assert data["authorizeStatus"] == "NONE" and data["chargeStatus"] == "NONE"
    assert data["availablePaymentGateways"] == [
        {
            "id": "ocop.payments.cod",
            "name": "Thanh toán khi nhận hàng (COD)",
            "currencies": ["VND"],
            # the cash-on-delivery cap, so a storefront can explain a refusal up front
            "config": [{"field": "maxTotal", "value": str(settings.COD_MAX_ORDER_TOTAL)}],
        }
    ]
    assert data["giftCards"] == [] and data["voucherCode"] is None
    assert data["discount"] == {"amount": 0} and data["transactions"] == []
    assert data["displayGrossPrices"] is True and data["user"] is None


def test_create_with_an_unknown_channel_is_not_found(api):
    variant = variant_of(make_product())
    payload = create(api, [{"variantId": vid(variant), "quantity": 1}], channel="khong-co")
    assert codes(payload) == [("channel", "NOT_FOUND")] and payload["checkout"] is None
    assert Checkout.objects.count() == 0


def test_create_by_a_signed_in_buyer_is_theirs(api):
    user, token = buyer()
    variant = variant_of(make_product())
    checkout = new_checkout(api, [(variant, 1)], token)
    assert checkout.user == user and checkout.email == user.email


def test_create_with_an_address_validates_it_and_holds_stock(api, shipping):
    _user, token = buyer()
    variant = variant_of(make_product())
    payload = create(
        api,
        [{"variantId": vid(variant), "quantity": 1}],
        token,
        shippingAddress=ADDRESS,
        billingAddress={**ADDRESS, "phone": "12"},
    )
    assert codes(payload) == [("phone", "INVALID")]
    assert payload["errors"][0]["addressType"] == "BILLING"
    assert Checkout.objects.count() == 0
    payload = create(
        api, [{"variantId": vid(variant), "quantity": 1}], token, shippingAddress=ADDRESS
    )
    assert payload["errors"] == []
    assert payload["checkout"]["shippingAddress"]["phone"] == "+84912345678"
    assert payload["checkout"]["stockReservationExpires"] is not None


@pytest.mark.parametrize(
    ("quantity", "stock", "code"),
    [
        (0, 10, "ZERO_QUANTITY"),
        (-1, 10, "ZERO_QUANTITY"),
        (51, 100, "QUANTITY_GREATER_THAN_LIMIT"),
        (11, 10, "INSUFFICIENT_STOCK"),
    ],
)
def test_create_refuses_bad_quantities(api, quantity, stock, code):
    variant = variant_of(make_product(stock=stock))
    payload = create(api, [{"variantId": vid(variant), "quantity": quantity}])
    assert codes(payload) == [("quantity", code)]
    assert payload["errors"][0]["variants"] == [vid(variant)]
    assert Checkout.objects.count() == 0


@pytest.mark.parametrize(
    "product_fields",
    [{"published": False}, {"stars": None}, {"certificate_status": "pending"}],
    ids=["unpublished", "uncertified", "certificate-pending"],
)
def test_create_refuses_variants_not_for_sale(api, product_fields):
    variant = variant_of(make_product(**product_fields))
    payload = create(api, [{"variantId": vid(variant), "quantity": 1}])
    assert codes(payload) == [("lines", "UNAVAILABLE_VARIANT_IN_CHANNEL")]
    assert payload["errors"][0]["variants"] == [vid(variant)]
    assert Checkout.objects.count() == 0


def test_create_with_a_malformed_variant_id_is_a_graphql_error(api):
    body = api(CREATE, {"input": {"lines": [{"variantId": "rác", "quantity": 1}]}})
    assert body["data"]["checkoutCreate"] is None
    assert "Couldn't resolve id" in body["errors"][0]["message"]
    product_id = global_id("Product", make_product().pk)
    body = api(CREATE, {"input": {"lines": [{"variantId": product_id, "quantity": 1}]}})
    assert body["errors"][0]["message"] == "Must receive a ProductVariant id."
    assert Checkout.objects.count() == 0


def test_create_refuses_a_price_override(api):
    variant = variant_of(make_product())
    line = {"variantId": vid(variant), "quantity": 1, "price": "1000"}
    body = api(CREATE, {"input": {"lines": [line]}})
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert Checkout.objects.count() == 0


# --- Lines ---------------------------------------------------------------------------------------
def test_lines_add_adds_to_the_existing_line(api):
    a, b = variant_of(make_product()), variant_of(make_product())
    checkout = new_checkout(api, [(a, 1)])
    payload = run(
        api,
        LINES_ADD,
        id=cid(checkout),
        lines=[{"variantId": vid(a), "quantity": 2}, {"variantId": vid(b), "quantity": 1}],
    )
    assert payload["errors"] == []
    assert [(x["variant"]["id"], x["quantity"]) for x in payload["checkout"]["lines"]] == [
        (vid(a), 3),
        (vid(b), 1),
    ]


@pytest.mark.parametrize(
    ("quantity", "code"),
    [(0, "ZERO_QUANTITY"), (-2, "ZERO_QUANTITY"), (50, "QUANTITY_GREATER_THAN_LIMIT")],
)
def test_lines_add_refusals_change_nothing(api, quantity, code):
    variant = variant_of(make_product(stock=100))
    checkout = new_checkout(api, [(variant, 1)])
    before = snapshot(checkout)
    payload = run(
        api, LINES_ADD, id=cid(checkout), lines=[{"variantId": vid(variant), "quantity": quantity}]
    )
    assert codes(payload) == [("quantity", code)] and payload["checkout"] is None
    assert payload["errors"][0]["variants"] == [vid(variant)]
    assert snapshot(checkout) == before


def test_lines_add_beyond_stock_names_the_variant(api):
    plenty, scarce = variant_of(make_product()), variant_of(make_product(stock=3))
    checkout = new_checkout(api, [(scarce, 2)])
    before = snapshot(checkout)
    payload = run(
        api,
        LINES_ADD,
        id=cid(checkout),
        lines=[
            {"variantId": vid(plenty), "quantity": 1},
            {"variantId": vid(scarce), "quantity": 2},
        ],
    )
    assert codes(payload) == [("quantity", "INSUFFICIENT_STOCK")]
    assert payload["errors"][0]["variants"] == [vid(scarce)]
    assert "3" in payload["errors"][0]["message"]
    assert snapshot(checkout) == before


def test_lines_add_refuses_an_unpublished_variant(api):
    ok = variant_of(make_product())
    hidden = make_product()
    checkout = new_checkout(api, [(ok, 1)])
    catalog_services.product_publish(product=hidden, channel=default_channel(), is_published=False)
    payload = run(
        api,
        LINES_ADD,
        id=cid(checkout),
        lines=[{"variantId": vid(variant_of(hidden)), "quantity": 1}],
    )
    assert codes(payload) == [("lines", "UNAVAILABLE_VARIANT_IN_CHANNEL")]
    assert checkout.lines.count() == 1


def test_lines_update_replaces_quantities_and_zero_deletes(api):
    a, b = variant_of(make_product()), variant_of(make_product())
    checkout = new_checkout(api, [(a, 1), (b, 4)])
    line_a = checkout.lines.get(variant=a)
    payload = run(
        api,
        LINES_UPDATE,
        id=cid(checkout),
        lines=[{"lineId": lid(line_a), "quantity": 5}, {"variantId": vid(b), "quantity": 0}],
    )
    assert payload["errors"] == []
    assert [(x["id"], x["quantity"]) for x in payload["checkout"]["lines"]] == [(lid(line_a), 5)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ({"quantity": -1}, [("quantity", "ZERO_QUANTITY")]),
        ({"quantity": 11}, [("quantity", "INSUFFICIENT_STOCK")]),
        ({"quantity": 51}, [("quantity", "QUANTITY_GREATER_THAN_LIMIT")]),
        ({}, [("quantity", "REQUIRED")]),
    ],
)
def test_lines_update_refusals_change_nothing(api, line, expected):
    variant = variant_of(make_product())
    checkout = new_checkout(api, [(variant, 2)])
    before = snapshot(checkout)
    line = {"lineId": lid(checkout.lines.get()), **line}
    payload = run(api, LINES_UPDATE, id=cid(checkout), lines=[line])
    assert codes(payload) == expected
    assert snapshot(checkout) == before


def test_lines_update_needs_a_line_or_a_variant(api):
    checkout = new_checkout(api, [(variant_of(make_product()), 2)])
    payload = run(api, LINES_UPDATE, id=cid(checkout), lines=[{"quantity": 1}])
    assert codes(payload) == [("lineId", "GRAPHQL_ERROR")]


def test_lines_update_of_an_unknown_line_is_not_found(api):
    checkout = new_checkout(api, [(variant_of(make_product()), 2)])
    unknown = global_id("CheckoutLine", uuid.uuid4())
    payload = run(api, LINES_UPDATE, id=cid(checkout), lines=[{"lineId": unknown, "quantity": 1}])
    assert codes(payload) == [("lineId", "NOT_FOUND")] and payload["errors"][0]["lines"] == [
        unknown
    ]


def test_lines_delete_and_the_deprecated_line_delete(api):
    a, b, c = (variant_of(make_product()) for _ in range(3))
    checkout = new_checkout(api, [(a, 1), (b, 1), (c, 1)])
    line_a, line_b, line_c = (checkout.lines.get(variant=v) for v in (a, b, c))
    payload = run(api, LINES_DELETE, id=cid(checkout), ids=[lid(line_a), lid(line_b)])
    assert payload["errors"] == []
    assert [x["id"] for x in payload["checkout"]["lines"]] == [lid(line_c)]
    payload = run(api, LINE_DELETE, id=cid(checkout), lineId=lid(line_c))
    assert payload["errors"] == [] and payload["checkout"]["lines"] == []


def test_lines_delete_of_an_unknown_line_changes_nothing(api):
    checkout = new_checkout(api, [(variant_of(make_product()), 1)])
    before = snapshot(checkout)
    unknown = global_id("CheckoutLine", uuid.uuid4())
    payload = run(api, LINES_DELETE, id=cid(checkout), ids=[lid(checkout.lines.get()), unknown])
    assert codes(payload) == [("lineId", "NOT_FOUND")] and payload["errors"][0]["lines"] == [
        unknown
    ]
    assert snapshot(checkout) == before
    body = api(LINES_DELETE, {"id": cid(checkout), "ids": ["không-phải-id"]})
    assert "Couldn't resolve id" in body["errors"][0]["message"]
    payload = run(api, LINE_DELETE, id=cid(checkout), lineId=None)
    assert codes(payload) == [("lineId", "REQUIRED")]


# --- Email, addresses ----------------------------------------------------------------------------
def test_email_update(api):
    checkout = new_checkout(api, [(variant_of(make_product()), 1)])
    payload = run(api, EMAIL, id=cid(checkout), email=" Mua@Example.vn ")
    assert payload["errors"] == [] and payload["checkout"]["email"] == "mua@example.vn"


@pytest.mark.parametrize(("email", "code"), [("không-phải-email", "INVALID"), ("  ", "REQUIRED")])
def test_email_update_refuses_a_malformed_email(api, email, code):
    checkout = new_checkout(api, [(variant_of(make_product()), 1)], email="cu@example.vn")
    before = snapshot(checkout)
    payload = run(api, EMAIL, id=cid(checkout), email=email)
    assert codes(payload) == [("email", code)] and payload["checkout"] is None
    assert snapshot(checkout) == before


def test_shipping_address_is_normalised_and_holds_stock(api, shipping):
    _user, token = buyer()
    checkout = new_checkout(api, [(variant_of(make_product()), 2)], token)
    assert run(api, QUERY, token, id=cid(checkout))["stockReservationExpires"] is None
    payload = run(api, SHIPPING_ADDRESS, token, id=cid(checkout), address=ADDRESS)
    assert payload["errors"] == []
    data = payload["checkout"]
    assert data["shippingAddress"] == {
        "firstName": "Nguyễn",
        "city": "Xã Lạc Dương",
        "countryArea": "Lâm Đồng",
        "phone": "+84912345678",
        "country": {"code": "VN"},
    }
    assert data["stockReservationExpires"] is not None
    assert Reservation.objects.get().quantity == 2
    assert [m["name"] for m in data["shippingMethods"]] == ["Tiêu chuẩn", "Nhanh"]


def test_a_hold_beyond_the_free_units_is_refused_with_units_left_and_changes_nothing(api, shipping):
    variant = variant_of(make_product(stock=3))
    _late_user, late_token = buyer("muon@example.vn")
    late = new_checkout(api, [(variant, 2)], late_token)  # 2 wanted while 3 are free
    _user, token = buyer()
    ready(api, shipping, [(variant, 2)], token, pay=False)  # then someone holds 2
    before = snapshot(late)
    payload = run(api, SHIPPING_ADDRESS, late_token, id=cid(late), address=ADDRESS)
    assert payload["errors"] == [
        {
            "field": "quantity",
            "code": "INSUFFICIENT_STOCK",
            "message": "Không đủ hàng: chỉ còn 1 sản phẩm.",
            "variants": [vid(variant)],
            "lines": None,
            "addressType": None,
        }
    ]
    assert payload["checkout"] is None and snapshot(late) == before


def test_an_anonymous_cart_holds_nothing_so_a_buyer_still_gets_the_units(api, shipping):
    variant = variant_of(make_product(stock=3))
    squatter = new_checkout(api, [(variant, 3)])
    for _ in range(3):  # setting the address again does not renew a hold either
        payload = run(api, SHIPPING_ADDRESS, id=cid(squatter), address=ADDRESS)
        assert payload["errors"] == [] and payload["checkout"]["stockReservationExpires"] is None
    assert not Reservation.objects.exists()
    _user, token = buyer()
    checkout = ready(api, shipping, [(variant, 3)], token)
    assert run(api, COMPLETE, token, id=cid(checkout))["errors"] == []


HOLDING_STEPS = (
    "mutation($id: ID!, $address: AddressInput!) { checkoutShippingAddressUpdate(id: $id, "
    "shippingAddress: $address) { checkout { id } errors { code } } }",
    "mutation($id: ID!, $method: ID) { checkoutDeliveryMethodUpdate(id: $id, "
    "deliveryMethodId: $method) { checkout { id } errors { code } } }",
)


def test_holding_mutations_take_the_same_queries_for_one_line_or_four(api, shipping):
    method = global_id("ShippingMethod", shipping["tieu-chuan"].pk)
    counts = []
    for size in (1, 4):
        _user, token = buyer(f"mua{size}@example.vn")  # no other held cart to release
        checkout = new_checkout(
            api, [(variant_of(make_product()), 1) for _ in range(size)], token, email="a@b.vn"
        )
        for document, variables in zip(
            HOLDING_STEPS, ({"address": ADDRESS}, {"method": method}), strict=True
        ):
            with CaptureQueriesContext(connection) as queries:
                body = api(document, {"id": cid(checkout), **variables}, token=token)
            assert next(iter(body["data"].values()))["errors"] == [], body
            counts.append(len(queries))
        assert Reservation.objects.filter(checkout_line__checkout=checkout).count() == size
    print(f"address, delivery SQL queries: 1 line → {counts[:2]}, 4 lines → {counts[2:]}")
    assert counts[:2] == counts[2:]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"phone": "12345"}, "phone"),
        ({"countryArea": "Tỉnh Không Có"}, "countryArea"),
        ({"city": "Xã Không Có"}, "city"),
        ({"city": "Phường Hoàn Kiếm"}, "city"),  # a ward of Hà Nội, not of Lâm Đồng
    ],
    ids=["invalid-phone", "unknown-province", "unknown-ward", "ward-of-another-province"],
)
def test_shipping_address_refusals_change_nothing(api, shipping, change, field):
    checkout = new_checkout(api, [(variant_of(make_product()), 1)])
    run(api, SHIPPING_ADDRESS, id=cid(checkout), address={**ADDRESS, "city": "Xã Lạc Dương"})
    before = snapshot(checkout)
    payload = run(api, SHIPPING_ADDRESS, id=cid(checkout), address={**ADDRESS, **change})
    assert codes(payload) == [(field, "INVALID")]
    assert payload["errors"][0]["addressType"] == "SHIPPING"
    assert snapshot(checkout) == before


def test_shipping_address_of_an_empty_checkout_is_refused(api):
    payload = create(api, [])
    checkout_id = payload["checkout"]["id"]
    payload = run(api, SHIPPING_ADDRESS, id=checkout_id, address=ADDRESS)
    assert codes(payload) == [("lines", "NO_LINES")]


def test_billing_address(api):
    checkout = new_checkout(api, [(variant_of(make_product()), 1)])
    payload = run(api, BILLING_ADDRESS, id=cid(checkout), address={**ADDRESS, "city": "Xã Hà"})
    assert codes(payload) == [("city", "INVALID")]
    assert payload["errors"][0]["addressType"] == "BILLING"
    payload = run(api, BILLING_ADDRESS, id=cid(checkout), address=ADDRESS)
    assert payload["errors"] == []
    assert payload["checkout"]["billingAddress"]["countryArea"] == "Lâm Đồng"
    assert payload["checkout"]["stockReservationExpires"] is None


# --- Delivery ------------------------------------------------------------------------------------
def test_shipping_methods_price_each_producers_parcel(api, shipping):
    a = variant_of(make_product("Cà phê", prices=(100000,)))
    b = variant_of(make_product("Atiso", prices=(80000,)))
    checkout = new_checkout(api, [(a, 1), (b, 1)])
    data = run(api, SHIPPING_ADDRESS, id=cid(checkout), address=ADDRESS)["checkout"]
    standard, express = data["shippingMethods"]
    assert standard["id"] == global_id("ShippingMethod", shipping["tieu-chuan"].pk)
    assert (standard["active"], standard["message"]) == (True, None)
    assert standard["translation"] == {"name": "Standard"}
    # Same province (both producers are in Lâm Đồng): 20 000 ₫ standard, 32 000 ₫ express each.
    assert [p["price"]["amount"] for p in standard["deliveryParcels"]] == [20000, 20000]
    assert [p["price"]["amount"] for p in express["deliveryParcels"]] == [32000, 32000]
    assert standard["price"] == {"amount": 40000, "currency": "VND"}
    assert express["price"]["amount"] == 64000
    assert standard["deliveryParcels"][0]["chargeableWeight"] == {"value": 300.0, "unit": "G"}
    assert (standard["minimumDeliveryDays"], standard["maximumDeliveryDays"]) == (2, 3)
    assert data["deliveryParcels"] == [] and data["deliveryMethod"] is None

    payload = run(api, DELIVERY, id=cid(checkout), method=express["id"])
    assert payload["errors"] == []
    data = payload["checkout"]
    assert data["deliveryMethod"] == {
        "__typename": "ShippingMethod",
        "id": express["id"],
        "name": "Nhanh",
        "price": {"amount": 64000},
    }
    assert data["shippingMethod"] == {"id": express["id"]}
    assert data["delivery"]["shippingMethod"] == {"id": express["id"]}
    assert data["shippingPrice"]["gross"]["amount"] == 64000
    assert data["totalPrice"]["gross"]["amount"] == 180000 + 64000
    assert sorted(p["producer"]["name"] for p in data["deliveryParcels"]) == sorted(
        [a.product.producer.name, b.product.producer.name]
    )
    assert data["deliveryParcels"][0]["weight"] == {"value": 300.0, "unit": "G"}

    options = run(api, DELIVERY_OPTIONS, id=cid(checkout))
    assert options["errors"] == []
    assert [d["shippingMethod"]["price"]["amount"] for d in options["deliveries"]] == [
        40000,
        64000,
    ]
    # A CheckoutDelivery ID (Saleor 3.23) selects its method too; null clears the choice.
    payload = run(api, DELIVERY, id=cid(checkout), method=options["deliveries"][0]["id"])
    assert payload["checkout"]["deliveryMethod"]["id"] == standard["id"]
    payload = run(api, DELIVERY, id=cid(checkout), method=None)
    assert payload["errors"] == [] and payload["checkout"]["deliveryMethod"] is None
    payload = run(api, SHIPPING_METHOD, id=cid(checkout), method=standard["id"])
    assert payload["errors"] == [] and payload["checkout"]["shippingMethod"]["id"] == standard["id"]


def test_unavailable_methods_are_listed_inactive_with_the_reason(api, shipping):
    product = make_product("Dâu tây Đà Lạt")
    variant = variant_of(product)
    variant.is_perishable = True
    variant.save(update_fields=["is_perishable"])
    checkout = new_checkout(api, [(variant, 1)])
    data = run(api, SHIPPING_ADDRESS, id=cid(checkout), address=ADDRESS)["checkout"]
    standard, express = data["shippingMethods"]
    assert standard["active"] is False and "tươi" in standard["message"]
    assert standard["price"]["amount"] == 0 and standard["deliveryParcels"] == []
    assert express["active"] is True
    assert [m["id"] for m in data["availableShippingMethods"]] == [express["id"]]
    before = snapshot(checkout)
    payload = run(api, DELIVERY, id=cid(checkout), method=standard["id"])
    assert codes(payload) == [("deliveryMethodId", "DELIVERY_METHOD_NOT_APPLICABLE")]
    assert snapshot(checkout) == before


def test_delivery_method_refusals(api, shipping):
    checkout = new_checkout(api, [(variant_of(make_product()), 1)])
    method = global_id("ShippingMethod", shipping["tieu-chuan"].pk)
    payload = run(api, DELIVERY, id=cid(checkout), method=method)
    assert codes(payload) == [("deliveryMethodId", "SHIPPING_ADDRESS_NOT_SET")]
    run(api, SHIPPING_ADDRESS, id=cid(checkout), address=ADDRESS)
    before = snapshot(checkout)
    payload = run(api, DELIVERY, id=cid(checkout), method=global_id("ShippingMethod", 999999))
    assert codes(payload) == [("deliveryMethodId", "NOT_FOUND")]
    warehouse = global_id("Warehouse", 1)
    payload = run(api, DELIVERY, id=cid(checkout), method=warehouse)
    assert codes(payload) == [("deliveryMethodId", "DELIVERY_METHOD_NOT_APPLICABLE")]
    assert snapshot(checkout) == before
    body = api(DELIVERY, {"id": cid(checkout), "method": "!!"})
    assert "Couldn't resolve id" in body["errors"][0]["message"]
    body = api(DELIVERY, {"id": cid(checkout), "method": global_id("Product", 1)})
    assert "Must receive a ShippingMethod or Warehouse id" in body["errors"][0]["message"]
    assert snapshot(checkout) == before


def test_delivery_options_calculate_of_an_unknown_checkout(api):
    payload = run(api, DELIVERY_OPTIONS, id=global_id("Checkout", uuid.uuid4()))
    assert payload == {
        "deliveries": [],
        "errors": [
            {"field": "id", "code": "NOT_FOUND", "message": payload["errors"][0]["message"]}
        ],
    }


def test_a_line_change_that_makes_the_method_impossible_drops_it(api, shipping):
    light = variant_of(make_product())
    checkout = ready(api, shipping, [(light, 1)])
    assert checkout.shipping_method_id is not None
    fresh = variant_of(make_product())
    fresh.is_perishable = True
    fresh.save(update_fields=["is_perishable"])
    payload = run(
        api, LINES_ADD, id=cid(checkout), lines=[{"variantId": vid(fresh), "quantity": 1}]
    )
    assert payload["errors"] == [] and payload["checkout"]["deliveryMethod"] is None


# --- Customer -----------------------------------------------------------------------------------
def test_customer_attach_and_detach(api):
    user, token = buyer()
    checkout = new_checkout(api, [(variant_of(make_product()), 1)], email="khach@example.vn")
    body = api(ATTACH, {"id": cid(checkout)})
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert snapshot(checkout)[1] is None
    payload = run(api, ATTACH, token, id=cid(checkout), customer=global_id("User", user.pk))
    assert payload["errors"] == []
    assert payload["checkout"]["user"] == {"email": user.email}
    assert payload["checkout"]["email"] == user.email
    # Now the checkout is theirs: invisible to anyone else.
    assert run(api, QUERY, id=cid(checkout)) is None
    _other, other_token = buyer("other@example.vn")
    assert run(api, QUERY, other_token, id=cid(checkout)) is None
    payload = run(api, DETACH, token, id=cid(checkout))
    assert payload["errors"] == [] and payload["checkout"]["user"] is None
    assert run(api, QUERY, id=cid(checkout))["id"] == cid(checkout)


def test_customer_attach_of_someone_else_is_refused(api):
    _user, token = buyer()
    other, _other_token = buyer("other@example.vn")
    checkout = new_checkout(api, [(variant_of(make_product()), 1)])
    body = api(ATTACH, {"id": cid(checkout), "customer": global_id("User", other.pk)}, token=token)
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert snapshot(checkout)[1] is None
    assert (
        api(DETACH, {"id": cid(checkout)})["errors"][0]["extensions"]["exception"]["code"]
        == "PermissionDenied"
    )


# --- Visibility ---------------------------------------------------------------------------------
def test_checkout_query_visibility(api):
    user, token = buyer()
    _other, other_token = buyer("other@example.vn")
    mine = new_checkout(api, [(variant_of(make_product()), 1)], token)
    anonymous = new_checkout(api, [(variant_of(make_product()), 1)])
    assert run(api, QUERY, token, id=cid(mine))["user"] == {"email": user.email}
    assert run(api, QUERY, other_token, id=cid(mine)) is None
    assert run(api, QUERY, id=cid(mine)) is None
    assert run(api, QUERY, other_token, id=cid(anonymous))["id"] == cid(anonymous)
    by_token = api(QUERY, {"token": str(anonymous.pk)})  # the deprecated argument
    assert by_token["data"]["checkout"]["id"] == cid(anonymous)
    assert run(api, QUERY, id=global_id("Checkout", uuid.uuid4())) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("không-phải-id", "Couldn't resolve id"),
        (global_id("Checkout", "123"), "Couldn't resolve id"),
        (global_id("Product", 1), "Must receive a Checkout id."),
    ],
)
def test_malformed_checkout_ids_are_graphql_errors(api, value, message):
    body = api(QUERY, {"id": value})
    assert body["data"]["checkout"] is None and message in body["errors"][0]["message"]
    body = api(EMAIL, {"id": value, "email": "a@example.vn"})
    assert body["data"]["checkoutEmailUpdate"] is None
    assert message in body["errors"][0]["message"]


@pytest.mark.parametrize(
    ("document", "variables"),
    [
        (EMAIL, {"email": "ke-gian@example.vn"}),
        (LINES_ADD, {"lines": []}),
        (SHIPPING_ADDRESS, {"address": ADDRESS}),
        (BILLING_ADDRESS, {"address": ADDRESS}),
        (DELIVERY, {"method": None}),
        (DETACH, {}),
        (ADD_PROMO, {"code": "GIAM10"}),
        (REMOVE_PROMO, {"code": "GIAM10"}),
    ],
)
def test_another_users_checkout_is_not_found_and_unchanged(api, shipping, document, variables):
    _user, token = buyer()
    _other, other_token = buyer("other@example.vn")
    checkout = ready(api, shipping, [(variant_of(make_product()), 1)], token)
    before = snapshot(checkout)
    payload = run(api, document, other_token, id=cid(checkout), **variables)
    assert codes(payload) == [("id", "NOT_FOUND")] and payload["checkout"] is None
    assert snapshot(checkout) == before
    payload = run(api, COMPLETE, other_token, id=cid(checkout))
    assert codes(payload) == [("id", "NOT_FOUND")] and payload["order"] is None
    payload = run(
        api, UPDATE_METADATA, other_token, id=cid(checkout), input=[{"key": "k", "value": "v"}]
    )
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("id", "NOT_FOUND")]
    assert snapshot(checkout) == before and Order.objects.count() == 0


def test_a_mutation_needs_an_id(api):
    payload = run(api, mutation("checkoutEmailUpdate", 'email: "a@example.vn"', ""))
    assert codes(payload) == [("id", "GRAPHQL_ERROR")]


def test_checkout_reads_are_never_cached(api):
    assert "checkout" in NEVER_CACHED_ROOT_FIELDS
    checkout = new_checkout(api, [(variant_of(make_product()), 1)])
    client = Client()
    body = json.dumps({"query": QUERY, "variables": {"id": cid(checkout)}})
    response = client.post("/graphql/", body, content_type="application/json")
    assert response["X-Cache"] == "BYPASS"


# --- Promo codes, metadata ------------------------------------------------------------------------
def test_promo_codes_are_not_supported_yet(api):
    checkout = new_checkout(api, [(variant_of(make_product()), 1)])
    payload = run(api, ADD_PROMO, id=cid(checkout), code="GIAM10")
    assert codes(payload) == [("promoCode", "INVALID")]
    assert payload["errors"][0]["message"] == "Mã giảm giá chưa được hỗ trợ."
    payload = run(api, REMOVE_PROMO, id=cid(checkout), code="GIAM10")
    assert payload["errors"] == [] and payload["checkout"]["voucherCode"] is None


def test_update_metadata_of_a_checkout(api):
    checkout = new_checkout(api, [(variant_of(make_product()), 1)])
    payload = run(api, UPDATE_METADATA, id=cid(checkout), input=[{"key": "gift", "value": "yes"}])
    assert payload["errors"] == [] and payload["metadataErrors"] == []
    assert payload["item"] == {
        "__typename": "Checkout",
        "id": cid(checkout),
        "metadata": [{"key": "gift", "value": "yes"}],
        "metafield": "yes",
    }
    payload = run(api, UPDATE_METADATA, id=str(checkout.pk), input=[{"key": "note", "value": "1"}])
    assert [m["key"] for m in payload["item"]["metadata"]] == ["gift", "note"]
    payload = run(api, UPDATE_METADATA, id=cid(checkout), input=[{"key": " ", "value": "x"}])
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("input", "REQUIRED")]
    body = api(UPDATE_METADATA, {"id": global_id("Product", 1), "input": []})
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    checkout.refresh_from_db()
    assert checkout.metadata == {"gift": "yes", "note": "1"}


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([{"key": "k" * 257, "value": "v"}], "Khóa metadata dài tối đa 256 ký tự."),
        ([{"key": "note", "value": "v" * 2001}], "Giá trị metadata dài tối đa 2000 ký tự."),
        ([{"key": f"k{n}", "value": "v"} for n in range(50)], "Metadata có tối đa 50 khóa."),
        (
            [{"key": f"k{n}", "value": "ễ" * 700} for n in range(4)],
            "Metadata dài tối đa 8192 byte.",
        ),
    ],
    ids=["long-key", "long-value", "too-many-keys", "too-many-bytes"],
)
def test_update_metadata_beyond_the_limits_is_refused_and_stores_nothing(api, items, message):
    checkout = new_checkout(api, [(variant_of(make_product()), 1)])
    run(api, UPDATE_METADATA, id=cid(checkout), input=[{"key": "gift", "value": "yes"}])
    before = snapshot(checkout)
    payload = run(api, UPDATE_METADATA, id=cid(checkout), input=items)
    assert payload["errors"] == [{"field": "input", "code": "INVALID", "message": message}]
    assert payload["item"] is None and payload["metadataErrors"] == [{"code": "INVALID"}]
    assert snapshot(checkout) == before


def test_metadata_limits_hold_across_calls_and_at_completion(api, shipping, settings):
    settings.METADATA_MAX_KEYS = 3
    checkout = ready(api, shipping, [(variant_of(make_product()), 1)])
    for key in ("a", "b", "c"):  # within the limit, one call at a time
        assert (
            run(api, UPDATE_METADATA, id=cid(checkout), input=[{"key": key, "value": "1"}])[
                "errors"
            ]
            == []
        )
    payload = run(api, UPDATE_METADATA, id=cid(checkout), input=[{"key": "d", "value": "1"}])
    assert codes(payload) == [("input", "INVALID")]
    payload = run(api, COMPLETE, id=cid(checkout), metadata=[{"key": "d", "value": "1"}])
    assert codes(payload) == [("input", "INVALID")] and Order.objects.count() == 0
    payload = run(api, COMPLETE, id=cid(checkout), metadata=[{"key": "a", "value": "2"}])
    assert payload["errors"] == []
    assert Order.objects.get().metadata == {"a": "2", "b": "1", "c": "1"}


# --- Problems -----------------------------------------------------------------------------------
def test_problems_show_stock_shortage_and_unavailable_variants(api):
    short, gone, fine = (make_product(stock=5) for _ in range(3))
    checkout = new_checkout(api, [(variant_of(p), 3) for p in (short, gone, fine)])
    Stock.objects.filter(variant=variant_of(short)).update(quantity_allocated=4)
    catalog_services.product_publish(product=gone, channel=default_channel(), is_published=False)
    data = run(api, QUERY, id=cid(checkout))
    lines = {line["variant"]["id"]: line for line in data["lines"]}
    line_short = lid(checkout.lines.get(variant=variant_of(short)))
    line_gone = lid(checkout.lines.get(variant=variant_of(gone)))
    assert data["problems"] == [
        {
            "__typename": "CheckoutLineProblemInsufficientStock",
            "availableQuantity": 1,
            "line": {"id": line_short},
            "variant": {"id": vid(variant_of(short))},
        },
        {"__typename": "CheckoutLineProblemVariantNotAvailable", "line": {"id": line_gone}},
    ]
    assert lines[vid(variant_of(gone))]["variant"]["pricing"] is None
    assert lines[vid(variant_of(fine))]["problems"] == []
    assert lines[vid(variant_of(short))]["problems"] == [
        {"__typename": "CheckoutLineProblemInsufficientStock"}
    ]


# --- Completion ---------------------------------------------------------------------------------
def test_full_flow_over_graphql(api, shipping):
    a = variant_of(make_product("Cà phê Arabica", prices=(150000,), stock=10))
    b = variant_of(make_product("Trà Atiso", prices=(60000,), stock=10))
    payload = create(api, [{"variantId": vid(a), "quantity": 1}])
    checkout_id = payload["checkout"]["id"]
    payload = run(
        api,
        LINES_ADD,
        id=checkout_id,
        lines=[{"variantId": vid(a), "quantity": 1}, {"variantId": vid(b), "quantity": 1}],
    )
    assert payload["checkout"]["quantity"] == 3
    assert run(api, EMAIL, id=checkout_id, email="lan@example.vn")["errors"] == []
    data = run(api, SHIPPING_ADDRESS, id=checkout_id, address=ADDRESS)["checkout"]
    assert data["shippingAddress"]["phone"] == "+84912345678"
    assert data["stockReservationExpires"] is None  # anonymous carts hold nothing
    standard, express = data["shippingMethods"]
    assert [len(m["deliveryParcels"]) for m in (standard, express)] == [2, 2]
    # 2 × 300 g of coffee: 20 000 ₫ for the first 500 g + 5 000 ₫; the tea: 20 000 ₫.
    assert [p["price"]["amount"] for p in standard["deliveryParcels"]] == [25000, 20000]
    data = run(api, DELIVERY, id=checkout_id, method=standard["id"])["checkout"]
    assert data["totalPrice"]["gross"]["amount"] == 360000 + 45000
    assert data["authorizeStatus"] == "NONE"
    assert pay_cod(api, checkout_id)["errors"] == []  # cash on delivery authorises the total
    assert run(api, QUERY, id=checkout_id)["authorizeStatus"] == "FULL"

    payload = run(api, COMPLETE, id=checkout_id, metadata=[{"key": "source", "value": "web"}])
    assert payload["errors"] == [] and payload["checkoutErrors"] == []
    assert payload["confirmationNeeded"] is False and payload["confirmationData"] is None
    order = Order.objects.get()
    assert payload["order"]["id"] == global_id("Order", order.pk)
    assert order.total_gross_amount == 405000 and order.metadata == {"source": "web"}
    assert order.user_email == "lan@example.vn" and order.lines.count() == 2
    assert run(api, QUERY, id=checkout_id) is None
    # A repeated call (a retry after a lost response) returns the same order.
    again = run(api, COMPLETE, id=checkout_id)
    assert again["errors"] == [] and again["order"]["id"] == payload["order"]["id"]
    assert Order.objects.count() == 1


def test_completed_checkout_of_a_user_returns_the_order_only_to_them(api, shipping):
    _user, token = buyer()
    _other, other_token = buyer("other@example.vn")
    checkout = ready(api, shipping, [(variant_of(make_product()), 1)], token)
    first = run(api, COMPLETE, token, id=cid(checkout))
    assert first["errors"] == []
    again = api(COMPLETE, {"token": str(checkout.pk)}, token=token)["data"]["checkoutComplete"]
    assert again["order"] == first["order"]
    assert codes(run(api, COMPLETE, other_token, id=cid(checkout))) == [("id", "NOT_FOUND")]
    assert codes(run(api, COMPLETE, id=cid(checkout))) == [("id", "NOT_FOUND")]


def test_complete_needs_email_address_and_method(api, shipping):
    variant = variant_of(make_product())
    checkout = new_checkout(api, [(variant, 1)])
    assert codes(run(api, COMPLETE, id=cid(checkout))) == [("email", "EMAIL_NOT_SET")]
    run(api, EMAIL, id=cid(checkout), email="lan@example.vn")
    assert codes(run(api, COMPLETE, id=cid(checkout))) == [
        ("shippingAddress", "SHIPPING_ADDRESS_NOT_SET")
    ]
    run(api, SHIPPING_ADDRESS, id=cid(checkout), address=ADDRESS)
    payload = run(api, COMPLETE, id=cid(checkout))
    assert codes(payload) == [("shippingMethod", "SHIPPING_METHOD_NOT_SET")]
    assert payload["order"] is None and payload["confirmationNeeded"] is False
    assert Order.objects.count() == 0 and Checkout.objects.filter(pk=checkout.pk).exists()


def test_complete_of_an_empty_checkout_is_refused(api):
    checkout_id = create(api, [], email="lan@example.vn")["checkout"]["id"]
    assert codes(run(api, COMPLETE, id=checkout_id)) == [("lines", "NO_LINES")]


def test_complete_refuses_when_cash_on_delivery_does_not_cover_the_total(api, shipping, settings):
    settings.COD_MAX_ORDER_TOTAL = 100000
    checkout = ready(api, shipping, [(variant_of(make_product(prices=(150000,))), 1)], pay=False)
    assert codes(pay_cod(api, cid(checkout))) == [("amount", "INVALID")]
    assert run(api, QUERY, id=cid(checkout))["authorizeStatus"] == "NONE"
    payload = run(api, COMPLETE, id=cid(checkout))
    assert codes(payload) == [("id", "CHECKOUT_NOT_FULLY_PAID")]
    assert Order.objects.count() == 0


def test_complete_refuses_when_the_last_unit_was_taken(api, shipping):
    variant = variant_of(make_product(stock=1))
    checkout = ready(api, shipping, [(variant, 1)])
    Stock.objects.filter(variant=variant).update(quantity_allocated=1)
    payload = run(api, COMPLETE, id=cid(checkout))
    assert codes(payload) == [("lines", "INSUFFICIENT_STOCK")]
    assert payload["errors"][0]["variants"] == [vid(variant)]
    assert Order.objects.count() == 0 and Checkout.objects.filter(pk=checkout.pk).exists()


# --- Query count ----------------------------------------------------------------------------------
STOREFRONT_CHECKOUT = """
query checkout($id: ID!, $languageCode: LanguageCodeEnum!) {
  checkout(id: $id) { ...CheckoutFragment }
}
fragment Money on Money { currency amount }
fragment GiftCardFragment on GiftCard { displayCode id currentBalance { ...Money } }
fragment PaymentGatewayFragment on PaymentGateway { id name currencies config { field value } }
fragment AddressFragment on Address {
  id city phone postalCode companyName cityArea streetAddress1 streetAddress2 countryArea
  country { country code } firstName lastName
}
fragment CheckoutLineFragment on CheckoutLine {
  id quantity
  totalPrice { gross { currency amount } }
  unitPrice { gross { ...Money } }
  undiscountedUnitPrice { ...Money }
  variant {
    attributes(variantSelection: ALL) {
      values { name dateTime boolean translation(languageCode: $languageCode) { name } }
    }
    id name translation(languageCode: $languageCode) { name }
    product {
      name
      translation(languageCode: $languageCode) { language { code } id name }
      media { alt type url(size: 72) }
    }
    media { alt type url(size: 72) }
  }
}
fragment CheckoutFragment on Checkout {
  id email discount { ...Money } voucherCode discountName translatedDiscountName
  giftCards { ...GiftCardFragment }
  channel { id slug }
  shippingAddress { ...AddressFragment } billingAddress { ...AddressFragment }
  authorizeStatus chargeStatus isShippingRequired
  availablePaymentGateways { ...PaymentGatewayFragment }
  deliveryMethod { ... on ShippingMethod { id } ... on Warehouse { id } }
  shippingMethods { id name price { ...Money } maximumDeliveryDays minimumDeliveryDays }
  totalPrice { gross { ...Money } tax { ...Money } }
  shippingPrice { gross { ...Money } } subtotalPrice { gross { ...Money } }
  lines { ...CheckoutLineFragment }
  metadata { key value }
  stockReservationExpires problems { __typename } deliveryParcels { producer { name } }
}
"""


def _count_queries(api, checkout) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        body = api(STOREFRONT_CHECKOUT, {"id": cid(checkout), "languageCode": "EN"})
    assert "errors" not in body, body
    return len(queries), body["data"]["checkout"]


def test_checkout_query_count_does_not_grow_with_lines(api, shipping):
    one = ready(api, shipping, [(variant_of(make_product()), 1)])
    five = ready(api, shipping, [(variant_of(make_product()), 1) for _ in range(5)])
    count_one, data_one = _count_queries(api, one)
    if os.environ.get("SHOW_QUERIES"):
        with CaptureQueriesContext(connection) as queries:
            api(STOREFRONT_CHECKOUT, {"id": cid(one), "languageCode": "EN"})
        print("\n".join(q["sql"][:160] for q in queries.captured_queries))
    count_five, data_five = _count_queries(api, five)
    print(
        f"\ncheckout(id) with the storefront's CheckoutFragment: {count_one} SQL queries for "
        f"1 line, {count_five} for 5 lines from 5 producers"
    )
    assert len(data_one["lines"]) == 1 and len(data_five["lines"]) == 5
    assert len(data_five["deliveryParcels"]) == 5
    assert data_five["lines"][0]["variant"]["product"]["media"] == []
    assert count_one == count_five
