"""Order services after placement: who may see an order, fulfilment per producer, cancellation.

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

Who may act: ``order_fulfill`` — staff or a member of the lines' producer; ``order_cancel`` —
staff always (until fulfilled), the buyer while nothing has been shipped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from catalog.models import ProducerMember, Stock
from shop.graphql.ids import global_id
from shop.outbox import outbox_publish

from .models import (
    Allocation,
    Fulfillment,
    FulfillmentLine,
    FulfillmentStatus,
    Order,
    OrderEvent,
    OrderEventType,
    OrderLine,
    OrderStatus,
)

CANCELLABLE_BY_STAFF = (
    OrderStatus.UNCONFIRMED,
    OrderStatus.UNFULFILLED,
    OrderStatus.PARTIALLY_FULFILLED,
)
CANCELLABLE_BY_BUYER = (OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED)
FULFILLABLE = (OrderStatus.UNFULFILLED, OrderStatus.PARTIALLY_FULFILLED)


# --- Access -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class OrderAccess:
    """What one viewer may see of one order. ``producer_ids`` None means every line."""

    producer_ids: frozenset[int] | None = None
    sees_events: bool = False

    @property
    def restricted(self) -> bool:
        return self.producer_ids is not None

    def shows_producer(self, producer_id: int | None) -> bool:
        return self.producer_ids is None or producer_id in self.producer_ids


FULL_ACCESS = OrderAccess()


def _authenticated(user: Any) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def user_producer_ids(user: Any) -> frozenset[int]:
    """Producers ``user`` may act for (one query, cached on the user object)."""
    if not _authenticated(user):
        return frozenset()
    cached = getattr(user, "_ocop_producer_ids", None)
    if cached is None:
        cached = frozenset(
            ProducerMember.objects.filter(user=user).values_list("producer_id", flat=True)
        )
        user._ocop_producer_ids = cached
    return cached


def _line_producer_ids(order: Order) -> set[int]:
    cache = getattr(order, "_prefetched_objects_cache", {})
    if "lines" in cache:
        return {line.producer_id for line in cache["lines"]}
    return set(order.lines.values_list("producer_id", flat=True))


def order_access(*, order: Order, user: Any) -> OrderAccess | None:
    """What ``user`` may see of ``order``; None when it must look as if it did not exist."""
    if _authenticated(user):
        if user.is_staff:
            return OrderAccess(sees_events=True)
        if order.user_id is not None and order.user_id == user.pk:
            return FULL_ACCESS
        producers = user_producer_ids(user)
        mine = producers & _line_producer_ids(order) if producers else frozenset()
        if mine:
            return OrderAccess(producer_ids=frozenset(mine), sees_events=True)
    if order.user_id is None:
        return FULL_ACCESS
    return None


def _require_fulfiller(user: Any, producer_ids: Iterable[int]) -> None:
    if not _authenticated(user):
        raise PermissionDenied(
            _("To access this path, you need one of the following permissions: MANAGE_ORDERS")
        )
    if user.is_staff:
        return
    if not set(producer_ids) <= user_producer_ids(user):
        raise PermissionDenied(_("Bạn chỉ được giao hàng cho các dòng của cơ sở mình."))


# --- Locks ------------------------------------------------------------------------------------
def _lock_order(order: Order) -> Order:
    return Order.objects.select_for_update().get(pk=order.pk)


def _lock_stocks(stock_ids: Iterable[int]) -> dict[int, Stock]:
    rows = Stock.objects.select_for_update().filter(pk__in=set(stock_ids)).order_by("pk")
    return {stock.pk: stock for stock in rows}


# --- Fulfil -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class FulfillmentResult:
    order: Order
    fulfillments: list[Fulfillment]


def _validate_fulfil_lines(
    order: Order, lines: Sequence[tuple[OrderLine, int]]
) -> dict[Any, tuple[OrderLine, int]]:
    if not lines:
        raise ValidationError(
            {"lines": ValidationError(_("Hãy chọn ít nhất một dòng để giao."), code="required")}
        )
    merged: dict[Any, tuple[OrderLine, int]] = {}
    for line, quantity in lines:
        if line.order_id != order.pk:
            raise ValidationError(
                {"order_line_id": ValidationError(_("Dòng không thuộc đơn này."), code="not_found")}
            )
        if line.pk in merged:
            raise ValidationError(
                {
                    "order_line_id": ValidationError(
                        _("Một dòng chỉ được nêu một lần."),
                        code="duplicated_input_item",
                        params={"order_lines": [_line_gid(line)]},
                    )
                }
            )
        if quantity <= 0:
            raise ValidationError(
                {
                    "quantity": ValidationError(
                        _("Số lượng giao phải lớn hơn 0."),
                        code="zero_quantity",
                        params={"order_lines": [_line_gid(line)]},
                    )
                }
            )
        merged[line.pk] = (line, quantity)
    return merged


def _line_gid(line: OrderLine) -> str:
    return global_id("OrderLine", line.pk)


def _shipments_checked(
    order: Order, requested: dict[Any, tuple[OrderLine, int]]
) -> list[tuple[OrderLine, int]]:
    """The requested lines re-read under the order lock (a concurrent fulfilment may have moved
    them), refused with ``FULFILL_ORDER_LINE`` when more is asked than is left to ship."""
    fresh = {
        line.pk: line
        for line in OrderLine.objects.filter(order=order, pk__in=requested.keys()).order_by("pk")
    }
    over = [
        _line_gid(line)
        for pk, (line, quantity) in requested.items()
        if quantity > fresh[pk].quantity_unfulfilled
    ]
    if over:
        raise ValidationError(
            {
                "order_line_id": ValidationError(
                    _("Số lượng giao vượt quá số lượng còn lại của dòng."),
                    code="fulfill_order_line",
                    params={"order_lines": over},
                )
            }
        )
    return [(fresh[pk], quantity) for pk, (_line, quantity) in requested.items()]


@transaction.atomic
def order_fulfill(
    *,
    order: Order,
    lines: Sequence[tuple[OrderLine, int]],
    tracking_number: str = "",
    user: Any,
    notify_customer: bool = True,
) -> FulfillmentResult:
    """Ship ``quantity`` of each line: one fulfilment per producer, stock and allocations
    released, ``quantity_fulfilled`` raised, order status moved on, events and an
    ``order.fulfilled`` outbox message per fulfilment.

    Only OCOP staff or members of the lines' producer may do it; a refusal changes nothing."""
    _require_fulfiller(user, {line.producer_id for line, _q in lines})
    order = _lock_order(order)
    if order.status not in FULFILLABLE:
        raise ValidationError(
            {
                "order": ValidationError(
                    _("Không thể giao hàng cho đơn ở trạng thái này."), code="invalid"
                )
            }
        )
    shipments = _shipments_checked(order, _validate_fulfil_lines(order, lines))
    allocations = list(
        Allocation.objects.filter(order_line_id__in=[line.pk for line, _q in shipments]).order_by(
            "stock_id", "pk"
        )
    )
    stocks = _lock_stocks(a.stock_id for a in allocations)
    by_line: dict[Any, list[Allocation]] = defaultdict(list)
    for allocation in allocations:
        by_line[allocation.order_line_id].append(allocation)
    by_producer: dict[int, list[tuple[OrderLine, int]]] = defaultdict(list)
    for line, quantity in shipments:
        by_producer[line.producer_id].append((line, quantity))
    next_number = (order.fulfillments.aggregate(m=Max("fulfillment_order"))["m"] or 0) + 1
    fulfillments = []
    for producer_id in sorted(by_producer):
        fulfillment = Fulfillment.objects.create(
            order=order,
            producer_id=producer_id,
            fulfillment_order=next_number + len(fulfillments),
            tracking_number=tracking_number or "",
            created_by=user if _authenticated(user) else None,
        )
        for line, quantity in by_producer[producer_id]:
            _ship_line(fulfillment, line, quantity, by_line[line.pk], stocks)
        fulfillments.append(fulfillment)
    _record_fulfilment(order, fulfillments, user, notify_customer=notify_customer)
    return FulfillmentResult(order=order, fulfillments=fulfillments)


def _ship_line(
    fulfillment: Fulfillment,
    line: OrderLine,
    quantity: int,
    allocations: list[Allocation],
    stocks: dict[int, Stock],
) -> None:
    """Take ``quantity`` from the line's allocations: the stock row loses the units (they left
    the warehouse) and its allocated count drops with them. One fulfilment line per stock row
    the units came from, as Saleor."""
    remaining = quantity
    taken: list[tuple[int, int]] = []
    for allocation in allocations:
        if remaining == 0:
            break
        take = min(remaining, allocation.quantity_allocated)
        if take <= 0:
            continue
        Stock.objects.filter(pk=allocation.stock_id).update(
            quantity=F("quantity") - take, quantity_allocated=F("quantity_allocated") - take
        )
        stock = stocks[allocation.stock_id]
        stock.quantity -= take
        stock.quantity_allocated -= take
        allocation.quantity_allocated -= take
        if allocation.quantity_allocated == 0:
            allocation.delete()
        else:
            allocation.save(update_fields=["quantity_allocated"])
        taken.append((allocation.stock_id, take))
        remaining -= take
    if remaining:
        # Every unit of an unfulfilled line is allocated at placement; fewer allocated units
        # mean the data was changed by hand: refuse rather than ship from someone else's units.
        raise ValidationError(
            {
                "order_line_id": ValidationError(
                    _("Không đủ hàng đã giữ cho dòng này."),
                    code="insufficient_stock",
                    params={"order_lines": [_line_gid(line)]},
                )
            }
        )
    OrderLine.objects.filter(pk=line.pk).update(
        quantity_fulfilled=F("quantity_fulfilled") + quantity
    )
    line.quantity_fulfilled += quantity
    FulfillmentLine.objects.bulk_create(
        [
            FulfillmentLine(fulfillment=fulfillment, order_line=line, quantity=units, stock_id=pk)
            for pk, units in taken
        ]
    )


def _status_after_fulfilment(order: Order) -> str:
    lines = list(order.lines.values_list("quantity", "quantity_fulfilled"))
    if all(fulfilled >= quantity for quantity, fulfilled in lines):
        return OrderStatus.FULFILLED
    return OrderStatus.PARTIALLY_FULFILLED


def _record_fulfilment(
    order: Order, fulfillments: list[Fulfillment], user: Any, *, notify_customer: bool
) -> None:
    order.status = _status_after_fulfilment(order)
    order.save(update_fields=["status", "updated_at"])
    actor = user if _authenticated(user) else None
    for fulfillment in fulfillments:
        items = list(fulfillment.lines.all())
        per_line: dict[str, int] = defaultdict(int)
        for item in items:
            per_line[str(item.order_line_id)] += item.quantity
        shipped = [{"line_pk": pk, "quantity": units} for pk, units in per_line.items()]
        OrderEvent.objects.create(
            order=order,
            type=OrderEventType.FULFILLMENT_FULFILLED_ITEMS,
            user=actor,
            parameters={
                "fulfilled_items": [str(item.pk) for item in items],
                "lines": shipped,
                "fulfillment_id": fulfillment.pk,
                "producer_id": fulfillment.producer_id,
                "quantity": sum(item["quantity"] for item in shipped),
            },
        )
        if fulfillment.tracking_number:
            OrderEvent.objects.create(
                order=order,
                type=OrderEventType.TRACKING_UPDATED,
                user=actor,
                parameters={
                    "tracking_number": fulfillment.tracking_number,
                    "fulfillment": str(fulfillment.fulfillment_order),
                    "fulfillment_id": fulfillment.pk,
                    "producer_id": fulfillment.producer_id,
                },
            )
        outbox_publish(
            "order.fulfilled",
            {
                "order_id": str(order.pk),
                "fulfillment_id": fulfillment.pk,
                "notify_customer": notify_customer,
            },
        )


# --- Cancel -----------------------------------------------------------------------------------
def _has_shipments(order: Order) -> bool:
    return order.fulfillments.exists() or order.lines.filter(quantity_fulfilled__gt=0).exists()


def _require_canceller(order: Order, user: Any) -> None:
    if not _authenticated(user):
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
    order = _lock_order(order)
    allowed = CANCELLABLE_BY_STAFF if user.is_staff else CANCELLABLE_BY_BUYER
    if order.status not in allowed or (not user.is_staff and _has_shipments(order)):
        raise ValidationError(
            {"id": ValidationError(_("Không thể hủy đơn hàng này."), code="cannot_cancel_order")}
        )
    allocations = list(
        Allocation.objects.filter(order_line__order=order).order_by("stock_id", "pk")
    )
    _lock_stocks(a.stock_id for a in allocations)
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


# --- Tracking number --------------------------------------------------------------------------
@transaction.atomic
def fulfillment_tracking_update(
    *, fulfillment: Fulfillment, tracking_number: str, user: Any, notify_customer: bool = True
) -> Fulfillment:
    """Change a fulfilment's tracking number (the carrier re-labelled the parcel, a typo).

    Staff or a member of the fulfilment's producer only. Records a ``TRACKING_UPDATED`` order
    event and, after commit, emails the buyer the new number (``order.tracking_updated``; an
    empty number is recorded but not mailed; ``notify_customer=False`` records it silently, as
    Saleor's ``orderFulfillmentUpdateTracking`` allows). The same number again changes nothing."""
    _require_fulfiller(user, {fulfillment.producer_id})
    tracking_number = (tracking_number or "").strip()
    if len(tracking_number) > 255:
        raise ValidationError(
            {"tracking_number": ValidationError(_("Mã vận đơn quá dài."), code="invalid")}
        )
    order = _lock_order(fulfillment.order)
    fulfillment = Fulfillment.objects.select_for_update().get(pk=fulfillment.pk)
    if fulfillment.status == FulfillmentStatus.CANCELED:
        raise ValidationError(
            {
                "tracking_number": ValidationError(
                    _("Không thể đổi mã vận đơn của kiện hàng đã hủy."), code="invalid"
                )
            }
        )
    if tracking_number == fulfillment.tracking_number:
        return fulfillment
    fulfillment.tracking_number = tracking_number
    fulfillment.save(update_fields=["tracking_number"])
    OrderEvent.objects.create(
        order=order,
        type=OrderEventType.TRACKING_UPDATED,
        user=user if _authenticated(user) else None,
        parameters={
            "tracking_number": tracking_number,
            "fulfillment": str(fulfillment.fulfillment_order),
            "fulfillment_id": fulfillment.pk,
            "producer_id": fulfillment.producer_id,
        },
    )
    if tracking_number and notify_customer:
        outbox_publish(
            "order.tracking_updated",
            {
                "order_id": str(order.pk),
                "fulfillment_id": fulfillment.pk,
                "tracking_number": tracking_number,
            },
        )
    return fulfillment
