"""Order and checkout reads, shaped for the API (a fixed number of queries per request)."""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from catalog.models import VariantChannelListing

from .models import Checkout, CheckoutLine, Order, OrderLine


def _priced_lines(checkout_channel_id: Any) -> QuerySet[CheckoutLine]:
    price = VariantChannelListing.objects.filter(
        variant=OuterRef("variant_id"), channel_id=checkout_channel_id
    ).values("price_amount")[:1]
    return (
        CheckoutLine.objects.select_related(
            "variant",
            "variant__product",
            "variant__product__producer",
            "variant__product__category",
            "reservation",
        )
        .annotate(unit_gross=Subquery(price))
        .order_by("created_at", "id")
    )


def checkout_lines_priced(checkout: Checkout) -> list[CheckoutLine]:
    return list(_priced_lines(checkout.channel_id).filter(checkout=checkout))


def checkout_get(*, token: Any, user: Any = None) -> Checkout | None:
    """A checkout by its token. One that belongs to a user is visible only to that user."""
    checkout = (
        Checkout.objects.select_related(
            "channel", "shipping_address", "billing_address", "shipping_method", "user"
        )
        .filter(token=token)
        .first()
    )
    if checkout is None:
        return None
    if checkout.user_id is not None:
        if user is None or not user.is_authenticated:
            return None
        if checkout.user_id != user.pk and not user.is_staff:
            return None
    return checkout


def checkout_for_update(*, token: Any, user: Any = None) -> Checkout | None:
    """The checkout row locked for a write (parent before children, as every writer does)."""
    if checkout_get(token=token, user=user) is None:
        return None
    return (
        Checkout.objects.select_for_update(of=("self",))
        .select_related("channel", "shipping_address", "billing_address", "shipping_method")
        .filter(token=token)
        .first()
    )


def order_lines_prefetch() -> Prefetch:
    return Prefetch(
        "lines",
        queryset=OrderLine.objects.select_related("variant", "producer").order_by(
            "sort_order", "id"
        ),
    )


def orders_with_details() -> QuerySet[Order]:
    return Order.objects.select_related(
        "channel", "shipping_address", "billing_address", "shipping_method", "user"
    ).prefetch_related(order_lines_prefetch(), "events", "fulfillments__lines", "parcels__producer")
