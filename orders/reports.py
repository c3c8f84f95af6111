"""Staff reports on orders (read-only selectors; the admin pages live in
``shop.admin_reports``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils import timezone

from shop.money import quantize

from .models import OrderLine, OrderStatus

# Orders that are not sales: never placed (draft, expired) or called off (canceled).
NOT_SALES = (OrderStatus.DRAFT, OrderStatus.EXPIRED, OrderStatus.CANCELED)


@dataclass(frozen=True)
class ProducerSalesRow:
    producer_id: int
    producer_name: str
    currency: str
    units: int
    revenue: Decimal  # gross line totals, in the currency's unit (VND: whole dong)
    orders: int


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def sales_per_producer(*, start: datetime.date, end: datetime.date) -> list[ProducerSalesRow]:
    """Units, gross revenue and number of orders per producer (and currency) for orders placed
    from ``start`` to ``end`` inclusive (shop-local dates), canceled orders excluded, highest
    revenue first. One query whatever the number of producers or orders."""
    rows = (
        OrderLine.objects.filter(
            order__created_at__gte=_local_midnight(start),
            order__created_at__lt=_local_midnight(end + datetime.timedelta(days=1)),
        )
        .exclude(order__status__in=NOT_SALES)
        .values("producer_id", "producer__name", "currency")
        .annotate(
            units=Sum("quantity"),
            revenue=Sum("total_price_gross_amount"),
            orders=Count("order_id", distinct=True),
        )
        .order_by("-revenue", "producer__name", "producer_id")
    )
    return [
        ProducerSalesRow(
            producer_id=row["producer_id"],
            producer_name=row["producer__name"],
            currency=row["currency"],
            units=row["units"],
            revenue=quantize(Decimal(row["revenue"]), row["currency"]),
            orders=row["orders"],
        )
        for row in rows
    ]
