"""Saleor's ``checkoutComplete``: the checkout becomes an order, once. A repeated call (the
checkout is gone by then) returns the order it became, to whoever may see it. The payload's
order is the buyer's view (``order_for_buyer``): whoever holds the checkout is its buyer."""

from __future__ import annotations

import uuid
from typing import Any

import graphene

from accounts.graphql.auth import current_user
from accounts.graphql.types import MetadataInput
from orders.checkout_complete import checkout_complete
from orders.models import Order as OrderModel
from orders.selectors import checkout_for_update

from .checkout_mutation_base import (
    CheckoutErrorsMutation,
    CheckoutIdArguments,
    checkout_ids_pop,
    checkout_not_found,
    checkout_token,
)
from .errors import CheckoutError
from .metadata_mutations import metadata_update
from .order_viewer import order_for_buyer


def _completed_order(token: uuid.UUID, user: Any) -> OrderModel | None:
    """The order a checkout already became, for its owner (a guest's: for whoever has the ID)."""
    order = OrderModel.objects.filter(checkout_token=token).first()
    if order is None or order.user_id is None:
        return order
    if user is not None and (user.pk == order.user_id or user.is_staff):
        return order
    return None


class CheckoutComplete(CheckoutErrorsMutation):
    order = graphene.Field("orders.graphql.order_types.Order", description="Placed order.")
    confirmation_needed = graphene.Boolean(
        required=True,
        description="Set to true if payment needs to be confirmed before checkout is complete.",
    )
    confirmation_data = graphene.JSONString(
        description="Confirmation data used to process additional authorization steps."
    )
    checkout_errors = graphene.List(
        graphene.NonNull(CheckoutError),
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `errors` field instead.",
    )

    class Arguments(CheckoutIdArguments):
        metadata = graphene.List(
            graphene.NonNull(MetadataInput),
            description="Fields required to update the checkout metadata (copied to the order).",
        )
        payment_data = graphene.JSONString(description="Accepted; cash on delivery needs none.")
        redirect_url = graphene.String(description="Accepted; no redirect step.")
        store_source = graphene.Boolean(default_value=False, description="Accepted; unused.")

    class Meta:
        description = (
            "Completes the checkout: the order is created (once: a repeated call returns it)."
        )

    @classmethod
    def perform(cls, root: Any, info: Any, metadata: list[Any] | None = None, **data: Any):
        for unused in ("payment_data", "redirect_url", "store_source"):
            data.pop(unused, None)
        token = checkout_token(**checkout_ids_pop(data))
        user = current_user(info)
        checkout = checkout_for_update(token=token, user=user)
        if checkout is None:
            order = _completed_order(token, user)
            if order is None:
                raise checkout_not_found()
            return {"order": order_for_buyer(order=order, user=user), "confirmation_needed": False}
        if metadata:
            metadata_update(checkout, metadata)
        result = checkout_complete(token=checkout.pk, user=user)
        order = order_for_buyer(order=result.order, user=user)
        return {"order": order, "confirmation_needed": False}

    @staticmethod
    def resolve_confirmation_needed(root: Any, info: Any) -> bool:
        return bool(root.confirmation_needed)
