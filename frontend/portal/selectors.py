"""Reads for the producer portal, each shaped for the page it feeds (a fixed number of queries
whatever the number of products, orders or lines)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from catalog.models import (
    Certificate,
    CertificateStatus,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductVariant,
    Stock,
    VariantChannelListing,
)
from orders.models import Order, OrderLine, OrderStatus

from .access import PortalScope

WAITING = (OrderStatus.UNFULFILLED, OrderStatus.PARTIALLY_FULFILLED)
EXPIRY_WINDOW_DAYS = 60
DASHBOARD_ROWS = 20


def low_stock_threshold() -> int:
    return settings.PORTAL_LOW_STOCK


@dataclass(frozen=True)
class Dashboard:
    low_stock: list[Stock]
    low_stock_count: int
    expiring: list[Certificate]
    orders_waiting: list[Order]
    orders_waiting_count: int
    threshold: int


def dashboard_get(*, scope: PortalScope, today: datetime.date | None = None) -> Dashboard:
    """Low stock, certificates expiring within 60 days and orders waiting: five queries."""
    today = today or timezone.localdate()
    threshold = low_stock_threshold()
    low = (
        scope.filter(Stock.objects.all(), "variant__product__producer_id")
        .annotate(available=F("quantity") - F("quantity_allocated"))
        .filter(available__lte=threshold, variant__track_inventory=True, warehouse__is_active=True)
        .select_related("variant__product", "warehouse")
        .order_by("available", "pk")
    )
    expiring = (
        scope.filter(Certificate.objects.all(), "product__producer_id")
        .filter(
            status=CertificateStatus.VERIFIED,
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=EXPIRY_WINDOW_DAYS),
        )
        .select_related("product")
        .order_by("valid_until", "pk")
    )
    waiting = orders_waiting(scope=scope)
    return Dashboard(
        low_stock=list(low[:DASHBOARD_ROWS]),
        low_stock_count=low.count(),
        expiring=list(expiring[:DASHBOARD_ROWS]),
        orders_waiting=list(waiting[:DASHBOARD_ROWS]),
        orders_waiting_count=waiting.count(),
        threshold=threshold,
    )


def _own_lines(scope: PortalScope) -> QuerySet[OrderLine]:
    return scope.filter(OrderLine.objects.all())


def orders_waiting(*, scope: PortalScope) -> QuerySet[Order]:
    """Orders with lines of the scope's producers still to ship, oldest first."""
    open_lines = _own_lines(scope).filter(quantity_fulfilled__lt=F("quantity"))
    return (
        Order.objects.filter(status__in=WAITING, pk__in=open_lines.values("order_id"))
        .annotate(
            own_open_lines=Count(
                "lines",
                filter=Q(lines__in=open_lines),
            )
        )
        .order_by("created_at", "pk")
    )


def orders_for_scope(*, scope: PortalScope, status: str = "") -> QuerySet[Order]:
    """Orders containing the scope's lines, newest first, with those lines' count and units."""
    lines = _own_lines(scope)
    queryset = Order.objects.filter(pk__in=lines.values("order_id"))
    if status:
        queryset = queryset.filter(status=status)
    return queryset.annotate(
        own_lines=Count("lines", filter=Q(lines__in=lines)),
        own_units=Sum("lines__quantity", filter=Q(lines__in=lines)),
    ).order_by("-number")


def order_for_scope(*, scope: PortalScope, order_id: Any) -> tuple[Order, list[OrderLine]] | None:
    """One order and only the scope's lines of it (None when it has none: not found)."""
    order = Order.objects.select_related("shipping_address", "channel").filter(pk=order_id).first()
    if order is None:
        return None
    lines = list(
        _own_lines(scope)
        .filter(order=order)
        .select_related("producer", "variant")
        .order_by("producer_id", "sort_order", "id")
    )
    return (order, lines) if lines else None


def products_for_scope(*, scope: PortalScope, search: str = "") -> QuerySet[Product]:
    """Products of the scope with their category, producer, cover photo and counts."""
    queryset = scope.filter(Product.objects.all())
    if search:
        queryset = queryset.filter(
            Q(name__icontains=search) | Q(variants__sku__icontains=search)
        ).distinct()
    return (
        queryset.select_related("category", "producer", "current_certificate")
        .annotate(variant_count=Count("variants", distinct=True))
        .prefetch_related(
            Prefetch("media", queryset=ProductMedia.objects.order_by("sort_order", "pk")),
            Prefetch(
                "channel_listings",
                queryset=ProductChannelListing.objects.select_related("channel"),
            ),
        )
        .order_by("name", "pk")
    )


def product_for_edit(*, scope: PortalScope, product_id: int) -> Product | None:
    """One product of the scope with its variants and prices, photos, channel listings and
    certificates (newest first) for the edit page: seven queries."""
    return (
        scope.filter(Product.objects.all())
        .select_related("category", "producer")
        .prefetch_related(
            Prefetch(
                "variants",
                queryset=ProductVariant.objects.order_by("sort_order", "pk").prefetch_related(
                    Prefetch(
                        "channel_listings",
                        queryset=VariantChannelListing.objects.select_related("channel"),
                    )
                ),
            ),
            Prefetch("media", queryset=ProductMedia.objects.order_by("sort_order", "pk")),
            Prefetch(
                "channel_listings",
                queryset=ProductChannelListing.objects.select_related("channel"),
            ),
            Prefetch("certificates", queryset=Certificate.objects.order_by("-created_at", "-pk")),
        )
        .filter(pk=product_id)
        .first()
    )


def variants_for_scope(*, scope: PortalScope, search: str = "") -> QuerySet[ProductVariant]:
    queryset = scope.filter(ProductVariant.objects.all(), "product__producer_id")
    if search:
        queryset = queryset.filter(Q(sku__icontains=search) | Q(product__name__icontains=search))
    return (
        queryset.select_related("product__producer")
        .prefetch_related(
            Prefetch("stocks", queryset=Stock.objects.select_related("warehouse").order_by("pk"))
        )
        .order_by("product__name", "sort_order", "pk")
    )


def certificates_for_scope(*, scope: PortalScope) -> QuerySet[Certificate]:
    return (
        scope.filter(Certificate.objects.all(), "product__producer_id")
        .select_related("product__producer")
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class CertificateState:
    """What the edit page says about a product's OCOP certificate."""

    valid: Certificate | None  # verified and valid today: the product shows its badge
    pending: Certificate | None  # submitted, waiting for OCOP staff
    latest: Certificate | None  # the newest of any status (a rejection shows its reason)

    @property
    def may_submit(self) -> bool:
        return self.valid is None and self.pending is None


def certificate_state(*, product: Product, today: datetime.date | None = None) -> CertificateState:
    """From the prefetched ``product.certificates`` (no query)."""
    today = today or timezone.localdate()
    certificates = list(product.certificates.all())
    return CertificateState(
        valid=next((c for c in certificates if c.is_valid_on(today)), None),
        pending=next((c for c in certificates if c.status == CertificateStatus.PENDING), None),
        latest=certificates[0] if certificates else None,
    )
