"""Checkout services without HTTP: lines, availability, delivery, completion."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from catalog.models import Stock
from orders import checkout as services
from orders.checkout_complete import checkout_complete
from orders.models import Allocation, Checkout, Order, OrderStatus, Reservation
from shop.graphql.ids import global_id
from tests.catalog.factories import default_channel, make_product, variant_of
from tests.orders.conftest import ADDRESS_HA_NOI, ADDRESS_LAM_DONG, cod_initialize
from tests.orders.test_orders import user_create

pytestmark = pytest.mark.django_db


def line(variant, quantity=1):
    return {"variant_id": global_id("ProductVariant", variant.pk), "quantity": quantity}


def ready_checkout(shipping, variants_quantities, address=ADDRESS_LAM_DONG, user=None):
    checkout = services.checkout_create(
        channel=default_channel(),
        lines=[line(v, q) for v, q in variants_quantities],
        email="buyer@example.vn",
        user=user,
    )
    services.checkout_shipping_address_update(checkout=checkout, address=address)
    services.checkout_delivery_method_update(checkout=checkout, method=shipping["tieu-chuan"])
    cod_initialize(checkout)
    return checkout


def test_full_flow_creates_an_order_with_snapshots_and_allocations(shipping):
    product = make_product("Cà phê Arabica", prices=(150000,), stock=10)
    variant = variant_of(product)
    checkout = ready_checkout(shipping, [(variant, 2)])
    result = checkout_complete(token=checkout.token)
    order = result.order
    assert result.created and order.status == OrderStatus.UNFULFILLED
    line_ = order.lines.get()
    assert (line_.product_name, line_.product_sku, line_.quantity) == (
        "Cà phê Arabica",
        variant.sku,
        2,
    )
    assert line_.total_price_gross_amount == 300000
    assert (
        order.total_gross_amount == order.subtotal_gross_amount + order.shipping_price_gross_amount
    )
    assert Stock.objects.get(variant=variant).quantity_allocated == 2
    assert Allocation.objects.get().quantity_allocated == 2
    assert not Checkout.objects.filter(token=checkout.token).exists()
    # A repeated call returns the same order.
    again = checkout_complete(token=checkout.token)
    assert (again.order.pk, again.created) == (order.pk, False)
    assert Order.objects.count() == 1


def test_adding_more_than_available_is_refused_with_the_variant(shipping):
    variant = variant_of(make_product(stock=3))
    checkout = services.checkout_create(channel=default_channel(), lines=[line(variant, 2)])
    with pytest.raises(ValidationError) as error:
        services.checkout_lines_add(checkout=checkout, lines=[line(variant, 2)])
    assert error.value.error_dict["quantity"][0].code == "insufficient_stock"
    assert checkout.lines.get().quantity == 2


def test_other_buyers_holds_reduce_availability(shipping):
    variant = variant_of(make_product(stock=3))
    first = ready_checkout(shipping, [(variant, 3)], user=user_create())
    assert first.lines.get().reservation.quantity == 3
    with pytest.raises(ValidationError):
        services.checkout_create(channel=default_channel(), lines=[line(variant, 1)])


def test_two_producers_ship_two_parcels_priced_separately(shipping):
    a = variant_of(make_product(prices=(100000,)))
    b = variant_of(make_product(prices=(100000,)))
    checkout = ready_checkout(shipping, [(a, 1), (b, 1)], address=ADDRESS_HA_NOI)
    totals = services.checkout_totals(checkout)
    assert len(totals.quote.parcels) == 2
    assert totals.shipping.gross.amount == sum(p.price.amount for p in totals.quote.parcels)
    order = checkout_complete(token=checkout.token).order
    assert order.parcels.count() == 2


def test_quantity_over_the_line_limit_is_refused(shipping, settings):
    settings.CHECKOUT_MAX_LINE_QUANTITY = 5
    variant = variant_of(make_product(stock=100))
    with pytest.raises(ValidationError) as error:
        services.checkout_create(channel=default_channel(), lines=[line(variant, 6)])
    assert error.value.error_dict["quantity"][0].code == "quantity_greater_than_limit"


def test_unpublished_or_uncertified_variants_cannot_be_added(shipping):
    for product in (make_product(published=False), make_product(certificate_status="pending")):
        with pytest.raises(ValidationError) as error:
            services.checkout_create(channel=default_channel(), lines=[line(variant_of(product))])
        assert error.value.error_dict["lines"][0].code == "unavailable_variant_in_channel"
    assert Checkout.objects.count() == 0


def test_complete_refuses_when_the_last_unit_was_taken(shipping):
    variant = variant_of(make_product(stock=1))
    checkout = ready_checkout(shipping, [(variant, 1)])
    Stock.objects.filter(variant=variant).update(quantity_allocated=1)  # sold elsewhere
    with pytest.raises(ValidationError) as error:
        checkout_complete(token=checkout.token)
    assert error.value.error_dict["lines"][0].code == "insufficient_stock"
    assert Order.objects.count() == 0
    assert Checkout.objects.filter(token=checkout.token).exists()


# --- Stock holds: who holds, for how long (README "Stock holds") -------------------------------
@pytest.fixture
def clock(monkeypatch):
    """A settable ``timezone.now`` for the services: ``clock.minutes = 12`` moves 12 minutes on."""
    start = timezone.now()

    class Clock:
        minutes = 0

        def now(self):
            return start + datetime.timedelta(minutes=self.minutes)

    fake = Clock()
    monkeypatch.setattr(timezone, "now", fake.now)
    return fake


def test_an_anonymous_checkout_cannot_hold_all_units_away_from_a_buyer(shipping):
    variant = variant_of(make_product(stock=3))
    squatter = ready_checkout(shipping, [(variant, 3)])  # anonymous, at delivery and paid
    services.checkout_shipping_address_update(checkout=squatter, address=ADDRESS_LAM_DONG)
    assert not Reservation.objects.exists()
    buyer = ready_checkout(shipping, [(variant, 2)], user=user_create())
    assert buyer.lines.get().reservation.quantity == 2
    assert checkout_complete(token=buyer.token).created
    # The anonymous cart still learns at its next step, and at completion, that 1 unit is left.
    with pytest.raises(ValidationError) as error:
        services.checkout_shipping_address_update(checkout=squatter, address=ADDRESS_LAM_DONG)
    assert error.value.messages == ["Không đủ hàng: chỉ còn 1 sản phẩm."]
    with pytest.raises(ValidationError):
        checkout_complete(token=squatter.token)


def test_renewing_a_hold_cannot_pass_its_lifetime(shipping, clock, settings):
    settings.CHECKOUT_RESERVATION_MINUTES, settings.CHECKOUT_RESERVATION_MAX_MINUTES = 10, 30
    variant = variant_of(make_product(stock=3))
    holder = ready_checkout(shipping, [(variant, 3)], user=user_create())
    first = holder.lines.get().reservation.reserved_until
    assert first == clock.now() + datetime.timedelta(minutes=10)
    for minutes in (9, 18, 27):  # setting the address again renews the hold...
        clock.minutes = minutes
        services.checkout_shipping_address_update(checkout=holder, address=ADDRESS_LAM_DONG)
    # ...but never past 30 minutes after the first hold.
    assert holder.lines.get().reservation.reserved_until == first + datetime.timedelta(minutes=20)
    clock.minutes = 31
    services.checkout_shipping_address_update(checkout=holder, address=ADDRESS_LAM_DONG)
    services.checkout_lines_update(
        checkout=holder, lines=[{"variant_id": line(variant)["variant_id"], "quantity": 3}]
    )
    assert not Reservation.objects.exists()
    other = ready_checkout(shipping, [(variant, 3)], user=user_create())
    assert checkout_complete(token=other.token).created


def test_an_account_holds_for_one_checkout_at_a_time(shipping):
    variant = variant_of(make_product(stock=10))
    user = user_create()
    first = ready_checkout(shipping, [(variant, 4)], user=user)
    second = ready_checkout(shipping, [(variant, 4)], user=user)
    assert not Reservation.objects.filter(checkout_line__checkout=first).exists()
    assert second.lines.get().reservation.quantity == 4
    services.checkout_customer_detach(checkout=second)
    assert not Reservation.objects.exists()


def test_a_hold_beyond_the_free_units_is_refused_with_how_many_are_left(shipping):
    variant = variant_of(make_product(stock=3))
    late = services.checkout_create(
        channel=default_channel(), lines=[line(variant, 2)], user=user_create()
    )
    ready_checkout(shipping, [(variant, 2)], user=user_create())  # holds 2 of the 3
    with pytest.raises(ValidationError) as error:
        services.checkout_shipping_address_update(checkout=late, address=ADDRESS_LAM_DONG)
    assert error.value.error_dict["quantity"][0].code == "insufficient_stock"
    assert error.value.messages == ["Không đủ hàng: chỉ còn 1 sản phẩm."]
