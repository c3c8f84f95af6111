"""``User.orders`` (``me { orders }``): the user's orders, newest first, attached to the ``User``
type when this module is imported (by ``orders.graphql.schema``).
"""

from __future__ import annotations

from typing import Any

import graphene

from accounts.graphql.types import User
from shop.graphql.connection import CountableConnection, SortKey, connection_args, paginate
from shop.graphql.selection import selected_paths

from ..models import OrderStatus as OrderStatusChoices
from ..selectors import order_prefetch, orders_base_queryset
from ..services import OrderAccess
from .order_types import Order


class OrderCountableConnection(CountableConnection):
    class Meta:
        node = Order


# --- User.orders -----------------------------------------------------------------------------
ORDER_LIST_KEYS = [SortKey("number", True, int)]


def resolve_user_orders(root: Any, info: Any, **page: Any):
    """The user's orders, newest first (keyset on the order number). Only the user themself
    and OCOP staff see them (Saleor: OWNER or MANAGE_STAFF)."""
    viewer = getattr(info.context, "user", None)
    queryset = orders_base_queryset().exclude(status=OrderStatusChoices.DRAFT)
    allowed = (
        viewer is not None and viewer.is_authenticated and (viewer.pk == root.pk or viewer.is_staff)
    )
    queryset = queryset.filter(user_id=root.pk) if allowed else queryset.none()
    result = paginate(queryset, keys=ORDER_LIST_KEYS, field_name="orders", info=info, **page)
    orders = [edge.node for edge in result.edges]
    order_prefetch(orders, paths=selected_paths(info) | {"lines"})
    for order in orders:
        order._ocop_access = OrderAccess(sees_events=bool(viewer and viewer.is_staff), party=True)
    return result


User._meta.fields["orders"] = graphene.Field(
    OrderCountableConnection,
    resolver=resolve_user_orders,
    description="List of user's orders. Requires one of the following permissions: "
    "MANAGE_STAFF, OWNER.",
    **connection_args(),
)
