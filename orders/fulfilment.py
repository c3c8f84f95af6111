"""Fulfilment per producer: shipping an order's lines in parcels, and their tracking numbers.

Each parcel (``Fulfillment``) holds one producer's lines. Staff or a member of that producer
may ship it; the units leave the stock rows their allocations hold. Locks follow the order of
``orders.services``: the order row first, then its stock rows in primary-key order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from catalog.models import Stock
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
from .services import order_lock, require_fulfiller, stocks_lock, user_is_authenticated

FULFILLABLE = (OrderStatus.UNFULFILLED, OrderStatus.PARTIALLY_FULFILLED)


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
    require_fulfiller(user, {line.producer_id for line, _q in lines})
    order = order_lock(order)
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
    stocks = stocks_lock(a.stock_id for a in allocations)
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
            created_by=user if user_is_authenticated(user) else None,
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
    actor = user if user_is_authenticated(user) else None
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
    require_fulfiller(user, {fulfillment.producer_id})
    tracking_number = (tracking_number or "").strip()
    if len(tracking_number) > 255:
        raise ValidationError(
            {"tracking_number": ValidationError(_("Mã vận đơn quá dài."), code="invalid")}
        )
    order = order_lock(fulfillment.order)
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
        user=user if user_is_authenticated(user) else None,
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
