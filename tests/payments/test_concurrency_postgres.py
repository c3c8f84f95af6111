"""transactionInitialize races on PostgreSQL with real threads and real commits.

Each race runs with the checkout row lock (the product) and, as a control, without it."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connections

from orders import checkout as checkout_services
from orders.models import ShippingMethod
from payments import services
from payments.models import TransactionItem
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
