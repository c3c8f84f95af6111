"""Races on PostgreSQL with real threads and real commits.

Each race runs twice: with the row locks of ``checkoutComplete`` (the product) and, as a control,
with them switched off. The control must go wrong — otherwise the test would prove nothing about
the locks.
"""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, connections

from catalog.models import Stock, Warehouse
from orders import checkout as checkout_services
from orders import checkout_complete as completion
from orders.models import Checkout, Order, Reservation, ShippingMethod
from shop.graphql.ids import global_id
from tests.catalog.factories import default_channel, make_product, variant_of
from tests.orders.conftest import ADDRESS_LAM_DONG, cod_initialize

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BUYERS = 20


def _line(variant) -> dict:
    return {"variant_id": global_id("ProductVariant", variant.pk), "quantity": 1}


def _two_variants_in_two_warehouses():
    """Variant A: 3 + 2 units, variant B: 2 + 3 units, in two warehouses of one producer."""
    product = make_product("Mứt phúc bồn tử", prices=(90000, 120000), stock=0)
    a, b = product.variants.order_by("sort_order")
    first = product.producer.warehouses.get()
    second = Warehouse.objects.create(
        name="Kho phụ",
        slug=f"{first.slug}-2",
        producer=product.producer,
        province_id=first.province_id,
        ward_id=first.ward_id,
    )
    Stock.objects.filter(variant=a, warehouse=first).update(quantity=3)
    Stock.objects.filter(variant=b, warehouse=first).update(quantity=2)
    Stock.objects.create(variant=a, warehouse=second, quantity=2)
    Stock.objects.create(variant=b, warehouse=second, quantity=3)
    return a, b


def _ready_checkout(lines: list[dict]) -> Checkout:
    method = ShippingMethod.objects.get(slug="tieu-chuan")
    checkout = checkout_services.checkout_create(
        channel=default_channel(), lines=lines, email="buyer@example.vn"
    )
    checkout_services.checkout_shipping_address_update(checkout=checkout, address=ADDRESS_LAM_DONG)
    checkout_services.checkout_delivery_method_update(checkout=checkout, method=method)
    cod_initialize(checkout)
    return checkout


def _race(tokens: list, *, pause: float = 0.05) -> Counter:
    """Complete every checkout at once from its own thread; count the outcomes."""
    outcomes: Counter = Counter()
    orders: list = []
    barrier = threading.Barrier(len(tokens))
    lock = threading.Lock()
    original_check = completion._check_availability

    def slow_check(*args, **kwargs):
        original_check(*args, **kwargs)
        time.sleep(pause)  # widen the window between checking and allocating

    def buyer(token) -> None:
        try:
            barrier.wait()
            result = completion.checkout_complete(token=token)
            outcome = "order"
            with lock:
                orders.append(result.order.pk)
        except ValidationError as error:
            outcome = "refused:" + next(iter(error.error_dict.values()))[0].code
        except Exception as error:  # noqa: BLE001 — the control is expected to crash here
            outcome = "crash:" + type(error).__name__
        finally:
            connections.close_all()
        with lock:
            outcomes[outcome] += 1

    completion._check_availability = slow_check
    try:
        threads = [threading.Thread(target=buyer, args=(t,)) for t in tokens]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        completion._check_availability = original_check
    outcomes["distinct_orders"] = len(set(orders))
    return outcomes


@pytest.fixture
def seeded_shipping():
    call_command("seed_shipping", verbosity=0)


def _buyers_for_last_units():
    a, b = _two_variants_in_two_warehouses()
    tokens = []
    for index in range(BUYERS):
        lines = [_line(a), _line(b)] if index % 2 == 0 else [_line(b), _line(a)]
        tokens.append(_ready_checkout(lines).token)
        Reservation.objects.all().delete()  # every hold lapsed: the race is at completion
    return a, b, tokens


def test_twenty_buyers_race_for_the_last_five_units(seeded_shipping):
    a, b, tokens = _buyers_for_last_units()
    outcomes = _race(tokens)
    print("outcomes:", dict(outcomes))
    assert outcomes["order"] == 5, outcomes
    assert outcomes["refused:insufficient_stock"] == BUYERS - 5, outcomes
    assert not [k for k in outcomes if k.startswith("crash")], outcomes  # no deadlock, no 500
    for variant in (a, b):
        stocks = Stock.objects.filter(variant=variant)
        assert sum(s.quantity_allocated for s in stocks) == 5
        assert all(0 <= s.quantity_allocated <= s.quantity for s in stocks)
    assert Order.objects.count() == 5


def test_control_without_locks_the_race_goes_wrong(seeded_shipping, monkeypatch):
    _a, _b, tokens = _buyers_for_last_units()
    monkeypatch.setattr(completion, "LOCK_ROWS", False)
    outcomes = _race(tokens)
    print("outcomes:", dict(outcomes))
    crashes = sum(v for k, v in outcomes.items() if k.startswith("crash"))
    # Without the locks buyers pass the availability check on stale numbers; only the
    # database constraint stops the oversell, as crashes instead of clean refusals.
    assert crashes > 0, outcomes
    for stock in Stock.objects.all():
        assert 0 <= stock.quantity_allocated <= stock.quantity


def test_two_concurrent_completions_of_one_checkout_make_one_order(seeded_shipping):
    product = make_product("Cà phê Arabica", prices=(150000,), stock=10)
    token = _ready_checkout([_line(variant_of(product))]).token
    outcomes = _race([token, token])
    print("outcomes:", dict(outcomes))
    assert outcomes["order"] == 2, outcomes  # both callers get an order...
    assert outcomes["distinct_orders"] == 1, outcomes  # ...and it is the same one
    assert Order.objects.count() == 1
    assert Stock.objects.get(variant=variant_of(product)).quantity_allocated == 1


def test_control_without_the_checkout_lock_double_completion_breaks(seeded_shipping, monkeypatch):
    product = make_product("Cà phê Arabica", prices=(150000,), stock=10)
    token = _ready_checkout([_line(variant_of(product))]).token
    monkeypatch.setattr(completion, "LOCK_ROWS", False)
    outcomes = _race([token, token])
    print("outcomes:", dict(outcomes))
    crashed = sum(v for k, v in outcomes.items() if k.startswith("crash"))
    assert crashed >= 1 or outcomes["distinct_orders"] == 2, outcomes
    assert connection.vendor == "postgresql"
