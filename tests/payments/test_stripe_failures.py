"""What localstripe cannot show, at the HTTP level with ``responses``: a declined card, 500s
that outlast the SDK's retries, timeouts, Stripe replaying an idempotent request, a refused
refund. Each leaves our records as they were (or records the failure once)."""

from __future__ import annotations

from decimal import Decimal

import pytest
import requests
import responses
from django.core.exceptions import ValidationError

from payments.models import TransactionEvent, TransactionItem
from payments.services import transaction_process, transaction_request_action
from tests.orders.test_checkout_graphql import cid, ready
from tests.payments import test_cod_flow, test_stripe
from tests.payments.test_cod_flow import data_of
from tests.payments.test_stripe import API, STRIPE, TX_INIT, intent

pytestmark = pytest.mark.django_db

shop = test_cod_flow.shop
shop_with_shipping = test_cod_flow.shop_with_shipping
stripe_on = test_stripe.stripe_on
fake_stripe = test_stripe.fake_stripe
_stripe_tx = test_stripe._stripe_tx

INTENTS = f"{API}/v1/payment_intents"


@pytest.fixture(autouse=True)
def _no_retry_sleep(monkeypatch):
    """The SDK waits 0.5–2 s between retries; the retries themselves are what is tested."""
    import stripe._http_client as http_client

    monkeypatch.setattr(http_client.HTTPClient, "_sleep_time_seconds", lambda *a, **k: 0)


def _init(api, checkout, key: str) -> dict:
    variables = {"id": cid(checkout), "gateway": {"id": STRIPE}, "amount": 150000, "key": key}
    return data_of(api(TX_INIT, variables))


def _checkout(api, shop):
    return ready(api, shop["shipping"], [(shop["variant"], 1)], pay=False)


def test_500s_beyond_the_sdk_retries_are_a_clear_error_and_record_nothing(
    api, shop_with_shipping, stripe_on, fake_stripe
):
    checkout = _checkout(api, shop_with_shipping)
    for _ in range(3):
        fake_stripe.add(
            responses.POST,
            INTENTS,
            status=500,
            json={"error": {"message": "boom", "type": "api_error"}},
            headers={"Stripe-Should-Retry": "true"},
        )
    payload = _init(api, checkout, "k-500")
    assert [e["field"] for e in payload["errors"]] == ["paymentGateway"]
    assert payload["transaction"] is None
    # One request and two retries (max_network_retries=2), all with the same key.
    keys = {c.request.headers["Idempotency-Key"] for c in fake_stripe.calls}
    assert len(fake_stripe.calls) == 3 and len(keys) == 1
    assert TransactionItem.objects.count() == 0


def test_a_timeout_is_retried_with_the_same_key_then_succeeds(
    api, shop_with_shipping, stripe_on, fake_stripe
):
    checkout = _checkout(api, shop_with_shipping)
    fake_stripe.add(responses.POST, INTENTS, body=requests.exceptions.ReadTimeout("slow"))
    fake_stripe.add(responses.POST, INTENTS, json=intent())
    payload = _init(api, checkout, "k-timeout")
    assert payload["errors"] == [] and payload["transaction"]["pspReference"] == "pi_123"
    keys = [c.request.headers["Idempotency-Key"] for c in fake_stripe.calls]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert TransactionItem.objects.count() == 1


def test_timeouts_every_time_are_a_clear_error(api, shop_with_shipping, stripe_on, fake_stripe):
    checkout = _checkout(api, shop_with_shipping)
    for _ in range(3):
        fake_stripe.add(responses.POST, INTENTS, body=requests.exceptions.ConnectTimeout("down"))
    payload = _init(api, checkout, "k-down")
    assert payload["errors"] and payload["errors"][0]["code"] == "INVALID"
    assert payload["transaction"] is None and TransactionItem.objects.count() == 0


def test_a_replayed_response_is_the_same_intent(api, shop_with_shipping, stripe_on, fake_stripe):
    """The first answer is lost (connection reset after Stripe created the intent); the SDK
    retries with the same Idempotency-Key and Stripe replays the original response."""
    checkout = _checkout(api, shop_with_shipping)
    fake_stripe.add(responses.POST, INTENTS, body=requests.exceptions.ConnectionError("reset"))
    fake_stripe.add(responses.POST, INTENTS, json=intent(), headers={"Idempotent-Replayed": "true"})
    payload = _init(api, checkout, "k-replay")
    assert payload["errors"] == []
    assert payload["data"] == {"paymentIntent": {"stripeClientSecret": "pi_123_secret_abc"}}
    keys = [c.request.headers["Idempotency-Key"] for c in fake_stripe.calls]
    assert len(keys) == 2 and keys[0] == keys[1]
    tx = TransactionItem.objects.get()
    assert tx.psp_reference == "pi_123" and keys[0] == f"ocop-{tx.pk}"


def test_a_declined_card_is_a_charge_failure_recorded_once(stripe_on, fake_stripe):
    tx = _stripe_tx()
    declined = intent(
        "requires_payment_method",
        last_payment_error={"code": "card_declined", "message": "Your card was declined."},
    )
    fake_stripe.add(responses.GET, f"{INTENTS}/pi_123", json=declined)
    tx, event, _data = transaction_process(tx=tx)
    assert event.type == "CHARGE_FAILURE" and event.message == "Your card was declined."
    assert tx.charged_value == 0 and tx.authorized_value == 0


def test_a_refused_refund_changes_nothing(stripe_on, fake_stripe, django_user_model):
    tx = _stripe_tx(charged_value=Decimal(150000), available_actions=["REFUND"])
    staff = django_user_model.objects.create(email="staff@example.vn", is_staff=True)
    fake_stripe.add(
        responses.POST,
        f"{API}/v1/refunds",
        status=400,
        json={
            "error": {
                "type": "invalid_request_error",
                "code": "charge_already_refunded",
                "message": "Charge ch_1 has already been refunded.",
            }
        },
    )
    with pytest.raises(ValidationError) as error:
        transaction_request_action(tx=tx, action="REFUND", user=staff)
    assert "payment_gateway" in error.value.error_dict
    tx.refresh_from_db()
    assert (tx.charged_value, tx.refunded_value) == (Decimal(150000), 0)
    assert TransactionEvent.objects.filter(transaction=tx).count() == 0
