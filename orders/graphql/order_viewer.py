"""What a viewer may see of an order: ``order_for_viewer`` (the lookup behind ``order(id)``),
``order_for_buyer`` (``checkoutComplete``'s payload), ``access_of`` (decided once per order by
``orders.services.order_access`` and cached on it) and the lines that access shows.
"""

from __future__ import annotations

from typing import Any

from shop.graphql.selection import selected_paths

from ..models import Order as OrderModel
from ..models import OrderLine as OrderLineModel
from ..selectors import order_get, order_prefetch
from ..services import OrderAccess, buyer_access, order_access

# What a viewer whose access was refused sees of an order reached anyway: no lines.
NO_LINES = OrderAccess(producer_ids=frozenset())


def access_of(order: OrderModel, info: Any) -> OrderAccess:
    """The viewer's access to ``order``, computed once. An order reached without a visibility
    check (``checkoutComplete``'s payload) gets the same rules; should they refuse, it shows no
    lines, parcels, fulfilments or events."""
    access = getattr(order, "_ocop_access", None)
    if access is None:
        user = getattr(info.context, "user", None)
        access = order_access(order=order, user=user) or NO_LINES
        order._ocop_access = access
        if "lines" not in getattr(order, "_prefetched_objects_cache", {}):
            order_prefetch([order])  # a fixed number of queries, not one per line
    return access


def order_for_viewer(*, pk: Any, user: Any, info: Any = None) -> OrderModel | None:
    """The order ``pk`` as ``user`` may see it (access cached on it), or None."""
    order = order_get(pk=pk)
    if order is None:
        return None
    access = order_access(order=order, user=user)
    if access is None:
        return None
    order._ocop_access = access
    paths = selected_paths(info) if info is not None else None
    order_prefetch([order], paths=paths | {"lines"} if paths is not None else None)
    return order


def order_for_buyer(*, order: OrderModel, user: Any) -> OrderModel:
    """``order`` as the holder of the checkout it was made from sees it: in full (access cached
    on it, what the order types read prefetched)."""
    order._ocop_access = buyer_access(order=order, user=user)
    if "lines" not in getattr(order, "_prefetched_objects_cache", {}):
        order_prefetch([order])
    return order


def visible_lines(order: OrderModel, info: Any) -> list[OrderLineModel]:
    access = access_of(order, info)
    return [line for line in order.lines.all() if access.shows_producer(line.producer_id)]
