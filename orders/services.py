"""Order services after placement: who may see an order, the shared locks, cancellation.

Lock order (as ``checkoutComplete``): the order row first, then the stock rows its allocations
point at, in primary-key order. Every writer follows it, so fulfilling, cancelling and placing
orders never deadlock against each other.

Visibility (``order_access``):

* the order's user and OCOP staff see the whole order; staff also see its events;
* a member of a producer with lines in the order sees the order restricted to that producer's
  lines, fulfilments, parcels and events (Saleor has no such concept; the order's Saleor totals
  stay the whole order's, the producer's part is in ``deliveryParcels``);
* anyone holding the ID of a guest order (no user) sees it: the UUID in the ID is the
  capability, as Saleor's ``orderByToken``; a registered user's order needs that user;
* everyone else: not found.

Personal data (as Saleor: only to the owner and staff, masked for anyone else): the buyer and
staff are the order's *parties* and see it all; a producer's member is a party too but sees only
what shipping its parcel needs (the shipping address and phone), not the buyer's email, billing
address, account or checkout; the holder of a guest order's ID is no party and sees names,
streets, phone and email masked (``accounts.anonymize``) and no transactions. The buyer who
has just completed the checkout (``buyer_access``) sees its own order in full.

Who may act: ``order_cancel`` — staff always (until fulfilled), the buyer while nothing has
been shipped; fulfilment (``orders.fulfilment``) — staff or a member of the lines' producer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from catalog.models import ProducerMember, Stock
from shop.outbox import outbox_publish

from .models import (
    Allocation,
    Order,
    OrderEvent,
    OrderEventType,
    OrderStatus,
)

CANCELLABLE_BY_STAFF = (
    OrderStatus.UNCONFIRMED,
    OrderStatus.UNFULFILLED,
    OrderStatus.PARTIALLY_FULFILLED,
)
CANCELLABLE_BY_BUYER = (OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED)


# --- Access -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class OrderAccess:
    """What one viewer may see of one order. ``producer_ids`` None means every line; ``party``:
    the viewer is the buyer, staff or one of the order's producers' members (see above)."""

    producer_ids: frozenset[int] | None = None
    sees_events: bool = False
    party: bool = False

    @property
    def restricted(self) -> bool:
        return self.producer_ids is not None

    @property
    def sees_shipping_address(self) -> bool:
        """The address and phone to deliver to: every party (a producer ships its parcel)."""
        return self.party

    @property
    def sees_buyer(self) -> bool:
        """The buyer's email, billing address, account and checkout: the buyer and staff."""
        return self.party and not self.restricted

    def shows_producer(self, producer_id: int | None) -> bool:
        return self.producer_ids is None or producer_id in self.producer_ids


FULL_ACCESS = OrderAccess(party=True)
STAFF_ACCESS = OrderAccess(sees_events=True, party=True)
# The holder of a guest order's ID: every line, personal data masked.
HOLDER_ACCESS = OrderAccess()


def user_is_authenticated(user: Any) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def user_producer_ids(user: Any) -> frozenset[int]:
    """Producers ``user`` may act for (one query, cached on the user object)."""
    if not user_is_authenticated(user):
        return frozenset()
    cached = getattr(user, "_ocop_producer_ids", None)
    if cached is None:
        cached = frozenset(
            ProducerMember.objects.filter(user=user).values_list("producer_id", flat=True)
        )
        user._ocop_producer_ids = cached
    return cached


def order_producer_ids(order: Order) -> set[int]:
    """The producers of ``order``'s lines (no query when its lines are prefetched)."""
    cache = getattr(order, "_prefetched_objects_cache", {})
    if "lines" in cache:
        return {line.producer_id for line in cache["lines"]}
    return set(order.lines.values_list("producer_id", flat=True))


def order_access(*, order: Order, user: Any) -> OrderAccess | None:
    """What ``user`` may see of ``order``; None when it must look as if it did not exist."""
    if user_is_authenticated(user):
        if user.is_staff:
            return STAFF_ACCESS
        if order.user_id is not None and order.user_id == user.pk:
            return FULL_ACCESS
        producers = user_producer_ids(user)
        mine = producers & order_producer_ids(order) if producers else frozenset()
        if mine:
            return OrderAccess(producer_ids=frozenset(mine), sees_events=True, party=True)
    if order.user_id is None:
        return HOLDER_ACCESS
    return None


def buyer_access(*, order: Order, user: Any) -> OrderAccess:
    """What the holder of the checkout ``order`` was made from sees of it (``checkoutComplete``'s
    payload): the whole order, as its buyer (staff keep their events). Holding the checkout
    token is being the buyer: it is minted for the buyer and shown to nobody else (an order's
    ``checkoutId`` is for the buyer and staff only)."""
    access = order_access(order=order, user=user)
    if access is not None and access.sees_buyer:
        return access
    return FULL_ACCESS


def require_fulfiller(user: Any, producer_ids: Iterable[int]) -> None:
    """Staff, or a member of every producer in ``producer_ids``; else ``PermissionDenied``."""
    if not user_is_authenticated(user):
        raise PermissionDenied(
            _("To access this path, you need one of the following permissions: MANAGE_ORDERS")
        )
    if user.is_staff:
        return
    if not set(producer_ids) <= user_producer_ids(user):
        raise PermissionDenied(_("Bạn chỉ được giao hàng cho các dòng của cơ sở mình."))


# --- Locks ------------------------------------------------------------------------------------
def order_lock(order: Order) -> Order:
    """The order row, locked: the first lock every order writer takes."""
    return Order.objects.select_for_update().get(pk=order.pk)


def stocks_lock(stock_ids: Iterable[int]) -> dict[int, Stock]:
    """The stock rows, locked in primary-key order (after the order row), by primary key."""
    rows = Stock.objects.select_for_update().filter(pk__in=set(stock_ids)).order_by("pk")
    return {stock.pk: stock for stock in rows}


# --- Cancel -----------------------------------------------------------------------------------
def _has_shipments(order: Order) -> bool:
    return order.fulfillments.exists() or order.lines.filter(quantity_fulfilled__gt=0).exists()


def _require_canceller(order: Order, user: Any) -> None:
    if not user_is_authenticated(user):
        raise PermissionDenied(
            _("To access this path, you need one of the following permissions: MANAGE_ORDERS")
        )
    if user.is_staff:
        return
    if order.user_id is not None and order.user_id == user.pk:
        return
    raise PermissionDenied(_("You do not have permission to perform this action."))


@transaction.atomic
def order_cancel(*, order: Order, user: Any) -> Order:
    """Cancel an order and release its allocations (refunds belong to the payments layer).

    Staff may cancel until the order is fully fulfilled (units already shipped stay shipped);
    the buyer may cancel while nothing has been shipped. A fulfilled or cancelled order is
    refused with ``CANNOT_CANCEL_ORDER``."""
    _require_canceller(order, user)
    order = order_lock(order)
    allowed = CANCELLABLE_BY_STAFF if user.is_staff else CANCELLABLE_BY_BUYER
    if order.status not in allowed or (not user.is_staff and _has_shipments(order)):
        raise ValidationError(
            {"id": ValidationError(_("Không thể hủy đơn hàng này."), code="cannot_cancel_order")}
        )
    allocations = list(
        Allocation.objects.filter(order_line__order=order).order_by("stock_id", "pk")
    )
    stocks_lock(a.stock_id for a in allocations)
    released: dict[int, int] = defaultdict(int)
    for allocation in allocations:
        released[allocation.stock_id] += allocation.quantity_allocated
    for stock_id in sorted(released):
        Stock.objects.filter(pk=stock_id).update(
            quantity_allocated=F("quantity_allocated") - released[stock_id]
        )
    Allocation.objects.filter(pk__in=[a.pk for a in allocations]).delete()
    order.status = OrderStatus.CANCELED
    order.save(update_fields=["status", "updated_at"])
    OrderEvent.objects.create(
        order=order,
        type=OrderEventType.CANCELED,
        user=user,
        parameters={"released": {str(k): v for k, v in released.items()}},
    )
    outbox_publish("order.canceled", {"order_id": str(order.pk)})
    return order
