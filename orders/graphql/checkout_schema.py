"""Checkout queries and mutations: ``checkout(id)`` and the checkout mutations, as Saleor."""

from __future__ import annotations

import uuid
from typing import Any

import graphene
from graphql import GraphQLError

from accounts.graphql.auth import current_user
from orders.selectors import checkout_get
from shop.graphql.view import response_not_cacheable

from . import checkout_mutations as mutations
from .checkout_types import Checkout


class CheckoutQueries(graphene.ObjectType):
    checkout = graphene.Field(
        Checkout,
        description="Look up a checkout by ID. A customer's checkout is visible only to them.",
        id=graphene.ID(description="The checkout's ID."),
        token=graphene.UUID(
            description="The checkout's token. DEPRECATED: this field will be removed in Saleor "
            "4.0. Use `id` instead."
        ),
    )

    @staticmethod
    def resolve_checkout(
        root: Any, info: Any, id: str | None = None, token: uuid.UUID | None = None
    ) -> Any:
        response_not_cacheable(info.context)
        if id:
            token = mutations.checkout_id_decode(id)
        elif token is None:
            raise GraphQLError("At least one of arguments is required: 'id', 'token'.")
        return checkout_get(token=token, user=current_user(info))


class CheckoutMutations(graphene.ObjectType):
    checkout_create = mutations.CheckoutCreate.Field()
    checkout_lines_add = mutations.CheckoutLinesAdd.Field()
    checkout_lines_update = mutations.CheckoutLinesUpdate.Field()
    checkout_lines_delete = mutations.CheckoutLinesDelete.Field()
    checkout_line_delete = mutations.CheckoutLineDelete.Field(
        deprecation_reason="This field will be removed in Saleor 4.0. Use `checkoutLinesDelete` "
        "instead."
    )
    checkout_email_update = mutations.CheckoutEmailUpdate.Field()
    checkout_shipping_address_update = mutations.CheckoutShippingAddressUpdate.Field()
    checkout_billing_address_update = mutations.CheckoutBillingAddressUpdate.Field()
    checkout_delivery_method_update = mutations.CheckoutDeliveryMethodUpdate.Field()
    checkout_shipping_method_update = mutations.CheckoutShippingMethodUpdate.Field(
        deprecation_reason="This field will be removed in Saleor 4.0. Use "
        "`checkoutDeliveryMethodUpdate` instead."
    )
    delivery_options_calculate = mutations.DeliveryOptionsCalculate.Field()
    checkout_customer_attach = mutations.CheckoutCustomerAttach.Field()
    checkout_customer_detach = mutations.CheckoutCustomerDetach.Field()
    checkout_add_promo_code = mutations.CheckoutAddPromoCode.Field()
    checkout_remove_promo_code = mutations.CheckoutRemovePromoCode.Field()
    checkout_complete = mutations.CheckoutComplete.Field()
    update_metadata = mutations.UpdateMetadata.Field()
