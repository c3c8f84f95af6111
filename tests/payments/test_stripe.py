"""The Stripe gateway against a faked Stripe HTTP API (``responses``; nothing reaches the
internet): PaymentIntents in VND as a zero-decimal currency, one intent per idempotency key,
the SDK's retries keeping the Idempotency-Key, process and refund."""

from __future__ import annotations

import json
from decimal import Decimal
from urllib.parse import parse_qs

import pytest
import responses

from payments.gateways import gateways_all
from payments.models import TransactionEvent, TransactionItem
from payments.services import transaction_process, transaction_request_action
from tests.orders.test_checkout_graphql import cid, ready
from tests.payments import test_cod_flow
from tests.payments.test_cod_flow import data_of

pytestmark = pytest.mark.django_db

# The COD tests' fixtures (a producer, a 150000 ₫ variant, seeded shipping).
shop = test_cod_flow.shop
shop_with_shipping = test_cod_flow.shop_with_shipping

STRIPE = "saleor.app.payment.stripe"
API = "http://stripe.test"

TX_INIT = """
mutation($id: ID!, $gateway: PaymentGatewayToInitialize!, $amount: PositiveDecimal,
         $key: String) {
  transactionInitialize(id: $id, paymentGateway: $gateway, amount: $amount,
                        idempotencyKey: $key, action: CHARGE) {
    transaction { id pspReference chargedAmount { amount } }
    transactionEvent { type amount { amount } }
    data
    errors { field code message }
  }
}
"""
GATEWAYS_INIT = """
mutation($id: ID!) {
  paymentGatewayInitialize(id: $id) {
    gatewayConfigs { id data errors { code } }
    errors { code }
  }
}
"""


def intent(status="requires_payment_method", **extra) -> dict:
    return {
        "id": "pi_123",
        "object": "payment_intent",
        "amount": 150000,
        "currency": "vnd",
        "client_secret": "pi_123_secret_abc",
        "status": status,
        **extra,
    }


@pytest.fixture
def stripe_on(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_123"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test"
    settings.STRIPE_API_BASE = API
    return settings


@pytest.fixture
def fake_stripe():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def form(call) -> dict:
    return {k: v[0] for k, v in parse_qs(call.request.body).items()}


def test_gateway_listed_only_when_configured(api, shop_with_shipping, settings):
    checkout = ready(
        api, shop_with_shipping["shipping"], [(shop_with_shipping["variant"], 1)], pay=False
    )
    assert STRIPE not in [g.id for g in gateways_all()]
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_123"
    configs = data_of(api(GATEWAYS_INIT, {"id": cid(checkout)}))["gatewayConfigs"]
    stripe_config = next(c for c in configs if c["id"] == STRIPE)
    assert stripe_config["data"] == {"stripePublishableKey": "pk_test_123"}
    assert stripe_config["errors"] == []


def test_initialize_creates_one_vnd_intent_per_idempotency_key(
    api, shop_with_shipping, stripe_on, fake_stripe
):
    checkout = ready(
        api, shop_with_shipping["shipping"], [(shop_with_shipping["variant"], 1)], pay=False
    )
    fake_stripe.add(responses.POST, f"{API}/v1/payment_intents", json=intent())
    variables = {"id": cid(checkout), "gateway": {"id": STRIPE}, "amount": 150000, "key": "k1"}
    first = data_of(api(TX_INIT, variables))
    assert first["errors"] == [], first
    assert first["data"] == {"paymentIntent": {"stripeClientSecret": "pi_123_secret_abc"}}
    assert first["transaction"]["pspReference"] == "pi_123"
    assert first["transactionEvent"]["type"] == "CHARGE_ACTION_REQUIRED"
    second = data_of(api(TX_INIT, variables))  # the double click
    assert second["transaction"]["id"] == first["transaction"]["id"]

    assert len(fake_stripe.calls) == 1
    call = fake_stripe.calls[0]
    sent = form(call)
    assert sent["amount"] == "150000" and sent["currency"] == "vnd"
    assert sent["capture_method"] == "automatic"
    tx = TransactionItem.objects.get()
    assert sent["metadata[transaction_id]"] == str(tx.pk)
    assert sent["metadata[checkout_token]"] == str(checkout.token)
    assert call.request.headers["Idempotency-Key"] == f"ocop-{tx.pk}"
    assert call.request.headers["Authorization"] == "Bearer sk_test_123"
    assert tx.charged_value == 0 and tx.psp_reference == "pi_123"


def test_sdk_retry_keeps_the_idempotency_key(api, shop_with_shipping, stripe_on, fake_stripe):
    checkout = ready(
        api, shop_with_shipping["shipping"], [(shop_with_shipping["variant"], 1)], pay=False
    )
    url = f"{API}/v1/payment_intents"
    fake_stripe.add(
        responses.POST,
        url,
        status=500,
        json={"error": {"message": "boom", "type": "api_error"}},
        headers={"Stripe-Should-Retry": "true"},
    )
    fake_stripe.add(responses.POST, url, json=intent())
    variables = {"id": cid(checkout), "gateway": {"id": STRIPE}, "amount": 150000, "key": "k2"}
    payload = data_of(api(TX_INIT, variables))
    assert payload["errors"] == [], payload
    keys = [c.request.headers["Idempotency-Key"] for c in fake_stripe.calls]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert TransactionItem.objects.count() == 1


def test_initialize_stripe_error_is_reported(api, shop_with_shipping, stripe_on, fake_stripe):
    checkout = ready(
        api, shop_with_shipping["shipping"], [(shop_with_shipping["variant"], 1)], pay=False
    )
    fake_stripe.add(
        responses.POST,
        f"{API}/v1/payment_intents",
        status=400,
        json={"error": {"message": "Amount too small", "type": "invalid_request_error"}},
    )
    variables = {"id": cid(checkout), "gateway": {"id": STRIPE}, "amount": 150000, "key": "k3"}
    payload = data_of(api(TX_INIT, variables))
    assert payload["errors"] and payload["transaction"] is None
    assert TransactionItem.objects.count() == 0


def _stripe_tx(**extra) -> TransactionItem:
    return TransactionItem.objects.create(
        gateway=STRIPE,
        name="Stripe",
        currency="VND",
        psp_reference="pi_123",
        private_metadata={"stripe_amount": 150000, "stripe_currency": "vnd"},
        **extra,
    )


def test_process_records_the_charge_once(stripe_on, fake_stripe):
    tx = _stripe_tx()
    url = f"{API}/v1/payment_intents/pi_123"
    fake_stripe.add(responses.GET, url, json=intent("succeeded", amount_received=150000))
    tx, event, _data = transaction_process(tx=tx)
    assert event.type == "CHARGE_SUCCESS" and tx.charged_value == Decimal(150000)
    tx, _event, _data = transaction_process(tx=tx)
    tx.refresh_from_db()
    assert tx.charged_value == Decimal(150000)
    assert TransactionEvent.objects.filter(type="CHARGE_SUCCESS").count() == 1


def test_process_flags_a_wrong_amount(stripe_on, fake_stripe):
    tx = _stripe_tx()
    url = f"{API}/v1/payment_intents/pi_123"
    fake_stripe.add(responses.GET, url, json=intent("succeeded", amount=1500, amount_received=1500))
    tx, event, _data = transaction_process(tx=tx)
    assert event.type == "CHARGE_ACTION_REQUIRED" and "does not match" in event.message
    assert tx.charged_value == 0


def test_process_requires_action_returns_client_secret(stripe_on, fake_stripe):
    tx = _stripe_tx()
    fake_stripe.add(responses.GET, f"{API}/v1/payment_intents/pi_123", json=intent())
    _tx, event, data = transaction_process(tx=tx)
    assert event.type == "CHARGE_ACTION_REQUIRED"
    assert data == {"paymentIntent": {"stripeClientSecret": "pi_123_secret_abc"}}


def test_refund_sends_vnd_amount_with_idempotency_key(stripe_on, fake_stripe, django_user_model):
    tx = _stripe_tx(charged_value=Decimal(150000), available_actions=["REFUND"])
    staff = django_user_model.objects.create(email="staff@example.vn", is_staff=True)
    fake_stripe.add(
        responses.POST,
        f"{API}/v1/refunds",
        json={"id": "re_1", "object": "refund", "status": "succeeded", "amount": 150000},
    )
    tx = transaction_request_action(tx=tx, action="REFUND", user=staff)
    assert tx.refunded_value == Decimal(150000) and tx.charged_value == 0
    call = fake_stripe.calls[0]
    sent = form(call)
    assert sent["amount"] == "150000" and sent["payment_intent"] == "pi_123"
    assert call.request.headers["Idempotency-Key"] == f"ocop-{tx.pk}-refund-0-150000"


def test_cancel_cancels_the_intent(stripe_on, fake_stripe, django_user_model):
    tx = _stripe_tx(authorized_value=Decimal(150000))
    staff = django_user_model.objects.create(email="staff2@example.vn", is_staff=True)
    fake_stripe.add(
        responses.POST, f"{API}/v1/payment_intents/pi_123/cancel", json=intent("canceled")
    )
    tx = transaction_request_action(tx=tx, action="CANCEL", user=staff)
    assert tx.canceled_value == Decimal(150000) and tx.authorized_value == 0
    assert json.loads(json.dumps(tx.available_actions)) == []


AVAILABLE = """query($id: ID!) { checkout(id: $id) {
  availablePaymentGateways { id name currencies config { field value } } } }"""


def test_checkout_lists_stripe_beside_cod_when_configured(api, shop_with_shipping, settings):
    checkout = ready(
        api, shop_with_shipping["shipping"], [(shop_with_shipping["variant"], 1)], pay=False
    )
    listed = api(AVAILABLE, {"id": cid(checkout)})["data"]["checkout"]["availablePaymentGateways"]
    assert [g["id"] for g in listed] == ["ocop.payments.cod"]
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_123"
    listed = api(AVAILABLE, {"id": cid(checkout)})["data"]["checkout"]["availablePaymentGateways"]
    stripe_entry = next(g for g in listed if g["id"] == STRIPE)
    assert stripe_entry["currencies"] == ["VND"]
    assert stripe_entry["config"] == [{"field": "stripePublishableKey", "value": "pk_test_123"}]
    assert "ocop.payments.cod" in [g["id"] for g in listed]
