"""Checkout services without HTTP: lines, availability, delivery, completion."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from catalog.models import Stock
from orders import checkout as services
from orders.checkout_complete import checkout_complete
from orders.models import Allocation, Checkout, Order, OrderStatus
from shop.graphql.ids import global_id
from tests.catalog.factories import default_channel, make_product, variant_of
from tests.orders.conftest import ADDRESS_HA_NOI, ADDRESS_LAM_DONG, cod_initialize

pytestmark = pytest.mark.django_db


def line(variant, quantity=1):
    return {"variant_id": global_id("ProductVariant", variant.pk), "quantity": quantity}


def ready_checkout(shipping, variants_quantities, address=ADDRESS_LAM_DONG):
    checkout = services.checkout_create(
        channel=default_channel(),
        lines=[line(v, q) for v, q in variants_quantities],
        email="buyer@example.vn",
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
    first = ready_checkout(shipping, [(variant, 3)])
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
