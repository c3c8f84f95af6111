"""Order queries (``order``, deprecated ``orderByToken``) and mutations (``orderFulfill``,
``orderFulfillmentUpdateTracking``, ``orderCancel``). ``me { orders }`` is attached to ``User``
in ``user_orders``."""

from __future__ import annotations

import uuid
from typing import Any

import graphene
from graphql import GraphQLError

from shop.graphql.ids import global_id_decode

from .order_mutations import FulfillmentUpdateTracking, OrderCancel, OrderFulfill
from .order_types import Order
from .order_viewer import order_for_viewer


def order_pk_from_global_id(value: str) -> uuid.UUID:
    """The order UUID inside an ``Order`` global ID; a malformed one is a GraphQL error."""
    _type, pk = global_id_decode(value, only_type="Order")
    try:
        return uuid.UUID(pk)
    except ValueError:
        raise GraphQLError(f"Couldn't resolve id: {value}.") from None


class OrderQueriesPart(graphene.ObjectType):
    order = graphene.Field(
        Order,
        id=graphene.Argument(graphene.ID, required=True, description="ID of an order."),
        description="Look up an order by ID: its buyer, OCOP staff, the members of its "
        "producers (their lines only) or, for a guest order, whoever holds its ID (with the "
        "buyer's personal data masked).",
    )
    order_by_token = graphene.Field(
        Order,
        token=graphene.Argument(graphene.UUID, required=True, description="The order's token."),
        deprecation_reason="This field will be removed in Saleor 4.0.",
        description="Look up an order by token.",
    )

    @staticmethod
    def resolve_order(root: Any, info: Any, id: str) -> Any:
        pk = order_pk_from_global_id(id)
        return order_for_viewer(pk=pk, user=getattr(info.context, "user", None), info=info)

    @staticmethod
    def resolve_order_by_token(root: Any, info: Any, token: uuid.UUID) -> Any:
        return order_for_viewer(pk=token, user=getattr(info.context, "user", None), info=info)


class OrderMutationsPart(graphene.ObjectType):
    order_fulfill = OrderFulfill.Field(
        description="Creates new fulfillments for an order (one per producer). Requires OCOP "
        "staff or a member of the lines' producer."
    )
    order_fulfillment_update_tracking = FulfillmentUpdateTracking.Field(
        description="Updates a fulfillment's tracking number. Requires OCOP staff or a member "
        "of the parcel's producer."
    )
    order_cancel = OrderCancel.Field(
        description="Cancel an order. OCOP staff, or the buyer before anything is shipped."
    )
