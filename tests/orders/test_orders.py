"""Orders after placement: who sees an order, ``me.orders``, fulfilment per producer and
cancellation, through the services and over GraphQL."""

from __future__ import annotations

import base64
import itertools

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import jwt as tokens
from accounts.models import User
from catalog.models import ProducerMember, Stock
from orders import checkout as checkout_services
from orders import fulfilment, services
from orders.checkout_complete import checkout_complete
from orders.models import (
    Allocation,
    Fulfillment,
    Order,
    OrderEvent,
    OrderEventType,
    OrderLine,
    OrderStatus,
    ShippingMethod,
)
from shop.graphql.ids import global_id
from shop.models import OutboxEvent
from tests.catalog.factories import default_channel, make_producer, make_product, variant_of
from tests.orders.conftest import ADDRESS_LAM_DONG, cod_initialize

pytestmark = pytest.mark.django_db

_seq = itertools.count(1)


# --- Builders --------------------------------------------------------------------------------
def user_create(*, is_staff: bool = False, producer=None, email: str | None = None) -> User:
    n = next(_seq)
    user = User.objects.create_user(
        email=email or f"user{n}@example.vn", password="Mat-khau-2025", is_staff=is_staff
    )
    if producer is not None:
        ProducerMember.objects.create(producer=producer, user=user, role="owner")
    return user


def token_of(user: User | None) -> str | None:
    return tokens.access_token_create(user) if user is not None else None


def place_order(shipping, items, *, user=None, email="buyer@example.vn", language_code="vi"):
    """An order made the way the shop makes one: checkout services, then checkoutComplete."""
    checkout = checkout_services.checkout_create(
        channel=default_channel(),
        lines=[{"variant_id": global_id("ProductVariant", v.pk), "quantity": q} for v, q in items],
        email=email,
        user=user,
        language_code=language_code,
    )
    checkout_services.checkout_shipping_address_update(checkout=checkout, address=ADDRESS_LAM_DONG)
    checkout_services.checkout_delivery_method_update(
        checkout=checkout, method=shipping["tieu-chuan"]
    )
    cod_initialize(checkout)
    return checkout_complete(token=checkout.token, user=user).order


@pytest.fixture
def two_producers(shipping):
    """An order with two lines of producer A and one of producer B."""
    a, b = make_producer("HTX Cà phê Lạc Dương"), make_producer("HTX Dâu tây Đà Lạt")
    a1 = variant_of(make_product("Cà phê Arabica", producer=a, prices=(150000,), stock=10))
    a2 = variant_of(make_product("Cà phê Robusta", producer=a, prices=(120000,), stock=10))
    b1 = variant_of(make_product("Mứt dâu tây", producer=b, prices=(90000,), stock=10))
    buyer = user_create(email="khach@example.vn")
    order = place_order(shipping, [(a1, 2), (a2, 1), (b1, 3)], user=buyer, email=buyer.email)
    return {
        "order": order,
        "buyer": buyer,
        "a": a,
        "b": b,
        "variants": (a1, a2, b1),
        "member_a": user_create(producer=a),
        "member_b": user_create(producer=b),
        "staff": user_create(is_staff=True),
    }


def line_of(order: Order, variant) -> OrderLine:
    return order.lines.get(variant=variant)


def stock_of(variant) -> Stock:
    return Stock.objects.get(variant=variant)


# --- Queries ---------------------------------------------------------------------------------
ORDER_QUERY = """
query Order($id: ID!) {
  order(id: $id) {
    id number status userEmail created updatedAt isPaid paymentStatus chargeStatus
    authorizeStatus token languageCode customerNote shippingMethodName
    user { email }
    shippingAddress { city countryArea phone }
    billingAddress { city }
    channel { slug }
    total { gross { amount currency } net { amount } tax { amount } }
    subtotal { gross { amount } }
    shippingPrice { gross { amount } }
    undiscountedTotal { gross { amount } }
    totalCharged { amount } totalCaptured { amount } totalBalance { amount }
    discounts { type name amount { amount } }
    lines {
      id productName variantName translatedProductName translatedVariantName productSku
      quantity quantityFulfilled taxRate isShippingRequired
      unitPrice { gross { amount } } undiscountedUnitPrice { gross { amount } }
      totalPrice { gross { amount } }
      thumbnail(size: 128, format: WEBP) { url alt }
      producer { name }
      variant {
        id name sku
        pricing { price { gross { amount } } }
        product { id name slug thumbnail { url } category { name } }
        attributes(variantSelection: ALL) { values { name } }
      }
    }
    fulfillments { id fulfillmentOrder status trackingNumber created
      lines { id quantity orderLine { id productName } } }
    events { id date type quantity emailType user { email } }
    deliveryParcels { producer { name } price { amount } weight { value }
      subtotal { gross { amount } } }
    trackingNumbers
  }
}
"""


def order_gid(order: Order) -> str:
    return global_id("Order", order.pk)


def query_order(api, order, user=None):
    return api(ORDER_QUERY, {"id": order_gid(order)}, token=token_of(user))


def test_the_buyer_sees_the_whole_order_without_events(api, two_producers):
    order, buyer = two_producers["order"], two_producers["buyer"]
    body = query_order(api, order, buyer)
    assert "errors" not in body, body
    data = body["data"]["order"]
    assert data["id"] == order_gid(order) and data["number"] == str(order.number)
    assert data["status"] == "UNFULFILLED" and data["user"] == {"email": buyer.email}
    assert data["paymentStatus"] == "NOT_CHARGED" and data["isPaid"] is False
    # cash on delivery: the total is authorised (the buyer's promise), nothing charged yet
    assert data["chargeStatus"] == "NONE" and data["authorizeStatus"] == "FULL"
    assert data["token"] == str(order.pk)
    assert len(data["lines"]) == 3 and data["events"] == []
    assert len(data["deliveryParcels"]) == 2
    assert data["total"]["gross"]["amount"] == float(order.total_gross_amount)
    assert data["totalBalance"]["amount"] == -float(order.total_gross_amount)
    line = next(li for li in data["lines"] if li["productName"] == "Cà phê Arabica")
    assert line["quantity"] == 2 and line["totalPrice"]["gross"]["amount"] == 300000
    assert line["variant"]["pricing"]["price"]["gross"]["amount"] == 150000
    assert line["producer"]["name"] == "HTX Cà phê Lạc Dương"


def test_staff_see_the_whole_order_and_its_events(api, two_producers):
    body = query_order(api, two_producers["order"], two_producers["staff"])
    data = body["data"]["order"]
    assert len(data["lines"]) == 3
    assert [e["type"] for e in data["events"]] == ["PLACED"]


def test_a_producer_member_sees_only_its_own_lines(api, two_producers):
    body = query_order(api, two_producers["order"], two_producers["member_a"])
    data = body["data"]["order"]
    assert sorted(li["productName"] for li in data["lines"]) == ["Cà phê Arabica", "Cà phê Robusta"]
    assert [p["producer"]["name"] for p in data["deliveryParcels"]] == ["HTX Cà phê Lạc Dương"]
    assert data["deliveryParcels"][0]["subtotal"]["gross"]["amount"] == 420000
    assert data["user"] is None  # the buyer's account is not the producer's to read
    assert data["shippingAddress"]["countryArea"]  # but the address to ship to is
    assert [e["type"] for e in data["events"]] == ["PLACED"]


def test_a_member_of_an_unrelated_producer_gets_null(api, two_producers):
    stranger = user_create(producer=make_producer("HTX Không liên quan"))
    body = query_order(api, two_producers["order"], stranger)
    assert body["data"]["order"] is None and "errors" not in body


def test_anonymous_and_other_users_get_null_for_a_registered_users_order(api, two_producers):
    order = two_producers["order"]
    assert query_order(api, order)["data"]["order"] is None
    assert query_order(api, order, user_create())["data"]["order"] is None


def test_anyone_with_a_guest_orders_id_sees_it(api, shipping):
    variant = variant_of(make_product(stock=5))
    order = place_order(shipping, [(variant, 1)])
    data = query_order(api, order)["data"]["order"]
    # Its personal data masked, as Saleor (tests/orders/test_order_privacy.py).
    assert data["userEmail"] == "b...@example.vn" and data["user"] is None
    assert data["events"] == []
    by_token = api('{ orderByToken(token: "%s") { id } }' % order.pk)
    assert by_token["data"]["orderByToken"]["id"] == order_gid(order)


@pytest.mark.parametrize(
    "bad_id",
    [
        "not-base64!",
        base64.b64encode(b"Order:not-a-uuid").decode(),
        base64.b64encode(b"Checkout:4b0c6a40-7f51-4d1a-9a4d-1d2bd6e4d0aa").decode(),
    ],
)
def test_a_malformed_order_id_is_a_graphql_error(api, db, bad_id):
    body = api(ORDER_QUERY, {"id": bad_id})
    assert body["data"]["order"] is None
    assert body["errors"][0]["message"].startswith(("Couldn't resolve id", "Must receive"))


def test_an_unknown_order_id_is_null(api, db):
    body = api(ORDER_QUERY, {"id": global_id("Order", "4b0c6a40-7f51-4d1a-9a4d-1d2bd6e4d0aa")})
    assert body["data"]["order"] is None and "errors" not in body


def _count_order_queries(api, order, user) -> int:
    token = token_of(user)
    with CaptureQueriesContext(connection) as queries:
        body = api(ORDER_QUERY, {"id": order_gid(order)}, token=token)
    assert "errors" not in body, body
    return len(queries)


def _with_photo(product):
    from django.core.files.base import ContentFile

    from catalog.models import ProductMedia
    from tests.catalog.factories import jpeg_bytes

    ProductMedia.objects.create(
        product=product, image=ContentFile(jpeg_bytes(), name=f"p{product.pk}.jpg"), alt="ảnh"
    )
    return product


def test_order_query_count_is_constant_in_the_number_of_lines(api, shipping):
    buyer = user_create()
    one = place_order(
        shipping, [(variant_of(_with_photo(make_product(producer=make_producer()))), 1)], user=buyer
    )
    five = place_order(
        shipping,
        [(variant_of(_with_photo(make_product(producer=make_producer()))), 1) for _ in range(5)],
        user=buyer,
    )
    for order in (one, five):  # a fulfilment too, so every relation has rows
        line = order.lines.first()
        fulfilment.order_fulfill(
            order=order, lines=[(line, 1)], tracking_number="VN1", user=user_create(is_staff=True)
        )
    staff = user_create(is_staff=True)
    counts = (_count_order_queries(api, one, staff), _count_order_queries(api, five, staff))
    print(f"order(id) SQL queries: 1 line → {counts[0]}, 5 lines → {counts[1]}")
    assert counts[0] == counts[1]
    body = query_order(api, five, staff)
    assert all(li["thumbnail"]["url"] for li in body["data"]["order"]["lines"])
    member = user_create(producer=five.lines.first().producer)
    ProducerMember.objects.create(producer=one.lines.get().producer, user=member)
    restricted = (_count_order_queries(api, one, member), _count_order_queries(api, five, member))
    print(f"order(id) SQL queries for a producer member: {restricted[0]}, {restricted[1]}")
    assert restricted[0] == restricted[1]


def test_storefront_order_fragment_runs(api, shipping):
    """The checkout app's ``order`` query (OrderFragment), right after checkoutComplete."""
    variant = variant_of(make_product(stock=5))
    order = place_order(shipping, [(variant, 2)])
    query = """
    fragment Money on Money { currency amount }
    fragment OrderLineFragment on OrderLine {
      id quantity
      variant { name attributes(variantSelection: ALL) { values { name dateTime boolean
        translation(languageCode: $languageCode) { name } } } }
      totalPrice { gross { ...Money } }
      undiscountedUnitPrice { gross { ...Money } }
      unitPrice { gross { ...Money } }
      productName variantName
      thumbnail(size: 128, format: WEBP) { alt url }
    }
    fragment OrderFragment on Order {
      id number userEmail isPaid
      discounts { type name amount { ...Money } }
      chargeStatus authorizeStatus
      shippingAddress { id city phone postalCode companyName cityArea streetAddress1
        streetAddress2 countryArea country { country code } firstName lastName }
      total { gross { ...Money } tax { ...Money } }
      shippingPrice { gross { ...Money } }
      subtotal { gross { ...Money } }
      lines { ...OrderLineFragment }
      totalBalance { ...Money }
      totalCaptured { ...Money }
      voucher { code }
      deliveryMethod { ...ShippingFragment }
    }
    fragment ShippingFragment on ShippingMethod {
      name minimumDeliveryDays maximumDeliveryDays
    }
    query order($id: ID!, $languageCode: LanguageCodeEnum!) {
      order(id: $id) { ...OrderFragment }
    }
    """
    body = api(query, {"id": order_gid(order), "languageCode": "VI"})
    assert "errors" not in body, body
    data = body["data"]["order"]
    assert data["lines"][0]["quantity"] == 2 and data["voucher"] is None
    assert data["deliveryMethod"]["name"] == order.shipping_method_name
    assert data["deliveryMethod"]["minimumDeliveryDays"] is not None


# --- me.orders -------------------------------------------------------------------------------
ME_ORDERS = """
query($first: Int, $after: String) {
  me {
    orders(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id number created status statusDisplay paymentStatus
        total { gross { amount currency } }
        lines { quantity variant { id name product { id name slug thumbnail { url alt }
          category { id name } } pricing { price { gross { amount currency } } } } } } }
    }
  }
}
"""


def test_me_orders_lists_the_buyers_orders_newest_first_with_keyset_pages(api, shipping):
    buyer, other = user_create(), user_create()
    variant = variant_of(make_product(stock=20))
    mine = [place_order(shipping, [(variant, 1)], user=buyer) for _ in range(3)]
    place_order(shipping, [(variant, 1)], user=other)
    token = token_of(buyer)
    first = api(ME_ORDERS, {"first": 2}, token=token)
    assert "errors" not in first, first
    page = first["data"]["me"]["orders"]
    assert page["totalCount"] == 3 and page["pageInfo"]["hasNextPage"] is True
    numbers = [e["node"]["number"] for e in page["edges"]]
    assert numbers == [str(mine[2].number), str(mine[1].number)]
    second = api(ME_ORDERS, {"first": 2, "after": page["pageInfo"]["endCursor"]}, token=token)
    page2 = second["data"]["me"]["orders"]
    assert [e["node"]["number"] for e in page2["edges"]] == [str(mine[0].number)]
    assert page2["pageInfo"]["hasNextPage"] is False
    counts = []
    for size in (1, 3):
        with CaptureQueriesContext(connection) as queries:
            assert "errors" not in api(ME_ORDERS, {"first": size}, token=token)
        counts.append(len(queries))
    print(f"me.orders SQL queries: first 1 → {counts[0]}, first 3 → {counts[1]}")
    assert counts[0] == counts[1]


def test_me_orders_needs_first_or_last(api, db):
    body = api("{ me { orders { edges { node { id } } } } }", token=token_of(user_create()))
    assert "You must provide a `first` or `last`" in body["errors"][0]["message"]


# --- Fulfil ----------------------------------------------------------------------------------
FULFILL = """
mutation($order: ID, $input: OrderFulfillInput!) {
  orderFulfill(order: $order, input: $input) {
    fulfillments { id fulfillmentOrder status trackingNumber lines { quantity orderLine { id } } }
    order { id status lines { id quantityFulfilled } trackingNumbers }
    errors { field code message orderLines warehouse }
    orderErrors { code }
  }
}
"""


def fulfil_input(lines, tracking="VNP123456789"):
    return {
        "lines": [
            {
                "orderLineId": global_id("OrderLine", line.pk),
                "stocks": [
                    {
                        "quantity": quantity,
                        "warehouse": global_id("Warehouse", line.producer.warehouses.first().pk),
                    }
                ],
            }
            for line, quantity in lines
        ],
        "trackingNumber": tracking,
    }


def snapshot(order: Order) -> tuple:
    return (
        sorted(Stock.objects.values_list("pk", "quantity", "quantity_allocated")),
        sorted(Allocation.objects.values_list("pk", "quantity_allocated")),
        sorted(order.lines.values_list("pk", "quantity_fulfilled")),
        Fulfillment.objects.count(),
        OrderEvent.objects.count(),
        OutboxEvent.objects.filter(topic="order.fulfilled").count(),
        Order.objects.get(pk=order.pk).status,
    )


def test_a_producer_member_fulfils_its_lines(
    api, two_producers, django_capture_on_commit_callbacks
):
    order, member = two_producers["order"], two_producers["member_a"]
    a1, a2, _b1 = two_producers["variants"]
    la1, la2 = line_of(order, a1), line_of(order, a2)
    with django_capture_on_commit_callbacks(execute=True):
        body = api(
            FULFILL,
            {"order": order_gid(order), "input": fulfil_input([(la1, 2), (la2, 1)])},
            token=token_of(member),
        )
    payload = body["data"]["orderFulfill"]
    assert payload["errors"] == [] and payload["orderErrors"] == [], body
    (fulfillment,) = payload["fulfillments"]
    assert fulfillment["trackingNumber"] == "VNP123456789" and fulfillment["status"] == "FULFILLED"
    assert sorted(li["quantity"] for li in fulfillment["lines"]) == [1, 2]
    assert payload["order"]["status"] == "PARTIALLY_FULFILLED"
    assert payload["order"]["trackingNumbers"] == ["VNP123456789"]
    # Stock left the warehouse and the allocations went with it.
    assert (stock_of(a1).quantity, stock_of(a1).quantity_allocated) == (8, 0)
    assert (stock_of(a2).quantity, stock_of(a2).quantity_allocated) == (9, 0)
    assert not Allocation.objects.filter(order_line__in=[la1, la2]).exists()
    assert Allocation.objects.filter(order_line__order=order).count() == 1  # B's line
    la1.refresh_from_db()
    assert la1.quantity_fulfilled == 2
    events = list(order.events.values_list("type", flat=True))
    assert OrderEventType.FULFILLMENT_FULFILLED_ITEMS in events
    assert OrderEventType.TRACKING_UPDATED in events
    outbox = OutboxEvent.objects.get(topic="order.fulfilled")
    assert outbox.payload["order_id"] == str(order.pk) and outbox.done_at is not None
    shipped = [m for m in mail.outbox if "VNP123456789" in m.body]
    assert len(shipped) == 1 and shipped[0].to == [order.user_email]


def test_fulfilling_the_last_lines_marks_the_order_fulfilled(two_producers):
    order = two_producers["order"]
    a1, a2, b1 = two_producers["variants"]
    fulfilment.order_fulfill(
        order=order,
        lines=[(line_of(order, a1), 1)],
        tracking_number="A1",
        user=two_producers["member_a"],
    )
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PARTIALLY_FULFILLED
    result = fulfilment.order_fulfill(
        order=order,
        lines=[(line_of(order, a1), 1), (line_of(order, a2), 1), (line_of(order, b1), 3)],
        tracking_number="ALL",
        user=two_producers["staff"],
    )
    # Staff fulfilling two producers' lines makes one fulfilment per producer.
    assert sorted(f.producer_id for f in result.fulfillments) == sorted(
        [two_producers["a"].pk, two_producers["b"].pk]
    )
    assert [f.fulfillment_order for f in order.fulfillments.order_by("pk")] == [1, 2, 3]
    assert Order.objects.get(pk=order.pk).status == OrderStatus.FULFILLED
    assert not Allocation.objects.filter(order_line__order=order).exists()
    assert stock_of(b1).quantity == 7 and stock_of(b1).quantity_allocated == 0


def test_fulfilling_more_than_ordered_is_refused_and_changes_nothing(api, two_producers):
    order, member = two_producers["order"], two_producers["member_a"]
    la1 = line_of(order, two_producers["variants"][0])
    before = snapshot(order)
    body = api(
        FULFILL,
        {"order": order_gid(order), "input": fulfil_input([(la1, 3)])},
        token=token_of(member),
    )
    errors = body["data"]["orderFulfill"]["errors"]
    assert [e["code"] for e in errors] == ["FULFILL_ORDER_LINE"]
    assert errors[0]["orderLines"] == [global_id("OrderLine", la1.pk)]
    assert snapshot(order) == before


def test_zero_and_negative_quantities_are_refused(api, two_producers):
    order, member = two_producers["order"], two_producers["member_a"]
    la1 = line_of(order, two_producers["variants"][0])
    before = snapshot(order)
    for quantity, code in ((0, "ZERO_QUANTITY"), (-1, "INVALID_QUANTITY")):
        body = api(
            FULFILL,
            {"order": order_gid(order), "input": fulfil_input([(la1, quantity)])},
            token=token_of(member),
        )
        assert [e["code"] for e in body["data"]["orderFulfill"]["errors"]] == [code]
    assert snapshot(order) == before


def test_another_producers_member_cannot_fulfil_and_nothing_changes(api, two_producers):
    order = two_producers["order"]
    la1 = line_of(order, two_producers["variants"][0])
    before = snapshot(order)
    for intruder in (two_producers["member_b"], two_producers["buyer"], None):
        body = api(
            FULFILL,
            {"order": order_gid(order), "input": fulfil_input([(la1, 1)])},
            token=token_of(intruder),
        )
        assert body["data"]["orderFulfill"] is None
        assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert snapshot(order) == before


def test_a_member_cannot_mix_another_producers_line_in(two_producers):
    order = two_producers["order"]
    a1, _a2, b1 = two_producers["variants"]
    before = snapshot(order)
    with pytest.raises(services.PermissionDenied):
        fulfilment.order_fulfill(
            order=order,
            lines=[(line_of(order, a1), 1), (line_of(order, b1), 1)],
            tracking_number="X",
            user=two_producers["member_a"],
        )
    assert snapshot(order) == before


def test_a_line_of_another_order_is_not_found(api, two_producers, shipping):
    other = place_order(shipping, [(two_producers["variants"][0], 1)])
    foreign = other.lines.get()
    body = api(
        FULFILL,
        {"order": order_gid(two_producers["order"]), "input": fulfil_input([(foreign, 1)])},
        token=token_of(two_producers["member_a"]),
    )
    assert [e["code"] for e in body["data"]["orderFulfill"]["errors"]] == ["NOT_FOUND"]


# --- Cancel ----------------------------------------------------------------------------------
CANCEL = """
mutation($id: ID!) { orderCancel(id: $id) {
  order { id status } errors { field code message } } }
"""


def test_cancel_releases_allocations_and_refuses_twice(api, two_producers):
    order, staff = two_producers["order"], two_producers["staff"]
    a1, _a2, b1 = two_producers["variants"]
    assert stock_of(a1).quantity_allocated == 2
    body = api(CANCEL, {"id": order_gid(order)}, token=token_of(staff))
    payload = body["data"]["orderCancel"]
    assert payload["errors"] == [] and payload["order"]["status"] == "CANCELED"
    assert stock_of(a1).quantity_allocated == 0 and stock_of(b1).quantity_allocated == 0
    assert stock_of(a1).quantity == 10  # nothing shipped, nothing taken
    assert not Allocation.objects.filter(order_line__order=order).exists()
    assert order.events.filter(type=OrderEventType.CANCELED).exists()
    assert OutboxEvent.objects.filter(topic="order.canceled").count() == 1
    again = api(CANCEL, {"id": order_gid(order)}, token=token_of(staff))
    assert [e["code"] for e in again["data"]["orderCancel"]["errors"]] == ["CANNOT_CANCEL_ORDER"]
    assert OutboxEvent.objects.filter(topic="order.canceled").count() == 1


def test_the_buyer_may_cancel_before_anything_ships_but_not_after(api, two_producers, shipping):
    order, buyer = two_producers["order"], two_producers["buyer"]
    a1 = two_producers["variants"][0]
    fulfilment.order_fulfill(
        order=order, lines=[(line_of(order, a1), 1)], user=two_producers["member_a"]
    )
    body = api(CANCEL, {"id": order_gid(order)}, token=token_of(buyer))
    assert [e["code"] for e in body["data"]["orderCancel"]["errors"]] == ["CANNOT_CANCEL_ORDER"]
    fresh = place_order(shipping, [(a1, 1)], user=buyer)
    body = api(CANCEL, {"id": order_gid(fresh)}, token=token_of(buyer))
    assert body["data"]["orderCancel"]["order"]["status"] == "CANCELED"


def test_a_fulfilled_order_cannot_be_cancelled(two_producers):
    order = two_producers["order"]
    fulfilment.order_fulfill(
        order=order,
        lines=[(line, line.quantity) for line in order.lines.all()],
        user=two_producers["staff"],
    )
    with pytest.raises(services.ValidationError) as refused:
        services.order_cancel(order=order, user=two_producers["staff"])
    assert refused.value.error_dict["id"][0].code == "cannot_cancel_order"


def test_producer_members_and_strangers_cannot_cancel(api, two_producers):
    order = two_producers["order"]
    body = api(CANCEL, {"id": order_gid(order)}, token=token_of(two_producers["member_a"]))
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    stranger = api(CANCEL, {"id": order_gid(order)}, token=token_of(user_create()))
    assert [e["code"] for e in stranger["data"]["orderCancel"]["errors"]] == ["NOT_FOUND"]
    anonymous = api(CANCEL, {"id": order_gid(order)})
    assert anonymous["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert Order.objects.get(pk=order.pk).status == OrderStatus.UNFULFILLED
    assert stock_of(two_producers["variants"][0]).quantity_allocated == 2


STOREFRONT_USER_ORDERS = """
fragment UserDetails on User { id lastName firstName email isStaff metadata { key value }
  avatar { url alt } }
fragment AddressDetails on Address { id firstName lastName companyName streetAddress1
  streetAddress2 city cityArea postalCode countryArea country { code country } phone }
fragment OrderDetails on Order {
  id number created total { gross { amount currency } }
  lines { variant { id name product { id name description slug thumbnail { url alt }
    category { id name } } pricing { price { gross { amount currency } } } } quantity }
  status statusDisplay paymentStatus
}
fragment OrderFullDetails on Order {
  id number created status statusDisplay paymentStatus isPaid
  shippingAddress { ...AddressDetails } billingAddress { ...AddressDetails }
  subtotal { gross { amount currency } } shippingPrice { gross { amount currency } }
  total { gross { amount currency } tax { amount currency } }
  lines { id quantity variant { id name product { id name slug thumbnail { url alt } }
    pricing { price { gross { amount currency } } } } }
  fulfillments { id status created trackingNumber lines { id quantity orderLine { id } } }
}
query CurrentUserOrderList { me { ...UserDetails orders(first: 10) { edges { node {
  ...OrderDetails } } } } }
query OrderByNumber($first: Int) { me { orders(first: $first) { edges { node {
  ...OrderFullDetails } } } } }
"""


def test_storefront_user_order_operations_run(shipping, django_capture_on_commit_callbacks):
    import json

    from django.test import Client

    buyer = user_create()
    variant = variant_of(make_product(stock=5))
    order = place_order(shipping, [(variant, 2)], user=buyer, email=buyer.email)
    fulfilment.order_fulfill(
        order=order, lines=[(order.lines.get(), 1)], tracking_number="T-1", user=buyer_staff()
    )
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token_of(buyer)}")
    for name, variables in (("CurrentUserOrderList", {}), ("OrderByNumber", {"first": 10})):
        body = client.post(
            "/graphql/",
            data=json.dumps(
                {"query": STOREFRONT_USER_ORDERS, "operationName": name, "variables": variables}
            ),
            content_type="application/json",
        ).json()
        assert "errors" not in body, body
        (edge,) = body["data"]["me"]["orders"]["edges"]
        assert edge["node"]["number"] == str(order.number)
        assert edge["node"]["status"] == "PARTIALLY_FULFILLED"
    assert edge["node"]["fulfillments"][0]["trackingNumber"] == "T-1"


def buyer_staff() -> User:
    return user_create(is_staff=True)


# --- Admin and periodic tasks ----------------------------------------------------------------
def test_order_admin_pages_render_read_only(client, two_producers):
    admin_user = User.objects.create_superuser(email="admin@example.vn", password="x-Admin-2025")
    client.force_login(admin_user)
    order = two_producers["order"]
    fulfilment.order_fulfill(
        order=order, lines=[(order.lines.first(), 1)], tracking_number="AD-1", user=admin_user
    )
    assert client.get("/admin/orders/order/").status_code == 200
    assert client.get("/admin/orders/order/?q=Arabica").status_code == 200
    page = client.get(f"/admin/orders/order/{order.pk}/change/")
    assert page.status_code == 200 and "Cà phê Arabica" in page.content.decode()
    fulfillment = order.fulfillments.get()
    assert client.get(f"/admin/orders/fulfillment/{fulfillment.pk}/change/").status_code == 200
    assert client.get("/admin/orders/order/add/").status_code == 403


def test_periodic_tasks_are_registered_and_expire_checkouts(shipping):
    import datetime

    from django.utils import timezone

    from orders.models import Checkout
    from orders.tasks import CELERY_BEAT_SCHEDULE, checkouts_expire_task
    from shop.celery import app

    app.loader.import_default_modules()  # what a worker does at start: autodiscover tasks.py
    for entry in CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks
    stale = checkout_services.checkout_create(
        channel=default_channel(),
        lines=[
            {
                "variant_id": global_id("ProductVariant", variant_of(make_product()).pk),
                "quantity": 1,
            }
        ],
    )
    Checkout.objects.filter(pk=stale.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=365)
    )
    assert checkouts_expire_task.delay().get() == 1  # one checkout (its lines not counted)
    assert not Checkout.objects.filter(pk=stale.pk).exists()


# --- Races (PostgreSQL, real threads and commits) --------------------------------------------
def _concurrently(*calls) -> list:
    """Run each call in its own thread at the same moment; return results or exceptions."""
    import threading

    from django.db import connections

    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int, call) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except Exception as exc:  # noqa: BLE001 (the outcome is what the test inspects)
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_fulfilments_of_the_same_units_ship_them_once():
    from django.core.management import call_command

    call_command("seed_shipping", verbosity=0)
    shipping_methods = {m.slug: m for m in ShippingMethod.objects.all()}
    producer = make_producer()
    variant = variant_of(make_product(producer=producer, stock=5))
    order = place_order(shipping_methods, [(variant, 3)])
    line = order.lines.get()
    members = [user_create(producer=producer), user_create(producer=producer)]
    results = _concurrently(
        *[
            lambda m=m: fulfilment.order_fulfill(
                order=order, lines=[(line, 3)], tracking_number="R", user=m
            )
            for m in members
        ]
    )
    successes = [r for r in results if isinstance(r, fulfilment.FulfillmentResult)]
    refusals = [r for r in results if isinstance(r, services.ValidationError)]
    assert len(successes) == 1 and len(refusals) == 1, results
    # The loser waited for the order lock, then saw the line (or the order) fully shipped.
    assert set(refusals[0].error_dict) <= {"order_line_id", "order"}
    stock = stock_of(variant)
    assert (stock.quantity, stock.quantity_allocated) == (2, 0)
    assert OrderLine.objects.get(pk=line.pk).quantity_fulfilled == 3
    assert Fulfillment.objects.filter(order=order).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_cancel_racing_a_fulfilment_leaves_stock_consistent():
    from django.core.management import call_command

    call_command("seed_shipping", verbosity=0)
    shipping_methods = {m.slug: m for m in ShippingMethod.objects.all()}
    producer = make_producer()
    variant = variant_of(make_product(producer=producer, stock=5))
    buyer = user_create()
    order = place_order(shipping_methods, [(variant, 2)], user=buyer)
    line = order.lines.get()
    member = user_create(producer=producer)
    results = _concurrently(
        lambda: fulfilment.order_fulfill(order=order, lines=[(line, 2)], user=member),
        lambda: services.order_cancel(order=order, user=buyer),
    )
    stock = stock_of(variant)
    status = Order.objects.get(pk=order.pk).status
    assert sum(isinstance(r, Exception) for r in results) == 1, results
    if status == OrderStatus.FULFILLED:
        assert (stock.quantity, stock.quantity_allocated) == (3, 0)
    else:
        assert status == OrderStatus.CANCELED
        assert (stock.quantity, stock.quantity_allocated) == (5, 0)
    assert not Allocation.objects.filter(order_line__order=order).exists()


def test_checkout_complete_returns_the_full_order_in_a_fixed_number_of_queries(api, shipping):
    """``checkoutComplete``'s payload is this module's ``Order``: the buyer sees every line, and
    reading it costs the same for 1 line or 4 (the completion's own writes grow per line: that
    part is measured with ``order { id }`` and subtracted)."""
    from tests.orders.test_checkout_graphql import cid, ready

    complete = """
    mutation($id: ID) { checkoutComplete(id: $id) {
      order { id %s }
      errors { code } } }
    """
    full = """number status userEmail lines { productName quantity thumbnail { url }
        variant { name product { name } } } deliveryParcels { price { amount } }
        total { gross { amount } } events { type }"""

    def measure(size: int, selection: str) -> tuple[int, dict]:
        variants = [(variant_of(make_product(producer=make_producer())), 1) for _ in range(size)]
        checkout = ready(api, shipping, variants)
        with CaptureQueriesContext(connection) as queries:
            body = api(complete % selection, {"id": cid(checkout)})
        assert "errors" not in body, body
        return len(queries), body["data"]["checkoutComplete"]["order"]

    reading = []
    for size in (1, 4):
        lean, _order = measure(size, "")
        rich, order = measure(size, full)
        assert len(order["lines"]) == size and order["status"] == "UNFULFILLED"
        assert order["events"] == [] and len(order["deliveryParcels"]) == size
        reading.append(rich - lean)
    print(f"checkoutComplete order payload SQL queries: 1 line → {reading[0]}, 4 → {reading[1]}")
    assert reading[0] == reading[1]


def test_a_line_allocated_from_two_warehouses_ships_from_both(shipping):
    from catalog.models import Warehouse

    producer = make_producer()
    variant = variant_of(make_product(producer=producer, stock=1))
    first = producer.warehouses.get()
    second = Warehouse.objects.create(
        name="Kho phụ",
        slug=f"{first.slug}-2",
        producer=producer,
        province_id=first.province_id,
        ward_id=first.ward_id,
    )
    Stock.objects.create(variant=variant, warehouse=second, quantity=2)
    order = place_order(shipping, [(variant, 3)])
    assert Allocation.objects.filter(order_line__order=order).count() == 2
    result = fulfilment.order_fulfill(
        order=order, lines=[(order.lines.get(), 3)], user=user_create(producer=producer)
    )
    items = sorted(result.fulfillments[0].lines.values_list("stock__warehouse_id", "quantity"))
    assert items == [(first.pk, 1), (second.pk, 2)]
    assert sorted(
        Stock.objects.filter(variant=variant).values_list("quantity", "quantity_allocated")
    ) == [
        (0, 0),
        (0, 0),
    ]
    event = order.events.get(type=OrderEventType.FULFILLMENT_FULFILLED_ITEMS)
    assert event.parameters["lines"] == [{"line_pk": str(order.lines.get().pk), "quantity": 3}]
