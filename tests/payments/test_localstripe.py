"""Stripe end to end against ``localstripe`` (a fake but stateful Stripe server, PyPI), started
as a real HTTP server on a free 127.0.0.1 port: our GraphQL API → the Stripe SDK → HTTP →
localstripe, and back. Nothing reaches the internet.

What localstripe cannot do (declines with Stripe's error bodies, 500s and the SDK's retries,
timeouts, idempotency-key replay: it ignores ``Idempotency-Key``) is tested at the HTTP level
with ``responses`` in ``test_stripe.py``. Here, "one PaymentIntent per idempotency key" is
therefore our own guarantee (the second ``transactionInitialize`` never reaches Stripe), and
localstripe's list of intents proves it.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest
import stripe

from orders.models import Order, OrderStatus
from payments.models import TransactionEvent, TransactionItem
from tests.orders.test_checkout_graphql import cid, ready
from tests.orders.test_orders import order_gid, token_of
from tests.payments import test_cod_flow
from tests.payments.test_cod_flow import CANCEL, ORDER, data_of

pytestmark = [pytest.mark.stripe, pytest.mark.django_db]

shop = test_cod_flow.shop
shop_with_shipping = test_cod_flow.shop_with_shipping

STRIPE = "saleor.app.payment.stripe"
SECRET_KEY = "sk_test_localstripe"  # localstripe accepts any sk_test_ key
# localstripe's server, bound to the loopback address only (its own CLI listens on every
# interface and reloads its last state from /tmp).
SERVE = (
    "import sys\n"
    "from aiohttp import web\n"
    "from localstripe.server import app\n"
    "web.run_app(app, host='127.0.0.1', port=int(sys.argv[1]), print=None)\n"
)

TX_INIT = """
mutation($id: ID!, $key: String) {
  transactionInitialize(id: $id, paymentGateway: {id: "saleor.app.payment.stripe"},
                        idempotencyKey: $key, action: CHARGE) {
    transaction { id pspReference chargedAmount { amount } }
    transactionEvent { type amount { amount } }
    data
    errors { field code message }
  }
}
"""
TX_PROCESS = """
mutation($id: ID!) {
  transactionProcess(id: $id) {
    transaction { id chargedAmount { amount } authorizedAmount { amount } }
    transactionEvent { type amount { amount } }
    errors { field code message }
  }
}
"""
COMPLETE = """
mutation($id: ID!) {
  checkoutComplete(id: $id) {
    order { id isPaid chargeStatus totalCharged { amount } }
    errors { field code message }
  }
}
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def localstripe_endpoint() -> Iterator[str]:
    """localstripe on a free loopback port for the session; stopped afterwards."""
    port = _free_port()
    endpoint = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", SERVE, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"localstripe exited with code {process.returncode}")
            try:
                httpx.get(
                    f"{endpoint}/v1/payment_intents",
                    headers={"Authorization": f"Bearer {SECRET_KEY}"},
                    timeout=1,
                )
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail("localstripe did not answer within 30 s")
                time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def localstripe(localstripe_endpoint, settings) -> stripe.StripeClient:
    """Our Stripe settings pointed at a freshly emptied localstripe; a client for the test's
    own look at what localstripe holds."""
    httpx.delete(f"{localstripe_endpoint}/_config/data", timeout=5).raise_for_status()
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_localstripe"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_localstripe"
    settings.STRIPE_API_BASE = localstripe_endpoint
    return stripe.StripeClient(SECRET_KEY, base_addresses={"api": localstripe_endpoint})


def intents_on(client: stripe.StripeClient) -> list:
    return list(client.v1.payment_intents.list().data)


def pay_with_test_card(client: stripe.StripeClient, intent_id: str, card: str = "pm_card_visa"):
    """What Stripe.js does in the buyer's browser: attach a card and confirm the intent."""
    client.v1.payment_intents.update(intent_id, params={"payment_method": card})
    return client.v1.payment_intents.confirm(intent_id)


def test_stripe_payment_end_to_end_and_cancel_refunds_it(
    api, shop_with_shipping, localstripe, django_capture_on_commit_callbacks
):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    total = int(checkout_total(api, checkout))

    init = data_of(api(TX_INIT, {"id": cid(checkout), "key": "attempt-1"}))
    assert init["errors"] == [], init
    assert init["transactionEvent"]["type"] == "CHARGE_ACTION_REQUIRED"
    (intent,) = intents_on(localstripe)
    # VND is zero-decimal: the intent's amount is the total in đồng, not × 100.
    assert (intent.amount, intent.currency, intent.status) == (
        total,
        "vnd",
        "requires_payment_method",
    )
    assert init["data"] == {"paymentIntent": {"stripeClientSecret": intent.client_secret}}
    assert init["transaction"]["pspReference"] == intent.id
    tx = TransactionItem.objects.get()
    assert intent.metadata["transaction_id"] == str(tx.pk)
    assert intent.metadata["checkout_token"] == str(checkout.token)

    # Not paid yet: checkoutComplete refuses and nothing is charged.
    refused = data_of(api(COMPLETE, {"id": cid(checkout)}))
    assert [e["code"] for e in refused["errors"]] == ["CHECKOUT_NOT_FULLY_PAID"]

    assert pay_with_test_card(localstripe, intent.id).status == "succeeded"
    processed = data_of(api(TX_PROCESS, {"id": init["transaction"]["id"]}))
    assert processed["errors"] == []
    assert processed["transactionEvent"] == {"type": "CHARGE_SUCCESS", "amount": {"amount": total}}
    assert processed["transaction"]["chargedAmount"]["amount"] == total
    again = data_of(api(TX_PROCESS, {"id": init["transaction"]["id"]}))  # a reload
    assert again["transaction"]["chargedAmount"]["amount"] == total
    assert TransactionEvent.objects.filter(type="CHARGE_SUCCESS").count() == 1

    completed = data_of(api(COMPLETE, {"id": cid(checkout)}))
    assert completed["errors"] == []
    assert completed["order"]["isPaid"] is True and completed["order"]["chargeStatus"] == "FULL"
    order = Order.objects.get()

    # Cancelling the paid order (staff) refunds it through Stripe.
    staff = token_of(shop["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        payload = data_of(api(CANCEL, {"id": order_gid(order)}, token=staff))
    assert payload["errors"] == [] and payload["order"]["status"] == "CANCELED"
    refunds = list(localstripe.v1.refunds.list(params={"payment_intent": intent.id}).data)
    assert [(r.amount, r.currency, r.status) for r in refunds] == [(total, "vnd", "succeeded")]
    assert refunds[0].metadata["transaction_id"] == str(tx.pk)
    charge = localstripe.v1.charges.retrieve(refunds[0].charge)
    assert charge.amount_refunded == total and charge.refunded is True
    view = data_of(api(ORDER, {"id": order_gid(order)}, token=staff))
    assert view["paymentStatus"] == "FULLY_REFUNDED" and view["isPaid"] is False
    assert view["totalRefunded"]["amount"] == total
    tx.refresh_from_db()
    assert (tx.charged_value, tx.refunded_value) == (0, total)
    assert Order.objects.get().status == OrderStatus.CANCELED


def test_one_idempotency_key_makes_one_payment_intent(api, shop_with_shipping, localstripe):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    variables = {"id": cid(checkout), "key": "double-click"}
    first = data_of(api(TX_INIT, variables))
    second = data_of(api(TX_INIT, variables))
    assert first["errors"] == [] and second["errors"] == []
    assert second["transaction"] == first["transaction"]
    assert [i.id for i in intents_on(localstripe)] == [first["transaction"]["pspReference"]]
    assert TransactionItem.objects.count() == 1

    # A new attempt (another key) is a new intent.
    third = data_of(api(TX_INIT, {"id": cid(checkout), "key": "attempt-2"}))
    assert third["errors"] == [] and len(intents_on(localstripe)) == 2


def test_an_unconfirmed_intent_is_not_a_payment(api, shop_with_shipping, localstripe):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    init = data_of(api(TX_INIT, {"id": cid(checkout), "key": "k"}))
    processed = data_of(api(TX_PROCESS, {"id": init["transaction"]["id"]}))
    assert processed["errors"] == []
    assert processed["transaction"]["chargedAmount"]["amount"] == 0
    assert processed["transactionEvent"]["type"] == "CHARGE_ACTION_REQUIRED"
    assert TransactionEvent.objects.filter(type="CHARGE_SUCCESS").count() == 0


def checkout_total(api, checkout) -> float:
    body = api(
        "query($id: ID!) { checkout(id: $id) { totalPrice { gross { amount } } } }",
        {"id": cid(checkout)},
    )
    return data_of(body)["totalPrice"]["gross"]["amount"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_localstripe_webhook_completes_the_checkout_of_a_buyer_who_left(
    live_server, localstripe_endpoint, localstripe, api, shop_with_shipping
):
    """localstripe signs and POSTs ``payment_intent.succeeded`` to our webhook (a live server):
    the charge is recorded and the fully paid checkout becomes an order, with no buyer."""
    register = f"{localstripe_endpoint}/_config/webhooks/ocop"
    url = f"{live_server.url}/payments/stripe/webhook/"
    httpx.post(register, data={"url": url, "secret": "whsec_localstripe"}).raise_for_status()
    try:
        shop = shop_with_shipping
        checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
        init = data_of(api(TX_INIT, {"id": cid(checkout), "key": "left"}))
        assert init["errors"] == []
        pay_with_test_card(localstripe, init["transaction"]["pspReference"])
        # The buyer closes the tab here: no transactionProcess, no checkoutComplete.
        deadline = time.monotonic() + 20
        while not Order.objects.filter(checkout_token=checkout.token).exists():
            assert time.monotonic() < deadline, "the webhook did not complete the checkout"
            time.sleep(0.2)
    finally:  # later tests' events must not reach this test's server
        httpx.post(register, data={"url": "http://127.0.0.1:9/", "secret": "x"})
    order = Order.objects.get()
    tx = TransactionItem.objects.get()
    assert tx.charged_value == order.total_gross_amount
    events = TransactionEvent.objects.filter(transaction=tx, type="CHARGE_SUCCESS")
    assert events.count() == 1 and events.get().idempotency_key.startswith("evt_")
