"""The demo buyer that ``seed_demo`` creates: can log in, has a saved Lâm Đồng address, and
running it twice changes nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate

from accounts.models import User
from orders.demo import DEMO_BUYER_EMAIL, DEMO_BUYER_PASSWORD, demo_buyer_create

pytestmark = pytest.mark.django_db


def test_demo_buyer_has_a_password_and_a_default_lam_dong_address():
    user, created = demo_buyer_create()
    assert created and user.check_password(DEMO_BUYER_PASSWORD)
    assert authenticate(email=DEMO_BUYER_EMAIL, password=DEMO_BUYER_PASSWORD) == user
    address = user.default_shipping_address
    assert address is not None and user.default_billing_address_id == address.pk
    assert list(user.addresses.all()) == [address]
    assert address.province_id == 68 and address.country_area == "Lâm Đồng"
    assert address.ward is not None and address.phone.startswith("+84")


def test_demo_buyer_is_idempotent():
    first, _ = demo_buyer_create()
    second, created = demo_buyer_create()
    assert not created and first.pk == second.pk
    assert User.objects.filter(email=DEMO_BUYER_EMAIL).count() == 1
    assert second.addresses.count() == 1


def test_demo_buyer_can_log_in_over_graphql(api):
    demo_buyer_create()
    body = api(
        "mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) "
        "{ token errors { code } user { email defaultShippingAddress { city countryArea } } } }",
        {"e": DEMO_BUYER_EMAIL, "p": DEMO_BUYER_PASSWORD},
    )
    payload = body["data"]["tokenCreate"]
    assert payload["errors"] == [] and payload["token"]
    assert payload["user"]["defaultShippingAddress"]["countryArea"] == "Lâm Đồng"


def test_seed_demo_adds_shipping_and_the_demo_buyer(monkeypatch):
    """``seed_demo`` ends with the orders part; the catalogue loader is stubbed (its own tests
    cover it) so this stays quick."""
    from django.core.management import call_command

    import catalog.management.commands.seed_demo as seed_demo
    from orders.models import ShippingMethod

    class Summary:
        def created_anything(self) -> bool:
            return False

    monkeypatch.setattr(seed_demo, "demo_catalogue_load", lambda: Summary())
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    assert User.objects.filter(email=DEMO_BUYER_EMAIL).count() == 1
    assert ShippingMethod.objects.filter(slug__in=["tieu-chuan", "nhanh"]).count() == 2
