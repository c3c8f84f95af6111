"""``manage.py payments_reconcile``: charges without an order (completed when the checkout
still can be, refunded otherwise) and orders charged more than owed (excess refunded), with a
summary, a non-zero exit while problems remain, and nothing left for a second ``--fix``.
Stripe is faked at the HTTP level (``responses``)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from io import StringIO
from urllib.parse import parse_qs

import pytest
import responses
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from catalog.models import Stock
from orders.checkout_complete import checkout_complete
from orders.models import Checkout, Order, OrderEventType, OrderStatus
from payments.models import TransactionItem
from payments.services import checkout_total, transaction_initialize, transaction_process
from tests.orders.test_checkout_graphql import ready
from tests.payments import test_cod_flow, test_stripe

pytestmark = pytest.mark.django_db

shop = test_cod_flow.shop
shop_with_shipping = test_cod_flow.shop_with_shipping
stripe_on = test_stripe.stripe_on
fake_stripe = test_stripe.fake_stripe

API = test_stripe.API
STRIPE = test_stripe.STRIPE


def run(*args: str) -> tuple[str, CommandError | None]:
    out = StringIO()
    try:
        call_command("payments_reconcile", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def start_payment(fake, checkout, name: str) -> TransactionItem:
    """transactionInitialize at Stripe (intent ``name``); Stripe will say it succeeded."""
    minor = int(checkout_total(checkout))
    intent = {"id": name, "object": "payment_intent", "amount": minor, "currency": "vnd"}
    fake.add(
        responses.POST,
        f"{API}/v1/payment_intents",
        json={**intent, "client_secret": f"{name}_secret", "status": "requires_payment_method"},
    )
    tx, _event, _data = transaction_initialize(
        checkout=checkout, gateway_id=STRIPE, idempotency_key=name
    )
    fake.add(
        responses.GET,
        f"{API}/v1/payment_intents/{name}",
        json={**intent, "status": "succeeded", "amount_received": minor},
    )
    return tx


def charge(tx: TransactionItem) -> TransactionItem:
    tx, _event, _data = transaction_process(tx=tx)
    return tx


def age(tx: TransactionItem, minutes: int = 60) -> None:
    TransactionItem.objects.filter(pk=tx.pk).update(
        modified_at=timezone.now() - timedelta(minutes=minutes)
    )


def refunds_succeed(fake) -> None:
    fake.add(
        responses.POST,
        f"{API}/v1/refunds",
        json={"id": "re_1", "object": "refund", "status": "succeeded"},
    )


def refund_calls(fake) -> list[dict]:
    return [
        {k: v[0] for k, v in parse_qs(c.request.body).items()}
        for c in fake.calls
        if c.request.url.endswith("/v1/refunds")
    ]


@pytest.fixture
def paid_checkout(api, shop_with_shipping, stripe_on, fake_stripe):
    """A checkout paid at Stripe whose buyer vanished before checkoutComplete."""
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    tx = charge(start_payment(fake_stripe, checkout, "pi_left"))
    assert tx.charged_value == checkout_total(checkout)
    return checkout, tx


def test_a_paid_checkout_left_behind_is_completed_into_an_order(paid_checkout):
    checkout, tx = paid_checkout
    age(tx)
    output, error = run()
    assert error is not None and "1 payment problem(s) remain" in str(error)
    assert "FOUND  charges without an order" in output and "complete the checkout" in output
    assert f"found 1 ({tx.charged_value:,.0f} VND)" in output
    assert Order.objects.count() == 0  # listing changes nothing

    output, error = run("--fix")
    assert error is None, output
    order = Order.objects.get()
    assert order.checkout_token == checkout.token and f"order #{order.number}" in output
    assert "fixed 1" in output and "failed 0" in output
    assert not Checkout.objects.filter(token=checkout.token).exists()

    output, error = run("--fix")  # idempotent
    assert error is None and "charges without an order: found 0 (0 VND)" in output
    assert Order.objects.count() == 1


def test_recent_charges_are_left_alone_during_the_grace_period(paid_checkout):
    _checkout, tx = paid_checkout
    output, error = run("--fix")
    assert error is None and "found 0" in output and Order.objects.count() == 0
    _output, error = run("--older-than-minutes", "0")
    assert error is not None  # with no grace period it is a problem


def test_the_charge_of_a_vanished_checkout_is_refunded(paid_checkout, fake_stripe):
    checkout, tx = paid_checkout
    Checkout.objects.filter(token=checkout.token).delete()  # expired and cleaned up
    age(tx)
    refunds_succeed(fake_stripe)
    output, error = run("--fix")
    assert error is None, output
    tx.refresh_from_db()
    assert (tx.charged_value, tx.refunded_value) == (0, checkout_total_of(tx))
    (sent,) = refund_calls(fake_stripe)
    assert sent["payment_intent"] == "pi_left" and int(sent["amount"]) == tx.refunded_value
    assert "refunded" in output and Order.objects.count() == 0
    output, error = run("--fix")
    assert error is None and len(refund_calls(fake_stripe)) == 1


def test_a_checkout_that_no_longer_completes_is_refunded(paid_checkout, fake_stripe, shop):
    checkout, tx = paid_checkout
    Stock.objects.filter(variant=shop["variant"]).update(quantity=0)  # sold out meanwhile
    age(tx)
    refunds_succeed(fake_stripe)
    output, error = run("--fix")
    assert error is None, output
    assert "checkout not completable" in output and Order.objects.count() == 0
    tx.refresh_from_db()
    assert tx.charged_value == 0 and len(refund_calls(fake_stripe)) == 1


def test_a_refused_refund_is_reported_and_changes_nothing(paid_checkout, fake_stripe):
    checkout, tx = paid_checkout
    Checkout.objects.filter(token=checkout.token).delete()
    age(tx)
    fake_stripe.add(
        responses.POST,
        f"{API}/v1/refunds",
        status=400,
        json={"error": {"type": "invalid_request_error", "message": "Refund refused."}},
    )
    output, error = run("--fix")
    assert error is not None and "FAILED" in output and "Refund refused." in output
    assert "failed 1" in output
    charged = tx.charged_value
    tx.refresh_from_db()
    assert (tx.charged_value, tx.refunded_value) == (charged, 0)


def test_an_order_paid_twice_has_the_excess_refunded(
    api, shop_with_shipping, stripe_on, fake_stripe
):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    total = checkout_total(checkout)
    first = start_payment(fake_stripe, checkout, "pi_tab_1")  # two browser tabs
    second = start_payment(fake_stripe, checkout, "pi_tab_2")
    charge(first)
    charge(second)
    order = checkout_complete(token=checkout.token).order

    output, error = run()
    assert error is not None
    assert f"FOUND  orders charged more than owed: #{order.number} {total:,.0f} VND" in output

    refunds_succeed(fake_stripe)
    output, error = run("--fix")
    assert error is None, output
    (sent,) = refund_calls(fake_stripe)
    assert sent["payment_intent"] == "pi_tab_2" and Decimal(sent["amount"]) == total
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.charged_value, second.charged_value) == (total, 0)
    assert order.events.filter(type=OrderEventType.PAYMENT_REFUNDED).count() == 1
    output, error = run("--fix")
    assert error is None and "orders charged more than owed: found 0" in output


def test_a_cancelled_order_still_holding_money_is_refunded(
    api, shop_with_shipping, stripe_on, fake_stripe
):
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)
    tx = charge(start_payment(fake_stripe, checkout, "pi_cancelled"))
    order = checkout_complete(token=checkout.token).order
    # Cancelled, but the refund never happened (the outbox consumer failed at Stripe).
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.CANCELED)
    refunds_succeed(fake_stripe)
    output, error = run("--fix")
    assert error is None, output
    tx.refresh_from_db()
    assert tx.charged_value == 0 and tx.refunded_value == order.total_gross_amount


def checkout_total_of(tx: TransactionItem) -> Decimal:
    return Decimal(tx.private_metadata["stripe_amount"])
