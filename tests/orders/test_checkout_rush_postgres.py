"""A rush for the last units, over GraphQL, with real threads and real commits on PostgreSQL.

Every buyer runs the whole flow at once: ``checkoutCreate`` (with email) →
``checkoutShippingAddressUpdate`` → ``checkoutDeliveryMethodUpdate`` → ``transactionInitialize``
(cash on delivery) → ``checkoutComplete``. However the steps interleave, K units make exactly K
orders: signed-in buyers hold stock at the address step, so the rest are refused there with how
many units are left; anonymous buyers hold nothing and the completion's locks decide. The
control runs the same rush with the hold's row locks switched off and must go wrong (holds
written for more units than exist, so nobody can complete), or the test would prove nothing.
Last, two tabs of one account taking holds at once leave one held cart (one per account).
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import Client

from accounts import jwt as tokens
from accounts.models import User
from catalog.models import Stock
from orders import availability
from orders.models import Order, Reservation, ShippingMethod
from shop.graphql.ids import global_id
from tests.catalog.factories import make_product, variant_of
from tests.orders.test_concurrency_postgres import _two_variants_in_two_warehouses

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BUYERS = 12
ERRORS = "errors { field code message }"
CREATE = (
    "mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) "
    "{ checkout { id } %s } }" % ERRORS
)
ADDRESS = (
    "mutation($id: ID!, $address: AddressInput!) { checkoutShippingAddressUpdate(id: $id, "
    "shippingAddress: $address) { checkout { id stockReservationExpires } %s } }" % ERRORS
)
DELIVERY = (
    "mutation($id: ID!, $method: ID) { checkoutDeliveryMethodUpdate(id: $id, "
    "deliveryMethodId: $method) { checkout { id } %s } }" % ERRORS
)
PAY = (
    'mutation($id: ID!) { transactionInitialize(id: $id, paymentGateway: {id: "ocop.payments.cod"})'
    " { transaction { id } %s } }" % ERRORS
)
COMPLETE = "mutation($id: ID!) { checkoutComplete(id: $id) { order { id } %s } }" % ERRORS
SHIPPING_ADDRESS = {
    "firstName": "Nguyễn",
    "lastName": "Văn A",
    "streetAddress1": "12 Đường Lang Biang",
    "city": "Xã Lạc Dương",
    "countryArea": "Lâm Đồng",
    "country": "VN",
    "phone": "0912345678",
}


@pytest.fixture
def method_id():
    call_command("seed_shipping", verbosity=0)
    return global_id("ShippingMethod", ShippingMethod.objects.get(slug="tieu-chuan").pk)


@dataclass
class Outcomes:
    counts: Counter = field(default_factory=Counter)
    messages: list[str] = field(default_factory=list)


def _buy(client: Client, token: str | None, lines: list[dict], method: str) -> tuple[str, str]:
    """One buyer's whole flow; the first refusal ends it: (``step:CODE`` or ``order``, message)."""
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def call(step: str, query: str, variables: dict) -> dict:
        response = client.post(
            "/graphql/",
            data=json.dumps({"query": query, "variables": variables}),
            content_type="application/json",
            **headers,
        )
        body = response.json()
        if response.status_code != 200 or "errors" in body:
            raise AssertionError(f"{step}: {response.status_code} {body}")
        return next(iter(body["data"].values()))

    payload = call("create", CREATE, {"input": {"lines": lines, "email": "mua@example.vn"}})
    if payload["errors"]:
        return "create:" + payload["errors"][0]["code"], payload["errors"][0]["message"]
    checkout_id = payload["checkout"]["id"]
    steps = [
        ("address", ADDRESS, {"address": SHIPPING_ADDRESS}),
        ("delivery", DELIVERY, {"method": method}),
        ("pay", PAY, {}),
        ("complete", COMPLETE, {}),
    ]
    for step, query, variables in steps:
        payload = call(step, query, {"id": checkout_id, **variables})
        if payload["errors"]:
            return f"{step}:{payload['errors'][0]['code']}", payload["errors"][0]["message"]
    return "order", ""


def _rush(buyers: list[tuple[str | None, list[dict]]], method: str) -> Outcomes:
    """Every buyer's flow from its own thread, all starting at one barrier."""
    outcomes = Outcomes()
    barrier = threading.Barrier(len(buyers))
    lock = threading.Lock()

    def buyer(token: str | None, lines: list[dict]) -> None:
        try:
            client = Client()
            barrier.wait()
            outcome, message = _buy(client, token, lines, method)
        except Exception as error:  # noqa: BLE001 — a crash (deadlock, 500) is an outcome
            outcome, message = "crash:" + type(error).__name__, str(error)[:300]
        finally:
            connections.close_all()
        with lock:
            outcomes.counts[outcome] += 1
            outcomes.messages.append(message)

    threads = [threading.Thread(target=buyer, args=args) for args in buyers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert not any(thread.is_alive() for thread in threads), "a buyer hung"
    return outcomes


def _widen_hold_window(monkeypatch, seconds: float) -> None:
    """Widen the window between counting free units and writing the holds, as a loaded
    server would."""
    original = availability.free_units

    def slow(*args, **kwargs):
        result = original(*args, **kwargs)
        time.sleep(seconds)
        return result

    monkeypatch.setattr(availability, "free_units", slow)


@pytest.fixture
def slow_holds(monkeypatch):
    _widen_hold_window(monkeypatch, 0.1)


def _signed_in_tokens(count: int) -> list[str]:
    users = [
        User.objects.create_user(email=f"mua{n}@example.vn", password=None) for n in range(count)
    ]
    return [tokens.access_token_create(user) for user in users]


def _line(variant) -> dict:
    return {"variantId": global_id("ProductVariant", variant.pk), "quantity": 1}


def _refused(outcomes: Outcomes, *steps: str) -> int:
    """Buyers refused with ``INSUFFICIENT_STOCK`` at one of ``steps`` (the step depends on how
    the threads happened to interleave)."""
    return sum(outcomes.counts[f"{step}:INSUFFICIENT_STOCK"] for step in steps)


def _assert_sold(variants, units: int) -> None:
    for variant in variants:
        stocks = list(Stock.objects.filter(variant=variant))
        assert sum(s.quantity_allocated for s in stocks) == units
        assert all(0 <= s.quantity_allocated <= s.quantity for s in stocks)


def test_twelve_signed_in_buyers_for_three_units_make_three_orders(method_id, slow_holds):
    variant = variant_of(make_product("Cà phê Arabica", prices=(150000,), stock=3))
    buyers = [(token, [_line(variant)]) for token in _signed_in_tokens(BUYERS)]
    outcomes = _rush(buyers, method_id)
    print("outcomes:", dict(outcomes.counts))
    assert outcomes.counts["order"] == 3, outcomes
    # The rest learn by the address step at the latest, with how many are left (none).
    assert _refused(outcomes, "create", "address") == BUYERS - 3, outcomes
    assert "chỉ còn 0" in " ".join(outcomes.messages)
    assert Order.objects.count() == 3
    _assert_sold([variant], 3)


def test_twelve_anonymous_buyers_for_three_units_make_three_orders(method_id, slow_holds):
    variant = variant_of(make_product("Cà phê Arabica", prices=(150000,), stock=3))
    outcomes = _rush([(None, [_line(variant)])] * BUYERS, method_id)
    print("outcomes:", dict(outcomes.counts))
    assert outcomes.counts["order"] == 3, outcomes
    # Anonymous carts hold nothing (README: stock holds): the completion's locks decide, or an
    # earlier step once the orders are placed.
    assert _refused(outcomes, "create", "address", "delivery", "complete") == BUYERS - 3, outcomes
    assert Order.objects.count() == 3
    _assert_sold([variant], 3)


def test_two_variants_in_opposite_orders_sell_exactly_the_stock(method_id, slow_holds):
    a, b = _two_variants_in_two_warehouses()  # 5 units of each over two warehouses
    buyers = [
        (token, [_line(a), _line(b)] if n % 2 == 0 else [_line(b), _line(a)])
        for n, token in enumerate(_signed_in_tokens(BUYERS))
    ]
    outcomes = _rush(buyers, method_id)
    print("outcomes:", dict(outcomes.counts))
    assert outcomes.counts["order"] == 5, outcomes  # no deadlock, no crash
    assert _refused(outcomes, "create", "address") == BUYERS - 5, outcomes
    _assert_sold([a, b], 5)


def test_control_without_the_hold_locks_the_rush_sells_nothing(method_id, slow_holds, monkeypatch):
    variant = variant_of(make_product("Cà phê Arabica", prices=(150000,), stock=3))
    buyers = [(token, [_line(variant)]) for token in _signed_in_tokens(BUYERS)]
    monkeypatch.setattr(availability, "LOCK_ROWS", False)
    outcomes = _rush(buyers, method_id)
    print("outcomes:", dict(outcomes.counts))
    # Unlocked, buyers count free units before the others' holds are written: more holds than
    # units, and every holder then sees the others' holds at completion (the bug of issue #9).
    assert outcomes.counts["order"] < 3, outcomes
    assert Reservation.objects.count() > 3 - outcomes.counts["order"]


def _address_at_once(token: str, checkout_ids: list[str]) -> Counter:
    outcomes: Counter = Counter()
    barrier = threading.Barrier(len(checkout_ids))
    lock = threading.Lock()

    def tab(checkout_id: str) -> None:
        client = Client()
        barrier.wait()
        try:
            response = client.post(
                "/graphql/",
                data=json.dumps(
                    {
                        "query": ADDRESS,
                        "variables": {"id": checkout_id, "address": SHIPPING_ADDRESS},
                    }
                ),
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Bearer {token}",
            )
            outcome = "ok" if not response.json().get("errors") else "crash"
        finally:
            connections.close_all()
        with lock:
            outcomes[outcome] += 1

    threads = [threading.Thread(target=tab, args=(cid,)) for cid in checkout_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def _two_carts_of_one_account() -> tuple[str, list[str]]:
    (token,) = _signed_in_tokens(1)
    client = Client()
    ids = []
    for name in ("Cà phê Arabica", "Trà Atiso"):  # different products: no shared stock row
        variant = variant_of(make_product(name, prices=(100000,), stock=5))
        body = client.post(
            "/graphql/",
            data=json.dumps({"query": CREATE, "variables": {"input": {"lines": [_line(variant)]}}}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        ).json()
        ids.append(body["data"]["checkoutCreate"]["checkout"]["id"])
    return token, ids


def test_two_tabs_of_one_account_leave_one_held_cart(method_id, monkeypatch):
    _widen_hold_window(monkeypatch, 0.5)
    token, ids = _two_carts_of_one_account()
    assert _address_at_once(token, ids) == Counter(ok=2)
    assert Reservation.objects.values("checkout_line__checkout").distinct().count() == 1


def test_control_without_the_account_lock_both_tabs_keep_their_holds(method_id, monkeypatch):
    token, ids = _two_carts_of_one_account()
    monkeypatch.setattr(availability, "LOCK_ROWS", False)
    # Both tabs count free units before either writes its holds (what the lock prevents).
    both_counted = threading.Barrier(2, timeout=30)
    original = availability.free_units

    def counted(*args, **kwargs):
        result = original(*args, **kwargs)
        both_counted.wait()
        return result

    monkeypatch.setattr(availability, "free_units", counted)
    assert _address_at_once(token, ids) == Counter(ok=2)
    assert Reservation.objects.values("checkout_line__checkout").distinct().count() == 2
