"""Cash on delivery through Saleor's Transactions API, end to end over GraphQL, plus the
idempotency, cap, mark-as-paid, cancel-refund and permission rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from orders.models import Checkout, Order, OrderEvent, OrderEventType, OrderStatus
from payments.models import TransactionEvent, TransactionItem
from payments.services import on_order_canceled
from shop.graphql.ids import global_id
from tests.catalog.factories import make_producer, make_product, variant_of
from tests.orders.test_checkout_graphql import cid, ready
from tests.orders.test_orders import fulfil_input, order_gid, token_of, user_create

pytestmark = pytest.mark.django_db

COD = "ocop.payments.cod"

GATEWAYS_INIT = """
mutation($id: ID!, $gateways: [PaymentGatewayToInitialize!]) {
  paymentGatewayInitialize(id: $id, paymentGateways: $gateways) {
    gatewayConfigs { id data errors { field code message } }
    errors { field code message }
  }
}
"""
TX_INIT = """
mutation($id: ID!, $gateway: PaymentGatewayToInitialize!, $amount: PositiveDecimal,
         $key: String) {
  transactionInitialize(id: $id, paymentGateway: $gateway, amount: $amount,
                        idempotencyKey: $key, action: AUTHORIZATION) {
    transaction { id actions name authorizedAmount { amount currency }
                  chargedAmount { amount } events { type amount { amount } } }
    transactionEvent { id type message amount { amount } }
    data
    errors { field code message }
  }
}
"""
TX_PROCESS = """
mutation($id: ID!) {
  transactionProcess(id: $id, data: {}) {
    transaction { id actions authorizedAmount { amount } }
    transactionEvent { type }
    data
    errors { field code message }
  }
}
"""
CHECKOUT = """
query($id: ID!) {
  checkout(id: $id) {
    authorizeStatus chargeStatus totalBalance { amount }
    totalPrice { gross { amount } }
    availablePaymentGateways { id name }
    transactions { id authorizedAmount { amount } }
  }
}
"""
COMPLETE = """
mutation($id: ID!) {
  checkoutComplete(id: $id) {
    order { id number isPaid chargeStatus authorizeStatus }
    errors { field code message }
  }
}
"""
MARK_PAID = """
mutation($id: ID!, $ref: String) {
  orderMarkAsPaid(id: $id, transactionReference: $ref) {
    order { id isPaid chargeStatus authorizeStatus paymentStatus
            totalCharged { amount } totalCaptured { amount } totalBalance { amount }
            transactions { id chargedAmount { amount } authorizedAmount { amount }
                           events { type amount { amount } pspReference } } }
    errors { field code message }
  }
}
"""
FULFILL = """
mutation($order: ID, $input: OrderFulfillInput!) {
  orderFulfill(order: $order, input: $input) { order { status } errors { code message } }
}
"""
CANCEL = """
mutation($id: ID!) { orderCancel(id: $id) { order { status } errors { code message } } }
"""
ORDER = """
query($id: ID!) {
  order(id: $id) {
    isPaid chargeStatus authorizeStatus paymentStatus totalRefunded { amount }
    totalBalance { amount }
    transactions { refundedAmount { amount } canceledAmount { amount } chargedAmount { amount }
                   authorizedAmount { amount } events { type } }
  }
}
"""


def data_of(body: dict) -> dict:
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


@pytest.fixture
def shop(shipping):
    producer = make_producer("HTX Cà phê Lạc Dương")
    variant = variant_of(make_product("Cà phê Arabica", producer=producer, prices=(150000,)))
    other = make_producer("HTX Dâu tây Đà Lạt")
    return {
        "producer": producer,
        "variant": variant,
        "member": user_create(producer=producer),
        "stranger": user_create(producer=other),
        "staff": user_create(is_staff=True),
    }


def cod_init(api, checkout: Checkout, key: str | None = None, amount=None) -> dict:
    variables = {"id": cid(checkout), "gateway": {"id": COD}, "key": key, "amount": amount}
    return data_of(api(TX_INIT, variables))


def paid_cod_order(api, shop, django_capture_on_commit_callbacks) -> Order:
    checkout = ready(api, shop["shipping"], [(shop["variant"], 2)], pay=False)
    assert cod_init(api, checkout)["errors"] == []
    payload = data_of(api(COMPLETE, {"id": cid(checkout)}))
    assert payload["errors"] == [], payload
    order = Order.objects.get()
    payload = data_of(api(MARK_PAID, {"id": order_gid(order)}, token=token_of(shop["staff"])))
    assert payload["errors"] == [] and payload["order"]["isPaid"] is True
    return order


@pytest.fixture
def shop_with_shipping(shop, shipping):
    shop["shipping"] = shipping
    return shop


# --- End to end ------------------------------------------------------------------------------
def test_cod_flow_end_to_end(api, shop_with_shipping, django_capture_on_commit_callbacks):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 2)], pay=False)
    view = data_of(api(CHECKOUT, {"id": cid(checkout)}))
    total = view["totalPrice"]["gross"]["amount"]
    assert view["authorizeStatus"] == "NONE" and view["chargeStatus"] == "NONE"
    assert view["availablePaymentGateways"][0]["id"] == COD
    assert view["transactions"] == [] and view["totalBalance"]["amount"] == -total

    configs = data_of(api(GATEWAYS_INIT, {"id": cid(checkout), "gateways": None}))
    assert configs["errors"] == []
    assert [c["id"] for c in configs["gatewayConfigs"]] == [COD]
    assert configs["gatewayConfigs"][0]["errors"] == []

    init = cod_init(api, checkout, key="attempt-1")
    assert init["errors"] == [], init
    assert init["transactionEvent"]["type"] == "AUTHORIZATION_SUCCESS"
    assert init["transaction"]["authorizedAmount"] == {"amount": total, "currency": "VND"}
    assert set(init["transaction"]["actions"]) == {"CHARGE", "CANCEL"}
    assert init["transaction"]["name"] == "Thanh toán khi nhận hàng (COD)"

    processed = data_of(api(TX_PROCESS, {"id": init["transaction"]["id"]}))
    assert processed["errors"] == [] and processed["transaction"]["id"] == init["transaction"]["id"]

    view = data_of(api(CHECKOUT, {"id": cid(checkout)}))
    assert view["authorizeStatus"] == "FULL" and view["chargeStatus"] == "NONE"
    assert [t["id"] for t in view["transactions"]] == [init["transaction"]["id"]]

    with django_capture_on_commit_callbacks(execute=True):
        completed = data_of(api(COMPLETE, {"id": cid(checkout)}))
    assert completed["errors"] == [], completed
    assert completed["order"]["isPaid"] is False
    assert completed["order"]["authorizeStatus"] == "FULL"
    assert completed["order"]["chargeStatus"] == "NONE"
    order = Order.objects.get()

    line = order.lines.get()
    with django_capture_on_commit_callbacks(execute=True):
        fulfilled = data_of(
            api(
                FULFILL,
                {"order": order_gid(order), "input": fulfil_input([(line, 2)])},
                token=token_of(shop["member"]),
            )
        )
    assert fulfilled["errors"] == [] and fulfilled["order"]["status"] == "FULFILLED"

    paid = data_of(
        api(MARK_PAID, {"id": order_gid(order), "ref": "COD-0001"}, token=token_of(shop["staff"]))
    )
    assert paid["errors"] == [], paid
    result = paid["order"]
    assert result["isPaid"] is True and result["chargeStatus"] == "FULL"
    assert result["paymentStatus"] == "FULLY_CHARGED"
    assert result["totalCharged"]["amount"] == total == result["totalCaptured"]["amount"]
    assert result["totalBalance"]["amount"] == 0
    (tx,) = result["transactions"]
    assert tx["chargedAmount"]["amount"] == total and tx["authorizedAmount"]["amount"] == 0
    assert [e["type"] for e in tx["events"]] == ["AUTHORIZATION_SUCCESS", "CHARGE_SUCCESS"]
    assert tx["events"][1]["pspReference"] == "COD-0001"
    types = list(order.events.values_list("type", flat=True))
    assert OrderEventType.ORDER_MARKED_AS_PAID in types
    assert OrderEventType.ORDER_FULLY_PAID in types
    # The transaction stays linked to the order after the checkout is gone.
    assert TransactionItem.objects.get().checkout_id is None


def test_checkout_complete_without_a_transaction_is_not_fully_paid(api, shop_with_shipping):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    payload = data_of(api(COMPLETE, {"id": cid(checkout)}))
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("id", "CHECKOUT_NOT_FULLY_PAID")
    ]
    assert Order.objects.count() == 0


def test_partial_authorization_is_partial_and_does_not_complete(api, shop_with_shipping):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    assert cod_init(api, checkout, amount=1000)["errors"] == []
    assert data_of(api(CHECKOUT, {"id": cid(checkout)}))["authorizeStatus"] == "PARTIAL"
    assert data_of(api(COMPLETE, {"id": cid(checkout)}))["errors"][0]["code"] == (
        "CHECKOUT_NOT_FULLY_PAID"
    )
    # The default amount is what is still uncovered.
    second = cod_init(api, checkout)
    total = data_of(api(CHECKOUT, {"id": cid(checkout)}))["totalPrice"]["gross"]["amount"]
    assert second["transaction"]["authorizedAmount"]["amount"] == total - 1000
    assert data_of(api(CHECKOUT, {"id": cid(checkout)}))["authorizeStatus"] == "FULL"


# --- Idempotency -----------------------------------------------------------------------------
def test_one_idempotency_key_makes_one_transaction(api, shop_with_shipping):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    first = cod_init(api, checkout, key="double-click")
    second = cod_init(api, checkout, key="double-click")
    assert first["errors"] == second["errors"] == []
    assert first["transaction"]["id"] == second["transaction"]["id"]
    assert TransactionItem.objects.count() == 1
    assert TransactionEvent.objects.filter(type="AUTHORIZATION_SUCCESS").count() == 1
    # Covered already: a new key has nothing left to authorise.
    third = cod_init(api, checkout, key="another")
    assert [(e["field"], e["code"]) for e in third["errors"]] == [("amount", "INVALID")]


def test_cod_is_refused_over_the_cap(api, shop_with_shipping, settings):
    shop = shop_with_shipping
    settings.COD_MAX_ORDER_TOTAL = 100_000
    checkout = ready(api, shop["shipping"], [(shop["variant"], 2)], pay=False)
    payload = cod_init(api, checkout)
    assert payload["transaction"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("amount", "INVALID")]
    assert TransactionItem.objects.count() == 0
    configs = data_of(api(GATEWAYS_INIT, {"id": cid(checkout), "gateways": [{"id": COD}]}))
    assert configs["gatewayConfigs"][0]["data"] == {"maxTotal": "100000"}


def test_unknown_gateway_is_an_error(api, shop_with_shipping):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    body = api(TX_INIT, {"id": cid(checkout), "gateway": {"id": "nope"}})
    assert data_of(body)["errors"][0]["code"] == "NOT_FOUND"
    configs = data_of(api(GATEWAYS_INIT, {"id": cid(checkout), "gateways": [{"id": "nope"}]}))
    assert configs["gatewayConfigs"][0]["errors"][0]["code"] == "NOT_FOUND"


# --- orderMarkAsPaid -------------------------------------------------------------------------
def test_mark_as_paid_twice_charges_once(
    api, shop_with_shipping, django_capture_on_commit_callbacks
):
    shop = shop_with_shipping
    order = paid_cod_order(api, shop, django_capture_on_commit_callbacks)
    again = data_of(api(MARK_PAID, {"id": order_gid(order)}, token=token_of(shop["member"])))
    assert again["errors"] == [] and again["order"]["isPaid"] is True
    assert TransactionEvent.objects.filter(type="CHARGE_SUCCESS").count() == 1
    assert order.events.filter(type=OrderEventType.ORDER_MARKED_AS_PAID).count() == 1
    assert again["order"]["totalCharged"]["amount"] == float(order.total_gross_amount)


def test_only_staff_or_the_orders_producers_mark_as_paid(
    api, shop_with_shipping, django_capture_on_commit_callbacks
):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    cod_init(api, checkout)
    data_of(api(COMPLETE, {"id": cid(checkout)}))
    order = Order.objects.get()
    for user in (None, shop["stranger"], user_create()):
        body = api(MARK_PAID, {"id": order_gid(order)}, token=token_of(user))
        assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied", body
    assert TransactionEvent.objects.filter(type="CHARGE_SUCCESS").count() == 0
    payload = data_of(api(MARK_PAID, {"id": order_gid(order)}, token=token_of(shop["member"])))
    assert payload["errors"] == [] and payload["order"]["isPaid"] is True


# --- Cancel ----------------------------------------------------------------------------------
def test_cancel_of_a_paid_cod_order_refunds_the_cash(
    api, shop_with_shipping, django_capture_on_commit_callbacks
):
    shop = shop_with_shipping
    order = paid_cod_order(api, shop, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        payload = data_of(api(CANCEL, {"id": order_gid(order)}, token=token_of(shop["staff"])))
    assert payload["errors"] == [] and payload["order"]["status"] == "CANCELED"
    view = data_of(api(ORDER, {"id": order_gid(order)}, token=token_of(shop["staff"])))
    (tx,) = view["transactions"]
    total = float(order.total_gross_amount)
    assert tx["refundedAmount"]["amount"] == total and tx["chargedAmount"]["amount"] == 0
    assert [e["type"] for e in tx["events"]][-1] == "REFUND_SUCCESS"
    assert view["isPaid"] is False and view["paymentStatus"] == "FULLY_REFUNDED"
    assert view["totalRefunded"]["amount"] == total
    assert order.events.filter(type=OrderEventType.PAYMENT_REFUNDED).count() == 1
    # A redelivered event changes nothing.
    on_order_canceled({"order_id": str(order.pk)})
    assert TransactionEvent.objects.filter(type="REFUND_SUCCESS").count() == 1


def test_cancel_of_an_unpaid_cod_order_cancels_the_authorization(
    api, shop_with_shipping, django_capture_on_commit_callbacks
):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    cod_init(api, checkout)
    data_of(api(COMPLETE, {"id": cid(checkout)}))
    order = Order.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        data_of(api(CANCEL, {"id": order_gid(order)}, token=token_of(shop["staff"])))
    assert Order.objects.get().status == OrderStatus.CANCELED
    tx = TransactionItem.objects.get()
    assert tx.authorized_value == 0 and tx.canceled_value == order.total_gross_amount
    assert tx.refunded_value == Decimal(0)
    assert list(tx.events.values_list("type", flat=True)) == [
        "AUTHORIZATION_SUCCESS",
        "CANCEL_SUCCESS",
    ]
    assert not OrderEvent.objects.filter(type=OrderEventType.PAYMENT_REFUNDED).exists()
    staff = token_of(shop["staff"])
    refused = data_of(api(MARK_PAID, {"id": order_gid(order)}, token=staff))
    assert refused["errors"][0]["code"] == "INVALID"


def test_transaction_ids_are_saleor_global_ids(api, shop_with_shipping):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    payload = cod_init(api, checkout)
    tx = TransactionItem.objects.get()
    assert payload["transaction"]["id"] == global_id("TransactionItem", tx.pk)


# --- transactionRequestAction ----------------------------------------------------------------
REQUEST_ACTION = """
mutation($id: ID!, $action: TransactionActionEnum!, $amount: PositiveDecimal) {
  transactionRequestAction(id: $id, actionType: $action, amount: $amount) {
    transaction { id actions chargedAmount { amount } refundedAmount { amount }
                  authorizedAmount { amount } canceledAmount { amount } }
    errors { field code message }
  }
}
"""


def test_staff_refunds_part_of_a_paid_cod_order(
    api, shop_with_shipping, django_capture_on_commit_callbacks
):
    shop = shop_with_shipping
    order = paid_cod_order(api, shop, django_capture_on_commit_callbacks)
    tx_id = global_id("TransactionItem", TransactionItem.objects.get().pk)
    total = float(order.total_gross_amount)
    for user in (shop["stranger"], user_create()):
        body = api(REQUEST_ACTION, {"id": tx_id, "action": "REFUND"}, token=token_of(user))
        assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    staff = token_of(shop["staff"])
    over = data_of(
        api(REQUEST_ACTION, {"id": tx_id, "action": "REFUND", "amount": total + 1}, token=staff)
    )
    assert [(e["field"], e["code"]) for e in over["errors"]] == [("amount", "INVALID")]
    part = data_of(
        api(REQUEST_ACTION, {"id": tx_id, "action": "REFUND", "amount": 10000}, token=staff)
    )
    assert part["errors"] == [], part
    assert part["transaction"]["refundedAmount"]["amount"] == 10000
    assert part["transaction"]["chargedAmount"]["amount"] == total - 10000
    view = data_of(api(ORDER, {"id": order_gid(order)}, token=staff))
    assert view["chargeStatus"] == "PARTIAL" and view["paymentStatus"] == "PARTIALLY_REFUNDED"
    assert view["totalBalance"]["amount"] == -10000
    assert order.events.filter(type=OrderEventType.PAYMENT_REFUNDED).count() == 1


def test_producer_member_cancels_an_unpaid_cod_authorization(api, shop_with_shipping):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    cod_init(api, checkout)
    data_of(api(COMPLETE, {"id": cid(checkout)}))
    tx_id = global_id("TransactionItem", TransactionItem.objects.get().pk)
    nothing = data_of(
        api(REQUEST_ACTION, {"id": tx_id, "action": "REFUND"}, token=token_of(shop["member"]))
    )
    assert nothing["errors"][0]["code"] == "INVALID"  # no cash was collected
    canceled = data_of(
        api(REQUEST_ACTION, {"id": tx_id, "action": "CANCEL"}, token=token_of(shop["member"]))
    )
    assert canceled["errors"] == [], canceled
    assert canceled["transaction"]["authorizedAmount"]["amount"] == 0
    assert canceled["transaction"]["actions"] == []


# --- Orders: linking and lists ---------------------------------------------------------------
def test_order_placed_links_the_checkouts_transactions(
    api, shop_with_shipping, django_capture_on_commit_callbacks
):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    cod_init(api, checkout)
    with django_capture_on_commit_callbacks(execute=True):
        data_of(api(COMPLETE, {"id": cid(checkout)}))
    order = Order.objects.get()
    assert TransactionItem.objects.get().order_id == order.pk
    from payments.services import on_order_placed

    on_order_placed({"order_id": str(order.pk)})  # redelivered: nothing changes
    assert TransactionItem.objects.get().order_id == order.pk


ME_ORDERS = """
query($first: Int) {
  me { orders(first: $first) { edges { node {
    number isPaid chargeStatus authorizeStatus totalCharged { amount } totalBalance { amount }
    transactions { id authorizedAmount { amount } }
  } } } }
}
"""


def test_order_lists_read_payments_in_a_fixed_number_of_queries(api, shipping):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from payments.services import order_mark_as_paid
    from tests.orders.test_orders import place_order

    variant = variant_of(make_product("Mật ong bạc hà", prices=(100000,)))
    buyer, staff = user_create(), user_create(is_staff=True)
    orders = [place_order(shipping, [(variant, 1)], user=buyer, email=buyer.email) for _ in "abc"]
    for order in orders[:2]:  # the courier brought the cash of the first two
        order_mark_as_paid(order=order, user=staff)
    counts = []
    for size in (1, 3):
        with CaptureQueriesContext(connection) as queries:
            body = api(ME_ORDERS, {"first": size}, token=token_of(buyer))
        assert "errors" not in body, body
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    nodes = [e["node"] for e in body["data"]["me"]["orders"]["edges"]]
    assert [n["authorizeStatus"] for n in nodes] == ["FULL", "FULL", "FULL"]  # COD, newest first
    assert [len(n["transactions"]) for n in nodes] == [1, 1, 1]
    assert [(n["isPaid"], n["chargeStatus"]) for n in nodes] == [
        (False, "NONE"),
        (True, "FULL"),
        (True, "FULL"),
    ]
