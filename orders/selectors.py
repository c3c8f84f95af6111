"""Order and checkout reads, shaped for the API (a fixed number of queries per request)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery, prefetch_related_objects
from django.utils.module_loading import import_string

from catalog.models import Product, ProductVariant, VariantChannelListing
from catalog.selectors import product_prefetch, variant_annotations
from shop.graphql.selection import selects

from .models import (
    Checkout,
    CheckoutLine,
    Fulfillment,
    Order,
    OrderDeliveryParcel,
    OrderEvent,
    OrderLine,
)


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


def _product_paths(paths: set[str] | None) -> set[str] | None:
    if paths is None:
        return None
    prefix = "lines.variant.product."
    result = {p[len(prefix) :] for p in paths if p.startswith(prefix)}
    if selects(paths, "lines.thumbnail", "lines.variant.media"):
        result.add("thumbnail")
    return result


_PAYMENT_FIELDS = (
    "isPaid",
    "paymentStatus",
    "paymentStatusDisplay",
    "authorizeStatus",
    "chargeStatus",
    "transactions",
    "totalAuthorized",
    "totalCaptured",
    "totalCharged",
    "totalCanceled",
    "totalRefunded",
    "totalBalance",
)


def order_prefetch(orders: Iterable[Order], *, paths: set[str] | None = None) -> None:
    """Load everything the order types read, for a page of orders, in a fixed number of queries
    (per channel). ``paths`` is what the query selects (``None``: everything)."""
    orders = list(orders)
    if not orders:
        return
    line_qs = OrderLine.objects.select_related("producer").order_by("sort_order", "id")
    by_channel: dict[int, list[Order]] = defaultdict(list)
    for order in orders:
        by_channel[order.channel_id].append(order)
    wants_variant = selects(
        paths, "lines.variant", "lines.thumbnail", "fulfillments.lines", "events.lines"
    )
    for channel_orders in by_channel.values():
        lookups: list[Any] = []
        queryset = line_qs
        if wants_variant:
            channel = channel_orders[0].channel
            products = product_prefetch(
                Product.objects.all(), channel=channel, paths=_product_paths(paths)
            )
            variants = ProductVariant.objects.annotate(
                **variant_annotations(channel)
            ).prefetch_related("translations", Prefetch("product", queryset=products))
            queryset = line_qs.prefetch_related(Prefetch("variant", queryset=variants))
        lookups.append(Prefetch("lines", queryset=queryset))
        if selects(paths, "fulfillments", "trackingNumbers", "events.fulfilledItems"):
            lookups.append(
                Prefetch(
                    "fulfillments",
                    queryset=Fulfillment.objects.order_by("fulfillment_order").prefetch_related(
                        "lines"
                    ),
                )
            )
        if selects(paths, "events"):
            lookups.append(Prefetch("events", queryset=OrderEvent.objects.select_related("user")))
        if selects(paths, "deliveryParcels"):
            parcels = OrderDeliveryParcel.objects.select_related("producer")
            lookups.append(Prefetch("parcels", queryset=parcels))
        prefetch_related_objects(channel_orders, *lookups)
    if selects(paths, *_PAYMENT_FIELDS):
        payment_status_prefetch(orders)


def payment_status_prefetch(orders: list[Any]) -> None:
    """Load the payment state of a page of orders at once (``PAYMENT_STATUS_PREFETCH``: the
    payments app's reader; orders must not import payments)."""
    import_string(settings.PAYMENT_STATUS_PREFETCH)(orders)


def orders_base_queryset() -> QuerySet[Order]:
    return Order.objects.select_related(
        "channel", "shipping_address", "billing_address", "shipping_method", "user"
    )


def order_get(*, pk: Any) -> Order | None:
    """The order ``pk`` with its channel, addresses, method and buyer (no visibility check)."""
    return orders_base_queryset().filter(pk=pk).first()
