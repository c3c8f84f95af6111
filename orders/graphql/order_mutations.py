"""``orderFulfill``, ``orderFulfillmentUpdateTracking`` and ``orderCancel``: arguments in, ``orders.services`` call, payload out.

Permission refusals are top-level ``PermissionDenied`` errors (as Saleor) and change nothing;
validation problems come back as ``OrderError`` in ``errors`` (and the deprecated
``orderErrors``).
"""

from __future__ import annotations

import uuid
from typing import Any

import graphene
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from graphql import GraphQLError

from catalog.models import Warehouse
from shop.graphql.ids import global_id_decode, global_id_decode_int
from shop.graphql.mutations import BaseMutation, MutationFailed, error

from .. import fulfilment, services
from ..models import Fulfillment as FulfillmentModel
from ..models import Order as OrderModel
from ..models import OrderLine as OrderLineModel
from .errors import ORDER_ERROR_CODES, OrderError
from .order_line_types import Fulfillment
from .order_types import Order
from .order_viewer import order_for_viewer

_CODES = frozenset(ORDER_ERROR_CODES)


def _uuid_of(value: str, type_name: str) -> uuid.UUID:
    _type, pk = global_id_decode(value, only_type=type_name)
    try:
        return uuid.UUID(pk)
    except ValueError:
        raise GraphQLError(f"Couldn't resolve id: {value}.") from None


def _user(info: Any) -> Any:
    user = getattr(info.context, "user", None)
    if user is None or not user.is_authenticated:
        raise PermissionDenied(
            _("To access this path, you need one of the following permissions: MANAGE_ORDERS")
        )
    return user


def _order_or_fail(global_id: str | None, field: str) -> OrderModel:
    if not global_id:
        raise MutationFailed([error(field, _("Hãy chọn đơn hàng."), "REQUIRED")])
    order = OrderModel.objects.filter(pk=_uuid_of(global_id, "Order")).first()
    if order is None:
        raise MutationFailed(
            [error(field, _("Couldn't resolve to a node: %s") % global_id, "NOT_FOUND")]
        )
    return order


class OrderBaseMutation(BaseMutation):
    error_type = OrderError
    errors = graphene.List(graphene.NonNull(OrderError), required=True)
    order_errors = graphene.List(
        graphene.NonNull(OrderError),
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `errors` field instead.",
    )

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any):
        payload = super().mutate(root, info, **data)
        for entry in payload.errors:
            if entry.code not in _CODES:
                entry.code = "INVALID"
        payload.order_errors = payload.errors
        return payload


# --- orderFulfill ----------------------------------------------------------------------------
class OrderFulfillStockInput(graphene.InputObjectType):
    quantity = graphene.Int(required=True, description="The number of line items to be fulfilled.")
    warehouse = graphene.ID(
        required=True, description="ID of the warehouse from which the item will be fulfilled."
    )


class OrderFulfillLineInput(graphene.InputObjectType):
    order_line_id = graphene.ID(description="The ID of the order line.")
    stocks = graphene.List(
        graphene.NonNull(OrderFulfillStockInput),
        required=True,
        description="List of stock items to create.",
    )


class OrderFulfillInput(graphene.InputObjectType):
    lines = graphene.List(
        graphene.NonNull(OrderFulfillLineInput),
        required=True,
        description="List of items informing how to fulfill the order.",
    )
    notify_customer = graphene.Boolean(description="If true, send an email notification.")
    allow_stock_to_be_exceeded = graphene.Boolean(
        default_value=False,
        description="Accepted for compatibility: units always come from the order's allocations.",
    )
    tracking_number = graphene.String(description="Fulfillment tracking number.")


def _fulfil_requests(
    order: OrderModel, lines_input: list[dict[str, Any]]
) -> list[tuple[OrderLineModel, int]]:
    """Turn ``lines`` input into ``(order line, quantity)`` pairs; lines with 0 units are
    skipped (as Saleor), a negative quantity or an unknown line is an error."""
    if any(not item.get("order_line_id") for item in lines_input):
        raise MutationFailed([error("order_line_id", _("Hãy chọn dòng đơn hàng."), "REQUIRED")])
    ids = [_uuid_of(item["order_line_id"], "OrderLine") for item in lines_input]
    lines = {
        line.pk: line
        for line in OrderLineModel.objects.filter(order=order, pk__in=ids).select_related(
            "producer"
        )
    }
    missing = [
        item["order_line_id"] for item, pk in zip(lines_input, ids, strict=True) if pk not in lines
    ]
    if missing:
        raise MutationFailed(
            [
                error(
                    "order_line_id",
                    _("Không tìm thấy dòng trong đơn hàng này."),
                    "NOT_FOUND",
                    orderLines=missing,
                )
            ]
        )
    warehouse_ids = {
        global_id_decode_int(stock["warehouse"], only_type="Warehouse")
        for item in lines_input
        for stock in item["stocks"]
    }
    producers = dict(
        Warehouse.objects.filter(pk__in=warehouse_ids).values_list("pk", "producer_id")
    )
    requests: list[tuple[OrderLineModel, int]] = []
    for item, pk in zip(lines_input, ids, strict=True):
        line = lines[pk]
        total = 0
        for stock in item["stocks"]:
            warehouse_pk = global_id_decode_int(stock["warehouse"], only_type="Warehouse")
            if producers.get(warehouse_pk, object()) != line.producer_id:
                raise MutationFailed(
                    [
                        error(
                            "warehouse",
                            _("Kho không thuộc cơ sở sản xuất của dòng này."),
                            "INVALID",
                            warehouse=stock["warehouse"],
                            orderLines=[item["order_line_id"]],
                        )
                    ]
                )
            if stock["quantity"] < 0:
                raise MutationFailed(
                    [
                        error(
                            "quantity",
                            _("Số lượng không được âm."),
                            "INVALID_QUANTITY",
                            orderLines=[item["order_line_id"]],
                        )
                    ]
                )
            total += stock["quantity"]
        if total:
            requests.append((line, total))
    if not requests:
        raise MutationFailed(
            [error("lines", _("Tổng số lượng giao phải lớn hơn 0."), "ZERO_QUANTITY")]
        )
    return requests


class OrderFulfill(OrderBaseMutation):
    fulfillments = graphene.List(
        graphene.NonNull(Fulfillment), description="List of created fulfillments."
    )
    order = graphene.Field(Order, description="Fulfilled order.")

    class Arguments:
        order = graphene.ID(description="ID of the order to be fulfilled.")
        input = OrderFulfillInput(
            required=True, description="Fields required to create a fulfillment."
        )

    class Meta:
        description = "Creates new fulfillments for an order (one per producer)."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = _user(info)
        if not user.is_staff and not services.user_producer_ids(user):
            raise PermissionDenied(
                _("To access this path, you need one of the following permissions: MANAGE_ORDERS")
            )
        order = _order_or_fail(data.get("order"), "order")
        payload = data["input"]
        requests = _fulfil_requests(order, payload["lines"])
        notify = payload.get("notify_customer")
        result = fulfilment.order_fulfill(
            order=order,
            lines=requests,
            tracking_number=(payload.get("tracking_number") or "").strip(),
            user=user,
            notify_customer=True if notify is None else bool(notify),
        )
        viewed = order_for_viewer(pk=order.pk, user=user)
        by_pk = {f.pk: f for f in viewed.fulfillments.all()} if viewed else {}
        return {
            "order": viewed,
            "fulfillments": [by_pk.get(f.pk, f) for f in result.fulfillments],
        }


# --- orderCancel -----------------------------------------------------------------------------
class OrderCancel(OrderBaseMutation):
    order = graphene.Field(Order, description="Canceled order.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the order to cancel.")

    class Meta:
        description = "Cancel an order."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = _user(info)
        order = _order_or_fail(data["id"], "id")
        if services.order_access(order=order, user=user) is None:
            # Someone else's order looks the same as an unknown one.
            raise MutationFailed(
                [error("id", _("Couldn't resolve to a node: %s") % data["id"], "NOT_FOUND")]
            )
        services.order_cancel(order=order, user=user)
        return {"order": order_for_viewer(pk=order.pk, user=user)}


# --- orderFulfillmentUpdateTracking ------------------------------------------------------------
class FulfillmentUpdateTrackingInput(graphene.InputObjectType):
    tracking_number = graphene.String(description="Fulfillment tracking number.")
    notify_customer = graphene.Boolean(
        default_value=False,
        description="If true, send an email notification to the customer.",
    )


class FulfillmentUpdateTracking(OrderBaseMutation):
    fulfillment = graphene.Field(Fulfillment, description="A fulfillment with updated tracking.")
    order = graphene.Field(Order, description="Order for which fulfillment was updated.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of a fulfillment to update.")
        input = FulfillmentUpdateTrackingInput(
            required=True, description="Fields required to update a fulfillment."
        )

    class Meta:
        description = "Updates a fulfillment's tracking number (one producer's parcel)."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = _user(info)
        pk = global_id_decode_int(data["id"], only_type="Fulfillment")
        fulfillment = FulfillmentModel.objects.select_related("order").filter(pk=pk).first()
        if fulfillment is None or services.order_access(order=fulfillment.order, user=user) is None:
            # Someone else's parcel looks the same as an unknown one.
            raise MutationFailed(
                [error("id", _("Couldn't resolve to a node: %s") % data["id"], "NOT_FOUND")]
            )
        payload = data["input"]
        updated = fulfilment.fulfillment_tracking_update(
            fulfillment=fulfillment,
            tracking_number=payload.get("tracking_number") or "",
            user=user,
            notify_customer=bool(payload.get("notify_customer")),
        )
        viewed = order_for_viewer(pk=fulfillment.order_id, user=user)
        by_pk = {f.pk: f for f in viewed.fulfillments.all()} if viewed else {}
        return {"order": viewed, "fulfillment": by_pk.get(updated.pk, updated)}
