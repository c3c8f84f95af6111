"""How many units a buyer may still take, and the holds (reservations) that keep them.

Free units of a variant = its active stock − allocations − other checkouts' live holds. Holds are
checked and written under the ``Stock`` row locks of the checkout's variants, taken in
primary-key order after the checkout row: the lock order of ``checkoutComplete``, so the two
never deadlock. Two buyers racing for the last units are thus serialised: the second is refused
with how many units are left, and the sum of live holds never exceeds the free stock, so a
buyer whose hold is live can always complete. ``checkoutComplete`` still re-checks everything
under the same locks. Who holds, for how long, is the policy of ``orders.checkout``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Stock
from shop.graphql.ids import global_id

from .models import Checkout, CheckoutLine, Reservation

# Tests flip this off to show what the locks prevent (the control of the rush tests).
LOCK_ROWS = True


def variants_available(
    *,
    variant_ids: Iterable[int],
    exclude_checkout: Checkout | None = None,
    now: datetime.datetime | None = None,
) -> dict[int, int]:
    """Units available per variant for a buyer (never negative), read without locks: an
    early answer for the storefront; holds and completion decide under the locks."""
    ids = list(set(variant_ids))
    if not ids:
        return {}
    stock = dict(
        Stock.objects.filter(variant_id__in=ids, warehouse__is_active=True)
        .values("variant_id")
        .annotate(total=Sum(F("quantity") - F("quantity_allocated")))
        .values_list("variant_id", "total")
    )
    held = held_by_others(variant_ids=ids, checkout=exclude_checkout, now=now)
    return {vid: max((stock.get(vid) or 0) - held.get(vid, 0), 0) for vid in ids}


def stocks_lock(*, variant_ids: Iterable[int], lock: bool = True) -> list[Stock]:
    """The variants' active stock rows, row-locked in primary-key order (``of=self``: the
    warehouse rows joined by the filter stay unlocked, so buyers of different products do not
    queue on their warehouse). A no-op lock on SQLite."""
    queryset = Stock.objects.filter(
        variant_id__in=set(variant_ids), warehouse__is_active=True
    ).order_by("pk")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    return list(queryset)


def held_by_others(
    *,
    variant_ids: Iterable[int],
    checkout: Checkout | None,
    now: datetime.datetime | None = None,
) -> dict[int, int]:
    """Units of each variant held by live holds of checkouts other than ``checkout``."""
    holds = Reservation.objects.filter(
        variant_id__in=set(variant_ids), reserved_until__gt=now or timezone.now()
    )
    if checkout is not None:
        holds = holds.exclude(checkout_line__checkout=checkout)
    return dict(
        holds.values("variant_id")
        .annotate(total=Sum("quantity"))
        .values_list("variant_id", "total")
    )


def free_units(*, stocks: Iterable[Stock], held: dict[int, int]) -> dict[int, int]:
    """Units per variant neither allocated nor held by others (may be negative when stock was
    lowered under existing holds)."""
    free: dict[int, int] = defaultdict(int)
    for stock in stocks:
        free[stock.variant_id] += stock.quantity - stock.quantity_allocated
    for variant_id, quantity in held.items():
        free[variant_id] -= quantity
    return free


def insufficient_stock(short: dict[int, int], *, field: str = "quantity") -> ValidationError:
    """Saleor's ``INSUFFICIENT_STOCK`` for the variants in ``short`` (variant → units left)."""
    return ValidationError(
        {
            field: ValidationError(
                _("Không đủ hàng: chỉ còn %(remaining)d sản phẩm."),
                code="insufficient_stock",
                params={
                    "remaining": max(min(short.values()), 0),
                    "variants": [global_id("ProductVariant", v) for v in short],
                },
            )
        }
    )


def reservation_minutes() -> int:
    return settings.CHECKOUT_RESERVATION_MINUTES


def _hold_until(checkout: Checkout, now: datetime.datetime) -> datetime.datetime:
    """``CHECKOUT_RESERVATION_MINUTES`` from now, but never past
    ``CHECKOUT_RESERVATION_MAX_MINUTES`` after the checkout's first hold: renewing (setting the
    address again, changing lines) cannot keep units away from other buyers for ever."""
    until = now + datetime.timedelta(minutes=reservation_minutes())
    if checkout.reserved_since is None:
        checkout.reserved_since = now
        checkout.save(update_fields=["reserved_since"])
    last = checkout.reserved_since + datetime.timedelta(
        minutes=settings.CHECKOUT_RESERVATION_MAX_MINUTES
    )
    return min(until, last)


def checkout_reserve(
    *, checkout: Checkout, now: datetime.datetime | None = None
) -> datetime.datetime | None:
    """Hold every line's quantity (replacing the checkout's old holds) until
    ``_hold_until``; returns that moment, or ``None`` when the checkout's hold lifetime is
    spent (it then holds nothing and competes at completion like any buyer without a hold).

    Raises ``insufficient_stock`` (with the units left) when a line wants more than is free;
    the caller's transaction then rolls back, so nothing is half-written. The caller holds the
    checkout row lock (the mutations take it first)."""
    now = now or timezone.now()
    lines = list(CheckoutLine.objects.filter(checkout=checkout))
    until = _hold_until(checkout, now) if lines else now
    if until <= now:
        checkout_release(checkout=checkout)
        return None
    variant_ids = [line.variant_id for line in lines]
    stocks = stocks_lock(variant_ids=variant_ids, lock=LOCK_ROWS)
    # Read after the locks: holds committed by whoever held them before us are visible.
    free = free_units(
        stocks=stocks, held=held_by_others(variant_ids=variant_ids, checkout=checkout, now=now)
    )
    short = {
        line.variant_id: free[line.variant_id]
        for line in lines
        if line.quantity > free[line.variant_id]
    }
    if short:
        raise insufficient_stock(short)
    checkout_release(checkout=checkout)
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
    return until


def checkout_release(*, checkout: Checkout) -> None:
    """Drop the checkout's holds (their units are free for others at once)."""
    Reservation.objects.filter(checkout_line__checkout=checkout).delete()


def account_holds_lock(*, user_id: int) -> None:
    """Queue an account's hold changes behind one another (taken after the checkout row,
    before the stock rows). Two carts of one account taking holds at once (two tabs) would
    otherwise each miss the other's uncommitted holds when releasing them, and both keep
    theirs. ``FOR NO KEY UPDATE``: inserting an order that references the user still goes
    through, so ``checkoutComplete`` never waits for it."""
    if LOCK_ROWS:
        list(
            get_user_model()
            .objects.filter(pk=user_id)
            .select_for_update(no_key=True)
            .values_list("pk")
        )


def user_holds_release(*, user_id: int, keep: Checkout) -> None:
    """Drop the holds of the user's checkouts other than ``keep`` (one held cart per account;
    the caller holds ``account_holds_lock``)."""
    Reservation.objects.filter(checkout_line__checkout__user_id=user_id).exclude(
        checkout_line__checkout=keep
    ).delete()


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
