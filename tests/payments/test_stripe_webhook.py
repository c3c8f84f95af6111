"""``POST /payments/stripe/webhook/`` with real signatures made by the Stripe SDK's signing
helper: valid, forged, wrong secret, stale timestamp, duplicate, out of order, unknown intent,
malformed JSON → the right status code, and state changed exactly once."""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest
import responses
import stripe
from django.test import Client

from payments.models import TransactionEvent, TransactionItem
from tests.payments import test_cod_flow

pytestmark = pytest.mark.django_db

# The COD tests' fixtures (a producer, a 150000 ₫ variant, seeded shipping).
shop = test_cod_flow.shop
shop_with_shipping = test_cod_flow.shop_with_shipping

STRIPE = "saleor.app.payment.stripe"
SECRET = "whsec_test_secret"
URL = "/payments/stripe/webhook/"


@pytest.fixture(autouse=True)
def stripe_on(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.STRIPE_API_BASE = "http://stripe.test"
    return settings


@pytest.fixture
def tx() -> TransactionItem:
    return TransactionItem.objects.create(
        gateway=STRIPE,
        name="Stripe",
        currency="VND",
        psp_reference="pi_123",
        private_metadata={"stripe_amount": 150000, "stripe_currency": "vnd"},
    )


def sign(payload: str, secret: str = SECRET, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = stripe.WebhookSignature._compute_signature(f"{timestamp}.{payload}", secret)
    return f"t={timestamp},v1={signature}"


def event(kind: str, obj: dict, event_id: str = "evt_1") -> str:
    return json.dumps({"id": event_id, "object": "event", "type": kind, "data": {"object": obj}})


def intent(**extra) -> dict:
    return {
        "id": "pi_123",
        "object": "payment_intent",
        "amount": 150000,
        "amount_received": 150000,
        "currency": "vnd",
        "status": "succeeded",
        **extra,
    }


def post(payload: str, signature: str | None = None):
    signature = sign(payload) if signature is None else signature
    return Client().post(
        URL, data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )


def test_succeeded_charges_once_and_duplicate_is_ignored(tx):
    payload = event("payment_intent.succeeded", intent())
    assert post(payload).status_code == 200
    tx.refresh_from_db()
    assert tx.charged_value == Decimal(150000)
    assert post(payload).status_code == 200  # redelivered
    tx.refresh_from_db()
    assert tx.charged_value == Decimal(150000)
    assert tx.events.filter(idempotency_key="evt_1").count() == 1
    assert tx.events.filter(type="CHARGE_SUCCESS").count() == 1


def test_forged_signature_is_rejected(tx):
    payload = event("payment_intent.succeeded", intent())
    forged = sign(payload).split(",v1=")[0] + ",v1=" + "0" * 64
    assert post(payload, forged).status_code == 400
    tampered = event("payment_intent.succeeded", intent(amount_received=150001))
    assert post(tampered, sign(payload)).status_code == 400
    assert post(payload, "").status_code == 400
    tx.refresh_from_db()
    assert tx.charged_value == 0 and not tx.events.exists()


def test_wrong_secret_is_rejected(tx):
    payload = event("payment_intent.succeeded", intent())
    assert post(payload, sign(payload, secret="whsec_other")).status_code == 400
    tx.refresh_from_db()
    assert tx.charged_value == 0


def test_stale_timestamp_is_rejected(tx):
    payload = event("payment_intent.succeeded", intent())
    stale = int(time.time()) - stripe.Webhook.DEFAULT_TOLERANCE - 60
    assert post(payload, sign(payload, timestamp=stale)).status_code == 400
    tx.refresh_from_db()
    assert tx.charged_value == 0


def test_malformed_json_is_rejected(tx):
    payload = '{"id": "evt_1", "type": '
    assert post(payload).status_code == 400
    assert post("[]").status_code == 400
    assert not TransactionEvent.objects.exists()


def test_failed_after_succeeded_keeps_the_charge(tx):
    assert post(event("payment_intent.succeeded", intent(), "evt_ok")).status_code == 200
    failed = intent(status="requires_payment_method", amount_received=0)
    assert post(event("payment_intent.payment_failed", failed, "evt_fail")).status_code == 200
    canceled = intent(status="canceled", amount_received=0)
    assert post(event("payment_intent.canceled", canceled, "evt_cancel")).status_code == 200
    tx.refresh_from_db()
    assert tx.charged_value == Decimal(150000)
    assert not tx.events.filter(type="CHARGE_FAILURE").exists()


def test_processing_then_failed(tx):
    processing = intent(status="processing", amount_received=0)
    assert post(event("payment_intent.processing", processing, "evt_p")).status_code == 200
    tx.refresh_from_db()
    assert tx.charge_pending_value == Decimal(150000)
    failed = intent(
        status="requires_payment_method",
        amount_received=0,
        last_payment_error={"message": "Your card was declined."},
    )
    assert post(event("payment_intent.payment_failed", failed, "evt_f")).status_code == 200
    tx.refresh_from_db()
    assert tx.charge_pending_value == 0 and tx.charged_value == 0
    assert tx.events.get(type="CHARGE_FAILURE").message == "Your card was declined."


def test_unknown_intent_is_acknowledged(tx):
    payload = event("payment_intent.succeeded", intent(id="pi_unknown"))
    assert post(payload).status_code == 200
    tx.refresh_from_db()
    assert tx.charged_value == 0 and not TransactionEvent.objects.exists()


def test_unhandled_event_type_is_acknowledged(tx):
    assert post(event("customer.created", {"id": "cus_1"})).status_code == 200
    assert not TransactionEvent.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [{"amount": 1500, "amount_received": 1500}, {"currency": "usd"}, {"amount_received": 1}],
)
def test_mismatched_amount_or_currency_is_flagged_not_paid(tx, changes):
    assert post(event("payment_intent.succeeded", intent(**changes))).status_code == 200
    tx.refresh_from_db()
    assert tx.charged_value == 0
    flagged = tx.events.get(idempotency_key="evt_1")
    assert flagged.type == "CHARGE_ACTION_REQUIRED" and "does not match" in flagged.message


def test_charge_refunded_records_the_refund_once(tx):
    assert post(event("payment_intent.succeeded", intent(), "evt_ok")).status_code == 200
    charge = {
        "id": "ch_1",
        "object": "charge",
        "payment_intent": "pi_123",
        "amount": 150000,
        "amount_refunded": 50000,
        "currency": "vnd",
    }
    assert post(event("charge.refunded", charge, "evt_r1")).status_code == 200
    assert post(event("charge.refunded", charge, "evt_r1")).status_code == 200
    assert post(event("charge.refunded", charge, "evt_r1_again")).status_code == 200
    tx.refresh_from_db()
    assert tx.refunded_value == Decimal(50000) and tx.charged_value == Decimal(100000)


def test_disabled_without_webhook_secret(tx, settings):
    settings.STRIPE_WEBHOOK_SECRET = ""
    payload = event("payment_intent.succeeded", intent())
    assert post(payload).status_code == 404
    assert Client().get(URL).status_code in (404, 405)


def test_paid_checkout_is_completed_by_the_webhook(api, shop_with_shipping):
    from orders.models import Checkout, Order
    from payments.services import checkout_total, transaction_initialize
    from tests.orders.test_checkout_graphql import ready

    checkout = ready(
        api, shop_with_shipping["shipping"], [(shop_with_shipping["variant"], 1)], pay=False
    )
    total = checkout_total(checkout)
    minor = int(total)
    with responses.RequestsMock() as fake:
        fake.add(
            responses.POST,
            "http://stripe.test/v1/payment_intents",
            json={
                "id": "pi_777",
                "object": "payment_intent",
                "client_secret": "s",
                "amount": minor,
                "currency": "vnd",
                "status": "requires_payment_method",
            },
        )
        paying, _event, _data = transaction_initialize(
            checkout=checkout, gateway_id=STRIPE, idempotency_key="k"
        )
    assert paying.private_metadata["stripe_amount"] == minor
    succeeded = intent(id="pi_777", amount=minor, amount_received=minor)
    assert post(event("payment_intent.succeeded", succeeded, "evt_a")).status_code == 200
    assert post(event("payment_intent.succeeded", succeeded, "evt_b")).status_code == 200
    order = Order.objects.get(checkout_token=checkout.token)
    assert not Checkout.objects.filter(token=checkout.token).exists()
    assert Order.objects.count() == 1
    paying.refresh_from_db()
    assert paying.charged_value == total and order.checkout_token == paying.checkout_token
