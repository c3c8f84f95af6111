"""Payment races on PostgreSQL with real threads and real commits: transactionInitialize
clicked many times (COD and Stripe), and Stripe's webhook against the buyer's checkoutComplete.

Each race runs with the row locks (the product) and, as a control, without them."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter

import pytest
import responses
import stripe
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connections
from django.test import Client

from catalog.models import Stock
from orders import checkout as checkout_services
from orders import checkout_complete as completion
from orders.models import Allocation, Order, ShippingMethod
from payments import services, webhooks
from payments.gateways import stripe as stripe_gateway
from payments.models import TransactionEvent, TransactionItem
from shop.graphql.ids import global_id
from tests.catalog.factories import default_channel, make_product, variant_of
from tests.orders.conftest import ADDRESS_LAM_DONG

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLICKS = 8


@pytest.fixture
def checkout():
    call_command("seed_shipping", verbosity=0)
    variant = variant_of(make_product("Trà Shan tuyết", prices=(200000,)))
    checkout = checkout_services.checkout_create(
        channel=default_channel(),
        lines=[{"variant_id": global_id("ProductVariant", variant.pk), "quantity": 1}],
        email="buyer@example.vn",
    )
    checkout_services.checkout_shipping_address_update(checkout=checkout, address=ADDRESS_LAM_DONG)
    checkout_services.checkout_delivery_method_update(
        checkout=checkout, method=ShippingMethod.objects.get(slug="tieu-chuan")
    )
    return checkout


def _race(checkout, keys: list[str | None], *, lock: bool, pause: float = 0.05) -> Counter:
    outcomes: Counter = Counter()
    guard = threading.Lock()
    barrier = threading.Barrier(len(keys))
    original = services.checkout_covered_amount

    def slow_covered(*args, **kwargs):
        value = original(*args, **kwargs)
        time.sleep(pause)  # widen the window between reading coverage and inserting
        return value

    def click(key) -> None:
        try:
            barrier.wait()
            services.transaction_initialize(
                checkout=checkout, gateway_id="ocop.payments.cod", idempotency_key=key
            )
            outcome = "ok"
        except ValidationError as error:
            outcome = "refused:" + next(iter(error.error_dict.values()))[0].code
        except Exception as error:  # noqa: BLE001
            outcome = "crash:" + type(error).__name__
        finally:
            connections.close_all()
        with guard:
            outcomes[outcome] += 1

    services.checkout_covered_amount = slow_covered
    services.LOCK_ROWS = lock
    try:
        threads = [threading.Thread(target=click, args=(k,)) for k in keys]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        services.checkout_covered_amount = original
        services.LOCK_ROWS = True
    outcomes["transactions"] = TransactionItem.objects.count()
    return outcomes


@pytest.mark.parametrize("lock", [True, False], ids=["locked", "control-without-lock"])
def test_one_idempotency_key_clicked_eight_times_makes_one_transaction(checkout, lock):
    outcomes = _race(checkout, ["same-key"] * CLICKS, lock=lock)
    print("outcomes:", dict(outcomes))
    # Without the lock the unique constraint is the last guard: still one transaction.
    assert outcomes["transactions"] == 1 and outcomes["ok"] == CLICKS, outcomes
    assert TransactionItem.objects.get().authorized_value > 0


def test_keyless_clicks_authorize_the_total_once(checkout):
    outcomes = _race(checkout, [None] * CLICKS, lock=True)
    print("outcomes:", dict(outcomes))
    assert outcomes["transactions"] == 1 and outcomes["ok"] == 1, outcomes
    assert outcomes["refused:invalid"] == CLICKS - 1, outcomes


def test_control_keyless_clicks_without_the_lock_over_authorize(checkout):
    outcomes = _race(checkout, [None] * CLICKS, lock=False)
    print("control outcomes:", dict(outcomes))
    assert outcomes["transactions"] > 1, outcomes  # what the lock prevents


# --- Stripe: the webhook and the buyer's checkoutComplete at the same time ----------------------
STRIPE_API = "http://stripe.test"
WEBHOOK_SECRET = "whsec_race"
ROUNDS = 4


@pytest.fixture
def stripe_on(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_race"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = STRIPE_API
    return settings


def _stripe_checkout(variant, fake, n: int):
    """A ready checkout with a Stripe transaction whose PaymentIntent ``pi_race_<n>`` the buyer
    has just confirmed (Stripe says ``succeeded``; we have not recorded it yet)."""
    checkout = checkout_services.checkout_create(
        channel=default_channel(),
        lines=[{"variant_id": global_id("ProductVariant", variant.pk), "quantity": 1}],
        email="buyer@example.vn",
    )
    checkout_services.checkout_shipping_address_update(checkout=checkout, address=ADDRESS_LAM_DONG)
    checkout_services.checkout_delivery_method_update(
        checkout=checkout, method=ShippingMethod.objects.get(slug="tieu-chuan")
    )
    minor = int(services.checkout_total(checkout))
    intent = {
        "id": f"pi_race_{n}",
        "object": "payment_intent",
        "amount": minor,
        "currency": "vnd",
        "client_secret": f"pi_race_{n}_secret",
    }
    fake.add(
        responses.POST,
        f"{STRIPE_API}/v1/payment_intents",
        json={**intent, "status": "requires_payment_method"},
    )
    tx, _event, _data = services.transaction_initialize(
        checkout=checkout, gateway_id="saleor.app.payment.stripe", idempotency_key=f"k{n}"
    )
    succeeded = {**intent, "status": "succeeded", "amount_received": minor}
    fake.add(responses.GET, f"{STRIPE_API}/v1/payment_intents/{intent['id']}", json=succeeded)
    return checkout, tx, succeeded


def _signed_event(obj: dict, event_id: str) -> tuple[str, str]:
    payload = json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": "payment_intent.succeeded",
            "data": {"object": obj},
        }
    )
    timestamp = int(time.time())
    signature = stripe.WebhookSignature._compute_signature(f"{timestamp}.{payload}", WEBHOOK_SECRET)
    return payload, f"t={timestamp},v1={signature}"


def _webhook_vs_buyer(checkout, tx, succeeded, *, lock: bool, pause: float = 0.1) -> Counter:
    """Stripe's signed ``payment_intent.succeeded`` and the storefront's transactionProcess +
    checkoutComplete, released together from two threads with their own connections."""
    outcomes: Counter = Counter()
    guard = threading.Lock()
    barrier = threading.Barrier(2)
    payload, signature = _signed_event(succeeded, f"evt_{succeeded['id']}")
    originals = (stripe_gateway.intent_result, webhooks.intent_result)

    def slow_result(*args, **kwargs):
        time.sleep(pause)  # widen the window between reading the charge and recording it
        return originals[0](*args, **kwargs)

    def record(outcome: str) -> None:
        with guard:
            outcomes[outcome] += 1

    def webhook() -> None:
        try:
            barrier.wait()
            response = Client().post(
                "/payments/stripe/webhook/",
                data=payload,
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE=signature,
            )
            record(f"webhook:{response.status_code}")
        except Exception as error:  # noqa: BLE001
            record("webhook-crash:" + type(error).__name__)
        finally:
            connections.close_all()

    def buyer() -> None:
        try:
            barrier.wait()
            services.transaction_process(tx=tx)
            completion.checkout_complete(token=checkout.token)
            record("buyer:order")
        except ValidationError as error:
            record("buyer-refused:" + next(iter(error.error_dict.values()))[0].code)
        except Exception as error:  # noqa: BLE001
            record("buyer-crash:" + type(error).__name__)
        finally:
            connections.close_all()

    stripe_gateway.intent_result = webhooks.intent_result = slow_result
    services.LOCK_ROWS = completion.LOCK_ROWS = lock
    try:
        threads = [threading.Thread(target=webhook), threading.Thread(target=buyer)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        stripe_gateway.intent_result, webhooks.intent_result = originals
        services.LOCK_ROWS = completion.LOCK_ROWS = True
    return outcomes


def test_webhook_and_checkout_complete_together_make_one_order_and_one_charge(stripe_on):
    call_command("seed_shipping", verbosity=0)
    variant = variant_of(make_product("Cà phê Robusta", prices=(180000,), stock=10))
    with responses.RequestsMock(assert_all_requests_are_fired=False) as fake:
        for n in range(ROUNDS):
            checkout, tx, succeeded = _stripe_checkout(variant, fake, n)
            outcomes = _webhook_vs_buyer(checkout, tx, succeeded, lock=True)
            print(f"round {n}:", dict(outcomes))
            assert outcomes["webhook:200"] == 1 and outcomes["buyer:order"] == 1, outcomes
            tx.refresh_from_db()
            assert tx.charged_value == int(succeeded["amount_received"])
            assert (
                TransactionEvent.objects.filter(transaction=tx, type="CHARGE_SUCCESS").count() == 1
            )
            assert Order.objects.filter(checkout_token=checkout.token).count() == 1
    assert Order.objects.count() == ROUNDS
    stock = Stock.objects.get(variant=variant)
    assert stock.quantity_allocated == ROUNDS  # one unit per order, never twice
    assert Allocation.objects.count() == ROUNDS


def test_control_without_the_row_locks_the_charge_is_recorded_twice(stripe_on):
    call_command("seed_shipping", verbosity=0)
    variant = variant_of(make_product("Cà phê Culi", prices=(180000,), stock=10))
    with responses.RequestsMock(assert_all_requests_are_fired=False) as fake:
        checkout, tx, succeeded = _stripe_checkout(variant, fake, 99)
        outcomes = _webhook_vs_buyer(checkout, tx, succeeded, lock=False)
    print("control outcomes:", dict(outcomes))
    tx.refresh_from_db()
    charges = TransactionEvent.objects.filter(transaction=tx, type="CHARGE_SUCCESS").count()
    # Both read "nothing charged yet" and both recorded the charge (the second write even
    # overwrote the first: the events no longer add up to the amount) — what the locks prevent.
    assert charges == 2, outcomes


# --- Stripe: one idempotency key clicked many times → one PaymentIntent ------------------------
def test_one_idempotency_key_clicked_at_once_creates_one_payment_intent(checkout, stripe_on):
    created = []

    def create_intent(request):
        created.append(request.headers["Idempotency-Key"])
        body = {
            "id": f"pi_click_{len(created)}",
            "object": "payment_intent",
            "amount": 1,
            "currency": "vnd",
            "client_secret": "secret",
            "status": "requires_payment_method",
        }
        return 200, {}, json.dumps(body)

    with responses.RequestsMock(assert_all_requests_are_fired=False) as fake:
        fake.add_callback(responses.POST, f"{STRIPE_API}/v1/payment_intents", create_intent)
        outcomes = _race_stripe(checkout, ["same-key"] * CLICKS)
    print("outcomes:", dict(outcomes), "intents:", created)
    assert outcomes["ok"] == CLICKS, outcomes
    assert len(created) == 1 and TransactionItem.objects.count() == 1
    assert TransactionItem.objects.get().psp_reference == "pi_click_1"


def _race_stripe(checkout, keys: list[str]) -> Counter:
    outcomes: Counter = Counter()
    guard = threading.Lock()
    barrier = threading.Barrier(len(keys))

    def click(key) -> None:
        try:
            barrier.wait()
            services.transaction_initialize(
                checkout=checkout, gateway_id="saleor.app.payment.stripe", idempotency_key=key
            )
            outcome = "ok"
        except Exception as error:  # noqa: BLE001
            outcome = "crash:" + type(error).__name__
        finally:
            connections.close_all()
        with guard:
            outcomes[outcome] += 1

    threads = [threading.Thread(target=click, args=(k,)) for k in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes
