"""How many units a buyer may still take: stock − allocations − other buyers' live reservations.

Reservations are taken when a buyer reaches delivery/payment and refreshed by line changes, so
two buyers racing for the last units learn early. The final word is still ``checkoutComplete``,
which re-checks everything under row locks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db.models import F, Sum
from django.utils import timezone

from catalog.models import Stock

from .models import Checkout, CheckoutLine, Reservation


def variants_available(
    *,
    variant_ids: Iterable[int],
    exclude_checkout: Checkout | None = None,
    now: datetime.datetime | None = None,
) -> dict[int, int]:
    """Units available per variant for a buyer (never negative)."""
    ids = list(set(variant_ids))
    if not ids:
        return {}
    now = now or timezone.now()
    stock = dict(
        Stock.objects.filter(variant_id__in=ids, warehouse__is_active=True)
        .values("variant_id")
        .annotate(total=Sum(F("quantity") - F("quantity_allocated")))
        .values_list("variant_id", "total")
    )
    reservations = Reservation.objects.filter(variant_id__in=ids, reserved_until__gt=now)
    if exclude_checkout is not None:
        reservations = reservations.exclude(checkout_line__checkout=exclude_checkout)
    reserved = dict(
        reservations.values("variant_id")
        .annotate(total=Sum("quantity"))
        .values_list("variant_id", "total")
    )
    return {vid: max((stock.get(vid) or 0) - (reserved.get(vid) or 0), 0) for vid in ids}


def reservation_minutes() -> int:
    return settings.CHECKOUT_RESERVATION_MINUTES


def checkout_reserve(*, checkout: Checkout, now: datetime.datetime | None = None) -> None:
    """Hold every line's quantity for ``CHECKOUT_RESERVATION_MINUTES`` (replaces old holds)."""
    now = now or timezone.now()
    until = now + datetime.timedelta(minutes=reservation_minutes())
    lines = list(CheckoutLine.objects.filter(checkout=checkout))
    Reservation.objects.filter(checkout_line__checkout=checkout).delete()
    Reservation.objects.bulk_create(
        [
            Reservation(
                checkout_line=line,
                variant_id=line.variant_id,
                quantity=line.quantity,
                reserved_until=until,
            )
            for line in lines
        ]
    )


def checkout_has_reservations(checkout: Checkout) -> bool:
    return Reservation.objects.filter(checkout_line__checkout=checkout).exists()


def checkout_reservation_expires(checkout: Checkout) -> datetime.datetime | None:
    """When the earliest live hold of this checkout ends (``stockReservationExpires``)."""
    now = timezone.now()
    holds = [
        line.reservation.reserved_until
        for line in checkout.lines.all()
        if hasattr(line, "reservation") and line.reservation.reserved_until > now
    ]
    return min(holds) if holds else None


def reservations_release_expired(*, now: datetime.datetime | None = None) -> int:
    deleted, _ = Reservation.objects.filter(reserved_until__lte=now or timezone.now()).delete()
    return deleted
