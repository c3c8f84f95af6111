"""Saleor's storefront checkout operations, run verbatim against our schema.

The documents below are copies of the ``saleor/storefront`` operations (compatibility
fixtures, see /tmp/saleor_ref/storefront_checkout_ops.md): the checkout app's
``src/checkout/graphql/checkout.graphql`` (with the ``Money`` fragment of its ``order.graphql``),
the storefront's cart operations from ``src/gql/gql.ts`` and older stored versions of them.
Only indentation differs from the source (tabs → 2 spaces). Each operation is sent the way the
storefront's generated client sends it: the operation with the fragments it spreads.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    parse,
    validate,
)

from accounts import jwt as tokens
from accounts.models import User
from orders.models import Checkout, Order
from shop.graphql.ids import global_id
from shop.schema import schema
from tests.catalog.factories import make_product, variant_of
from tests.orders.test_checkout_graphql import pay_cod

pytestmark = pytest.mark.django_db

# src/checkout/graphql/checkout.graphql @ 0092b53ea6428da10c16a64f9a99fa0c71b14c13
CHECKOUT_APP = """\
fragment CheckoutErrorFragment on CheckoutError {
  message
  field
  code
}

fragment GiftCardFragment on GiftCard {
  displayCode
  id
  currentBalance {
    ...Money
  }
}

fragment ValidationRulesFragment on AddressValidationData {
  addressFormat
  allowedFields
  requiredFields
  countryAreaType
  postalCodeType
  cityType
  countryAreaChoices {
    raw
    verbose
  }
}

fragment PaymentGatewayFragment on PaymentGateway {
  id
  name
  currencies
  config {
    field
    value
  }
}

fragment CheckoutFragment on Checkout {
  id
  email
  discount {
    ...Money
  }
  voucherCode
  discountName
  translatedDiscountName
  giftCards {
    ...GiftCardFragment
  }
  channel {
    id
    slug
  }
  shippingAddress {
    ...AddressFragment
  }
  billingAddress {
    ...AddressFragment
  }
  authorizeStatus
  chargeStatus
  isShippingRequired
  availablePaymentGateways {
    ...PaymentGatewayFragment
  }
  deliveryMethod {
    ... on ShippingMethod {
      id
    }
    ... on Warehouse {
      id
    }
  }
  shippingMethods {
    id
    name
    price {
      ...Money
    }
    maximumDeliveryDays
    minimumDeliveryDays
  }
  totalPrice {
    gross {
      ...Money
    }
    tax {
      ...Money
    }
  }
  shippingPrice {
    gross {
      ...Money
    }
  }
  subtotalPrice {
    gross {
      ...Money
    }
  }
  lines {
    ...CheckoutLineFragment
  }
  metadata {
    key
    value
  }
}

fragment CheckoutLineFragment on CheckoutLine {
  id
  quantity
  totalPrice {
    gross {
      currency
      amount
    }
  }
  unitPrice {
    gross {
      ...Money
    }
  }
  undiscountedUnitPrice {
    ...Money
  }
  variant {
    attributes(variantSelection: ALL) {
      values {
        name
        dateTime
        boolean
        translation(languageCode: $languageCode) {
          name
        }
      }
    }
    id
    name
    translation(languageCode: $languageCode) {
      name
    }
    product {
      name
      translation(languageCode: $languageCode) {
        language {
          code
        }
        id
        name
      }
      media {
        alt
        type
        url(size: 72)
      }
    }
    media {
      alt
      type
      url(size: 72)
    }
  }
}

fragment AddressFragment on Address {
  id
  city
  phone
  postalCode
  companyName
  cityArea
  streetAddress1
  streetAddress2
  countryArea
  country {
    country
    code
  }
  firstName
  lastName
}

query checkout($id: ID!, $languageCode: LanguageCodeEnum!) {
  checkout(id: $id) {
    ...CheckoutFragment
  }
}

query channel($slug: String!) {
  channel(slug: $slug) {
    countries {
      code
    }
  }
}

mutation checkoutLinesUpdate(
  $checkoutId: ID!
  $lines: [CheckoutLineUpdateInput!]!
  $languageCode: LanguageCodeEnum!
) {
  checkoutLinesUpdate(id: $checkoutId, lines: $lines) {
    errors {
      ...CheckoutErrorFragment
    }
    checkout {
      ...CheckoutFragment
    }
  }
}

mutation checkoutLineDelete($checkoutId: ID!, $lineId: ID, $languageCode: LanguageCodeEnum!) {
  checkoutLineDelete(id: $checkoutId, lineId: $lineId) {
    errors {
      ...CheckoutErrorFragment
    }
    checkout {
      ...CheckoutFragment
    }
  }
}

mutation checkoutEmailUpdate($email: String!, $checkoutId: ID!, $languageCode: LanguageCodeEnum!) {
  checkoutEmailUpdate(email: $email, id: $checkoutId) {
    errors {
      ...CheckoutErrorFragment
    }
    checkout {
      ...CheckoutFragment
    }
  }
}

mutation checkoutCustomerAttach($checkoutId: ID!, $languageCode: LanguageCodeEnum!) {
  checkoutCustomerAttach(id: $checkoutId) {
    errors {
      ...CheckoutErrorFragment
    }
    checkout {
      ...CheckoutFragment
    }
  }
}

mutation checkoutShippingAddressUpdate(
  $checkoutId: ID!
  $shippingAddress: AddressInput!
  $validationRules: CheckoutAddressValidationRules
  $languageCode: LanguageCodeEnum!
) {
  checkoutShippingAddressUpdate(
    id: $checkoutId
    shippingAddress: $shippingAddress
    validationRules: $validationRules
  ) {
    errors {
      ...CheckoutErrorFragment
    }
    checkout {
      ...CheckoutFragment
    }
  }
}

mutation checkoutBillingAddressUpdate(
  $checkoutId: ID!
  $billingAddress: AddressInput!
  $validationRules: CheckoutAddressValidationRules
  $languageCode: LanguageCodeEnum!
) {
  checkoutBillingAddressUpdate(
    id: $checkoutId
    billingAddress: $billingAddress
    validationRules: $validationRules
  ) {
    errors {
      ...CheckoutErrorFragment
    }
    checkout {
      ...CheckoutFragment
    }
  }
}

mutation checkoutDeliveryMethodUpdate(
  $checkoutId: ID!
  $deliveryMethodId: ID!
  $languageCode: LanguageCodeEnum!
) {
  checkoutDeliveryMethodUpdate(id: $checkoutId, deliveryMethodId: $deliveryMethodId) {
    errors {
      ...CheckoutErrorFragment
    }
    checkout {
      ...CheckoutFragment
    }
  }
}

query addressValidationRules($countryCode: CountryCode!) {
  addressValidationRules(countryCode: $countryCode) {
    ...ValidationRulesFragment
  }
}

mutation checkoutAddPromoCode($checkoutId: ID, $promoCode: String!, $languageCode: LanguageCodeEnum!) {
  checkoutAddPromoCode(checkoutId: $checkoutId, promoCode: $promoCode) {
    errors {
      ...CheckoutErrorFragment
    }
    checkout {
      ...CheckoutFragment
    }
  }
}

mutation checkoutRemovePromoCode(
  $checkoutId: ID
  $promoCode: String
  $promoCodeId: ID
  $languageCode: LanguageCodeEnum!
) {
  checkoutRemovePromoCode(checkoutId: $checkoutId, promoCode: $promoCode, promoCodeId: $promoCodeId) {
    errors {
      ...CheckoutErrorFragment
    }
    checkout {
      ...CheckoutFragment
    }
  }
}

mutation checkoutComplete($checkoutId: ID!) {
  checkoutComplete(id: $checkoutId) {
    errors {
      ...CheckoutErrorFragment
    }
    order {
      id
    }
  }
}

mutation updateMetadata($id: ID!, $input: [MetadataInput!]!) {
  updateMetadata(id: $id, input: $input) {
    errors {
      field
      message
    }
    item {
      ... on Checkout {
        id
        metadata {
          key
          value
        }
      }
    }
  }
}
"""

# src/checkout/graphql/order.graphql @ 012f43530919d476c7a79147c1211996d9bc785d (first fragment)
CHECKOUT_APP_MONEY = """\
fragment Money on Money {
  currency
  amount
}
"""

# src/gql/gql.ts @ 866b5aa73b420ff9069400b612fb250a15c1d588 (the cart operations)
STOREFRONT = """\
mutation CheckoutCreate($channel: String!) {
  checkoutCreate(input: {channel: $channel, lines: []}) {
    checkout {
      id
      email
      lines {
        id
        quantity
        totalPrice {
          gross {
            amount
            currency
          }
        }
        variant {
          product {
            id
            name
            slug
            thumbnail {
              url
              alt
            }
            category {
              name
            }
          }
          pricing {
            price {
              gross {
                amount
                currency
              }
            }
          }
          name
          id
        }
      }
      totalPrice {
        gross {
          amount
          currency
        }
      }
    }
    errors {
      field
      code
    }
  }
}

query CheckoutFind($id: ID!) {
  checkout(id: $id) {
    id
    email
    lines {
      id
      quantity
      totalPrice {
        gross {
          amount
          currency
        }
      }
      variant {
        product {
          id
          name
          slug
          thumbnail {
            url
            alt
          }
          category {
            name
          }
        }
        pricing {
          price {
            gross {
              amount
              currency
            }
          }
          priceUndiscounted {
            gross {
              amount
              currency
            }
          }
        }
        name
        id
        selectionAttributes: attributes(variantSelection: VARIANT_SELECTION) {
          attribute {
            name
            slug
          }
          values {
            name
            value
          }
        }
        nonSelectionAttributes: attributes(variantSelection: NOT_VARIANT_SELECTION) {
          attribute {
            name
            slug
          }
          values {
            name
            value
          }
        }
      }
    }
    totalPrice {
      gross {
        amount
        currency
      }
    }
  }
}

mutation CheckoutAddLine($id: ID!, $productVariantId: ID!) {
  checkoutLinesAdd(id: $id, lines: [{quantity: 1, variantId: $productVariantId}]) {
    checkout {
      id
      lines {
        id
        quantity
        variant {
          name
          product {
            name
          }
        }
      }
    }
    errors {
      message
    }
  }
}

mutation CheckoutDeleteLines($checkoutId: ID!, $lineIds: [ID!]!) {
  checkoutLinesDelete(id: $checkoutId, linesIds: $lineIds) {
    checkout {
      id
      lines {
        id
      }
      channel {
        slug
      }
    }
    errors {
      field
      code
    }
  }
}

mutation CheckoutLinesUpdate($checkoutId: ID!, $lines: [CheckoutLineUpdateInput!]!) {
  checkoutLinesUpdate(id: $checkoutId, lines: $lines) {
    checkout {
      id
      lines {
        id
        quantity
        totalPrice {
          gross {
            amount
            currency
          }
        }
      }
      totalPrice {
        gross {
          amount
          currency
        }
      }
    }
    errors {
      field
      message
      code
    }
  }
}
"""

# Older stored versions: CheckoutCreate @ 165532a0, CheckoutDeleteLines @ a059bb18,
# CheckoutLinesUpdate @ 7901827a, CheckoutUpdateLine @ 720f771d, CheckoutCustomerDetach @ 8c415655
STOREFRONT_OLDER = """\
mutation CheckoutCreate {
  checkoutCreate(input: { channel: "default-channel", lines: [] }) {
    checkout {
      id
    }
    errors {
      field
      code
    }
  }
}

mutation CheckoutDeleteLines($checkoutId: ID!, $lineIds: [ID!]!) {
  checkoutLinesDelete(id: $checkoutId, linesIds: $lineIds) {
    checkout {
      id
    }
    errors {
      field
      code
    }
  }
}

mutation CheckoutLinesUpdate($checkoutId: ID!, $lines: [CheckoutLineUpdateInput!]!) {
  checkoutLinesUpdate(id: $checkoutId, lines: $lines) {
    checkout {
      id
      lines {
        id
        quantity
      }
    }
    errors {
      field
      code
      message
    }
  }
}

mutation CheckoutUpdateLine($checkoutId: ID!, $lines: [CheckoutLineUpdateInput!]!) {
  checkoutLinesUpdate(id: $checkoutId, lines: $lines) {
    checkout {
      id
    }
    errors {
      field
      code
      message
    }
  }
}

mutation CheckoutCustomerDetach($id: ID!) {
  checkoutCustomerDetach(id: $id) {
    errors {
      message
      field
      code
    }
  }
}
"""

CHECKOUT_APP_SOURCE = CHECKOUT_APP + "\n" + CHECKOUT_APP_MONEY

# (source, operation) for every checkout operation the storefront sends.
OPERATIONS = [
    *[
        (CHECKOUT_APP_SOURCE, name)
        for name in (
            "checkout",
            "checkoutLinesUpdate",
            "checkoutLineDelete",
            "checkoutEmailUpdate",
            "checkoutCustomerAttach",
            "checkoutShippingAddressUpdate",
            "checkoutBillingAddressUpdate",
            "checkoutDeliveryMethodUpdate",
            "checkoutAddPromoCode",
            "checkoutRemovePromoCode",
            "checkoutComplete",
            "updateMetadata",
        )
    ],
    *[
        (STOREFRONT, name)
        for name in (
            "CheckoutCreate",
            "CheckoutFind",
            "CheckoutAddLine",
            "CheckoutDeleteLines",
            "CheckoutLinesUpdate",
        )
    ],
    *[
        (STOREFRONT_OLDER, name)
        for name in (
            "CheckoutCreate",
            "CheckoutDeleteLines",
            "CheckoutLinesUpdate",
            "CheckoutUpdateLine",
            "CheckoutCustomerDetach",
        )
    ],
]

ADDRESS = {
    "firstName": "Nguyễn",
    "lastName": "Văn A",
    "streetAddress1": "12 Đường Lang Biang",
    "city": "Xã Lạc Dương",
    "countryArea": "Lâm Đồng",
    "country": "VN",
    "phone": "0912345678",
}


def _spreads(node) -> set[str]:
    names: set[str] = set()
    for selection in getattr(getattr(node, "selection_set", None), "selections", None) or ():
        if isinstance(selection, FragmentSpreadNode):
            names.add(selection.name.value)
        names |= _spreads(selection)
    return names


def operation_document(source: str, name: str) -> str:
    """The operation ``name`` with the fragments it needs, cut verbatim out of ``source``."""
    document: DocumentNode = parse(source)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operations = [
        d
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode) and d.name and d.name.value == name
    ]
    assert len(operations) == 1, f"{name} is not one operation of its source"
    needed: list[str] = []
    pending = sorted(_spreads(operations[0]))
    while pending:
        fragment = pending.pop()
        if fragment not in needed:
            needed.append(fragment)
            pending.extend(sorted(_spreads(fragments[fragment])))
    parts = [operations[0], *(fragments[n] for n in sorted(needed))]
    return "\n\n".join(source[part.loc.start : part.loc.end] for part in parts)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(("source", "name"), OPERATIONS, ids=[n for _s, n in OPERATIONS])
def test_storefront_operation_validates(source, name):
    errors = validate(schema.graphql_schema, parse(operation_document(source, name)))
    assert errors == [], [e.message for e in errors]


def test_the_checkout_apps_whole_document_validates():
    errors = validate(schema.graphql_schema, parse(CHECKOUT_APP_SOURCE))
    assert errors == [], [e.message for e in errors]


class Storefront:
    """Sends the storefront's operations as its client does and insists on no errors."""

    def __init__(self, api) -> None:
        self.api = api
        self.token: str | None = None

    def send(self, source: str, name: str, **variables):
        body = self.api(operation_document(source, name), variables, token=self.token)
        assert "errors" not in body, (name, body.get("errors"))
        return next(iter(body["data"].values()))

    def ok(self, source: str, name: str, **variables):
        payload = self.send(source, name, **variables)
        assert payload["errors"] == [], (name, payload["errors"])
        return payload

    def app(self, name: str, **variables):
        # The storefront's default locale. VI, the shop's base language, trips a catalogue bug
        # (see test_checkout_fragment_in_the_base_language).
        return self.ok(CHECKOUT_APP_SOURCE, name, languageCode="EN_US", **variables)


def test_storefront_checkout_operations_run_end_to_end(api, shipping):
    coffee = variant_of(make_product("Cà phê Arabica Cầu Đất", prices=(150000,)))
    tea = variant_of(make_product("Trà Atiso", prices=(60000,)))
    jam = variant_of(make_product("Mứt dâu", prices=(45000,)))
    user = User.objects.create_user(email="lan@example.vn", password="Ca-phe-Arabica-2025")
    shop = Storefront(api)

    # The cart (src/graphql): create, add, find, change quantities, delete lines.
    assert shop.ok(STOREFRONT_OLDER, "CheckoutCreate")["checkout"]["id"]
    checkout = shop.ok(STOREFRONT, "CheckoutCreate", channel="default-channel")["checkout"]
    checkout_id = checkout["id"]
    assert checkout["lines"] == [] and checkout["totalPrice"]["gross"]["amount"] == 0
    for variant in (coffee, tea, jam):
        added = shop.ok(
            STOREFRONT,
            "CheckoutAddLine",
            id=checkout_id,
            productVariantId=global_id("ProductVariant", variant.pk),
        )
    assert [line["variant"]["product"]["name"] for line in added["checkout"]["lines"]] == [
        "Cà phê Arabica Cầu Đất",
        "Trà Atiso",
        "Mứt dâu",
    ]
    found = shop.send(STOREFRONT, "CheckoutFind", id=checkout_id)
    assert [line["quantity"] for line in found["lines"]] == [1, 1, 1]
    assert found["lines"][0]["variant"]["pricing"]["price"]["gross"]["amount"] == 150000
    coffee_line, tea_line, jam_line = (line["id"] for line in found["lines"])
    updated = shop.ok(
        STOREFRONT,
        "CheckoutLinesUpdate",
        checkoutId=checkout_id,
        lines=[{"lineId": coffee_line, "quantity": 2}],
    )
    assert updated["checkout"]["totalPrice"]["gross"]["amount"] == 405000
    shop.ok(
        STOREFRONT_OLDER,
        "CheckoutUpdateLine",
        checkoutId=checkout_id,
        lines=[{"variantId": global_id("ProductVariant", tea.pk), "quantity": 2}],
    )
    shop.ok(
        STOREFRONT_OLDER,
        "CheckoutLinesUpdate",
        checkoutId=checkout_id,
        lines=[{"lineId": tea_line, "quantity": 1}],
    )
    remaining = shop.ok(
        STOREFRONT, "CheckoutDeleteLines", checkoutId=checkout_id, lineIds=[jam_line]
    )
    assert [line["id"] for line in remaining["checkout"]["lines"]] == [coffee_line, tea_line]
    assert remaining["checkout"]["channel"]["slug"] == "default-channel"
    shop.ok(STOREFRONT_OLDER, "CheckoutDeleteLines", checkoutId=checkout_id, lineIds=[])

    # The checkout app (src/checkout): lines, email, customer, addresses, delivery, metadata.
    payload = shop.app(
        "checkoutLinesUpdate", checkoutId=checkout_id, lines=[{"lineId": tea_line, "quantity": 3}]
    )
    assert [line["quantity"] for line in payload["checkout"]["lines"]] == [2, 3]
    shop.app(
        "checkoutLinesUpdate", checkoutId=checkout_id, lines=[{"lineId": tea_line, "quantity": 1}]
    )
    shop.app("checkoutEmailUpdate", checkoutId=checkout_id, email="khach@example.vn")
    shop.token = tokens.access_token_create(user)
    payload = shop.app("checkoutCustomerAttach", checkoutId=checkout_id)
    assert payload["checkout"]["email"] == "lan@example.vn"
    payload = shop.app(
        "checkoutShippingAddressUpdate",
        checkoutId=checkout_id,
        shippingAddress=ADDRESS,
        validationRules={"checkRequiredFields": True, "checkFieldsFormat": True},
    )
    assert payload["checkout"]["shippingAddress"]["phone"] == "+84912345678"
    methods = payload["checkout"]["shippingMethods"]
    assert [m["name"] for m in methods] == ["Tiêu chuẩn", "Nhanh"]
    shop.app(
        "checkoutBillingAddressUpdate",
        checkoutId=checkout_id,
        billingAddress=ADDRESS,
        validationRules={"checkRequiredFields": False},
    )
    payload = shop.app(
        "checkoutDeliveryMethodUpdate", checkoutId=checkout_id, deliveryMethodId=methods[0]["id"]
    )
    assert payload["checkout"]["deliveryMethod"] == {"id": methods[0]["id"]}
    assert payload["checkout"]["shippingPrice"]["gross"]["amount"] == methods[0]["price"]["amount"]
    assert payload["checkout"]["authorizeStatus"] == "NONE"  # nothing paid yet
    data = shop.send(CHECKOUT_APP_SOURCE, "checkout", id=checkout_id, languageCode="EN_US")
    assert data["id"] == checkout_id and data["availablePaymentGateways"][0]["id"] == (
        "ocop.payments.cod"
    )
    payload = shop.ok(
        CHECKOUT_APP_SOURCE, "updateMetadata", id=checkout_id, input=[{"key": "gift", "value": "1"}]
    )
    assert payload["item"] == {"id": checkout_id, "metadata": [{"key": "gift", "value": "1"}]}

    # Promo codes: not sold yet, refused with a clear error; removing one is harmless.
    refused = shop.send(
        CHECKOUT_APP_SOURCE,
        "checkoutAddPromoCode",
        checkoutId=checkout_id,
        promoCode="GIAM10",
        languageCode="EN_US",
    )
    assert refused["errors"] == [
        {"message": "Mã giảm giá chưa được hỗ trợ.", "field": "promoCode", "code": "INVALID"}
    ]
    shop.app("checkoutRemovePromoCode", checkoutId=checkout_id, promoCode="GIAM10")

    # The deprecated single-line delete, then the customer leaves and completes as a guest.
    extra = shop.ok(
        STOREFRONT,
        "CheckoutAddLine",
        id=checkout_id,
        productVariantId=global_id("ProductVariant", jam.pk),
    )["checkout"]["lines"][-1]["id"]
    payload = shop.app("checkoutLineDelete", checkoutId=checkout_id, lineId=extra)
    assert len(payload["checkout"]["lines"]) == 2
    shop.ok(STOREFRONT_OLDER, "CheckoutCustomerDetach", id=checkout_id)
    shop.token = None
    assert pay_cod(api, checkout_id)["errors"] == []  # cash on delivery, as a guest
    payload = shop.ok(CHECKOUT_APP_SOURCE, "checkoutComplete", checkoutId=checkout_id)
    order = Order.objects.get()
    assert payload["order"] == {"id": global_id("Order", order.pk)}
    assert order.metadata == {"gift": "1"} and order.lines.count() == 2
    assert Checkout.objects.count() == 1  # only the empty one the older CheckoutCreate made


def test_checkout_fragment_in_the_base_language(api):
    variant = variant_of(make_product())
    shop = Storefront(api)
    checkout_id = shop.ok(STOREFRONT, "CheckoutCreate", channel="default-channel")["checkout"]["id"]
    shop.ok(
        STOREFRONT,
        "CheckoutAddLine",
        id=checkout_id,
        productVariantId=global_id("ProductVariant", variant.pk),
    )
    data = shop.send(CHECKOUT_APP_SOURCE, "checkout", id=checkout_id, languageCode="VI")
    assert data["lines"][0]["variant"]["product"]["translation"]["language"]["code"] == "VI"
