"""Saleor's checkout delivery mutations: choosing (or clearing) the delivery method, and
``deliveryOptionsCalculate``, which only reads."""

from __future__ import annotations

from typing import Any

import graphene
from django.utils.translation import gettext as _
from graphql import GraphQLError

from accounts.graphql.auth import current_user
from orders import checkout as services
from orders.models import Checkout as CheckoutModel
from orders.selectors import checkout_get
from orders.shipping import shipping_method_get
from shop.graphql.ids import global_id_decode
from shop.graphql.mutations import BaseMutation

from .checkout_data import checkout_data, checkout_data_reset
from .checkout_delivery_types import Delivery
from .checkout_mutation_base import (
    DEPRECATED_ID,
    CheckoutErrorsMutation,
    CheckoutIdArguments,
    CheckoutMutation,
    checkout_id_decode,
    checkout_ids_pop,
    checkout_locked,
    checkout_not_found,
    field_error,
)
from .checkout_types import Checkout
from .errors import DeliveryOptionsCalculateError


def _unset_delivery(checkout: CheckoutModel) -> None:
    # No service forgets a chosen method on request; Saleor clears it for a null ID.
    checkout.shipping_method = None
    checkout.save(update_fields=["shipping_method", "updated_at"])


def _delivery_method_set(checkout: CheckoutModel, value: str, *, only_shipping: bool) -> None:
    type_name, pk = global_id_decode(value, only_type="ShippingMethod" if only_shipping else None)
    if type_name == "CheckoutDelivery":
        token, _sep, pk = pk.rpartition(":")
        if token != str(checkout.pk):
            raise field_error(
                "delivery_method_id", _("Không tìm thấy phương thức giao hàng."), "not_found"
            )
    elif type_name == "Warehouse":
        raise field_error(
            "delivery_method_id",
            _("Chưa hỗ trợ nhận hàng tại kho: hãy chọn một phương thức giao hàng."),
            "delivery_method_not_applicable",
        )
    elif type_name != "ShippingMethod":
        raise GraphQLError(f"Must receive a ShippingMethod or Warehouse id: {value}.")
    services.checkout_delivery_method_update(checkout=checkout, method=shipping_method_get(pk=pk))


class CheckoutDeliveryMethodUpdate(CheckoutErrorsMutation):
    checkout = graphene.Field(Checkout, description="An updated checkout.")

    class Arguments:
        id = graphene.ID(description="The checkout's ID.")
        token = graphene.UUID(description=f"Checkout token. {DEPRECATED_ID}")
        delivery_method_id = graphene.ID(
            description="Delivery Method ID (`Warehouse` ID or `ShippingMethod` ID); null "
            "clears the choice."
        )

    class Meta:
        description = (
            "Updates the delivery method (shipping method or pick up point) of the checkout."
        )

    @classmethod
    def perform(cls, root: Any, info: Any, delivery_method_id: str | None = None, **data: Any):
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        if delivery_method_id:
            _delivery_method_set(checkout, delivery_method_id, only_shipping=False)
        else:
            _unset_delivery(checkout)
        return {"checkout": checkout_data_reset(checkout)}


class CheckoutShippingMethodUpdate(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        shipping_method_id = graphene.ID(required=True, description="Shipping method.")

    class Meta:
        description = "Updates the shipping method of the checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, shipping_method_id: str, **data: Any):
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        _delivery_method_set(checkout, shipping_method_id, only_shipping=True)
        return {"checkout": checkout_data_reset(checkout)}


class DeliveryOptionsCalculate(BaseMutation):
    error_type = DeliveryOptionsCalculateError
    deliveries = graphene.List(
        graphene.NonNull(Delivery), required=True, description="List of the available deliveries."
    )
    errors = graphene.List(graphene.NonNull(DeliveryOptionsCalculateError), required=True)

    class Arguments:
        id = graphene.ID(required=True, description="The ID of the checkout.")

    class Meta:
        description = "Calculates available delivery options for a checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, id: str) -> dict[str, Any]:
        # Reads only: no lock. Unavailable methods come with `active: false` and a reason.
        checkout = checkout_get(token=checkout_id_decode(id), user=current_user(info))
        if checkout is None:
            raise checkout_not_found()
        return {"deliveries": checkout_data(checkout).offers}

    @staticmethod
    def resolve_deliveries(root: Any, info: Any) -> list[Any]:
        return root.deliveries or []
