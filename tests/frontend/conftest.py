"""Fixtures for the producer portal: two producers with products, their members, a customer,
OCOP staff, and signed-in test clients for each."""

from __future__ import annotations

import itertools
import os
import shutil

import pytest
from django.test import Client

from accounts.models import User
from catalog.models import ProducerMember
from tests.catalog.factories import make_producer, make_product

PASSWORD = "Mat-khau-2025"
CHROMIUM = "/usr/bin/chromium"
_seq = itertools.count(1)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Browser tests (marker ``e2e``) need Debian's Chromium: skipped without it, and a failure
    instead of a skip when ``REQUIRE_E2E=1`` (CI), as ``REQUIRE_POSTGRES`` does for PostgreSQL."""
    if "e2e" in item.keywords and not shutil.which(CHROMIUM):
        if os.environ.get("REQUIRE_E2E") == "1":
            pytest.fail(f"REQUIRE_E2E=1 but {CHROMIUM} is missing (run `make e2e-deps`)")
        pytest.skip(f"needs {CHROMIUM} (run `make e2e-deps`)")


def user_make(*, is_staff: bool = False, producer=None, email: str | None = None) -> User:
    n = next(_seq)
    user = User.objects.create_user(
        email=email or f"portal{n}@example.vn", password=PASSWORD, is_staff=is_staff
    )
    if producer is not None:
        ProducerMember.objects.create(producer=producer, user=user, role="owner")
    return user


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def world(db):
    """Producer A (two products) and B (one product), and one user per role."""
    a = make_producer("HTX Cà phê Lạc Dương")
    b = make_producer("HTX Dâu tây Đà Lạt")
    a1 = make_product("Cà phê Arabica Cầu Đất", producer=a, prices=(150000, 280000), stock=10)
    a2 = make_product("Trà Atiso", producer=a, prices=(90000,), stock=3)
    b1 = make_product("Mứt dâu tây", producer=b, prices=(70000,), stock=20)
    return {
        "a": a,
        "b": b,
        "a1": a1,
        "a2": a2,
        "b1": b1,
        "member_a": user_make(producer=a),
        "member_b": user_make(producer=b),
        "customer": user_make(),
        "staff": user_make(is_staff=True),
    }


@pytest.fixture
def shipping(db):
    from django.core.management import call_command

    from orders.models import ShippingMethod

    call_command("seed_shipping", verbosity=0)
    return {m.slug: m for m in ShippingMethod.objects.all()}


def place_order(shipping, items, *, email: str = "khach@example.vn"):
    """An order placed the way the shop places one: checkout services, then completion."""
    from orders import checkout as checkout_services
    from orders.checkout_complete import checkout_complete
    from payments.gateways.cod import COD_GATEWAY_ID
    from payments.services import transaction_initialize
    from shop.graphql.ids import global_id
    from tests.catalog.factories import default_channel

    checkout = checkout_services.checkout_create(
        channel=default_channel(),
        lines=[{"variant_id": global_id("ProductVariant", v.pk), "quantity": q} for v, q in items],
        email=email,
        user=None,
        language_code="vi",
    )
    checkout_services.checkout_shipping_address_update(
        checkout=checkout,
        address={
            "first_name": "Nguyễn",
            "last_name": "Văn A",
            "street_address_1": "12 Đường Lang Biang",
            "city": "Xã Lạc Dương",
            "country_area": "Lâm Đồng",
            "country": "VN",
            "phone": "0912345678",
        },
    )
    checkout_services.checkout_delivery_method_update(
        checkout=checkout, method=shipping["tieu-chuan"]
    )
    transaction_initialize(checkout=checkout, gateway_id=COD_GATEWAY_ID)  # cash on delivery
    return checkout_complete(token=checkout.token, user=None).order
